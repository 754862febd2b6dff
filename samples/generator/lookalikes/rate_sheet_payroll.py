"""Look-alike of a tour payroll priced from a hidden rate sheet, in a tour and a retainer section.

Visible sheet "PAYROLL W RATES " (trailing space): banner, PAY PERIOD DATES (start, =B4+6),
a deposit date formula; over the day columns, label rows in column G (Work Dates ONLY with
Mon..Sun, Work Date =B4 chained, Show Type, Day Type, Show - City, State, Zip Code, Show -
Foreign Country) with the money headers split over rows 7-10 (WAGE SUBTOTAL, PER DIEM -
TAXABLE, MISC PAY - ADD DESCRIPTION IN NOTES, ADDITIONAL PAYMENTS SUBTOTAL). Header row:
LEGAL NAME | SSN | HOME STATE | POSITION | TOUR RATE 2026 | PER DIEM (a split such as
"45/55"). Day cells are =$E$16 (the row's day rate) on worked days; positions and splits are
partly formulas into the hidden RATE SHEET. Each section ends with an unlabeled sum row; a
second section repeats the label rows for retainer days (RETAINER RATE 2026); an unlabeled
grand total sums both sections' wages and additional payments. Hidden sheets: RATE SHEET (the
same person on two rows with two positions and rates) and BUDGET CODES (text formulas and
#REF! cells).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 5, 11) + dt.timedelta(days=i) for i in range(7)]
SHEET = "PAYROLL W RATES "
FIRST_DAY = 8  # H


@dataclass
class Tech:
    raw: str
    name: str
    state: str
    position: str  # a text, or "=RATE:<row>" for a formula into the rate sheet
    rate: str | None
    worked: list[int]
    split: str = "45/55"
    per_diem_taxable: Decimal = Decimal(0)
    misc: Decimal = Decimal(0)


RATE_SHEET = [  # FULL NAME, POSITION, TOUR RATE, RETAINER RATE, CORP SHOW FLAT, PROMO FLAT, PD split
    ("Ashdown, Felix", "Playback", 560, 280, 3920, 1680, "45/55"),
    ("Ashdown, Felix", "Drum Tech", None, "-", 750, None, None),
    ("Varga, Ilona", "Backline Chief", 515, 257.5, 3605, 1545, "45/55"),
    ("Okwu, Dario", "Security", 690, None, 4830, 2070, "45/55"),
    ("Reinholt, Mara", "Monitor Mixer", 610, 305, 4270, 1830, "45/55"),
]


def _label_rows(book: Book, ws, top: int, title: str, start_cell: str, day_types: list[str | None],
                places: list[str]) -> None:
    """The label rows over the day columns (rows top..top+6), the money headers beside them."""
    ws.cell(row=top, column=7, value=title)
    for i, name in enumerate(["Mon", "Tue", "Wed", "Thurs", "Fri", "Sat", "Sun"]):
        ws.cell(row=top, column=FIRST_DAY + i, value=name)
    ws.cell(row=top + 1, column=7, value="Work Date")
    book.formula(ws, top + 1, FIRST_DAY, f"={start_cell}", WEEK[0], "m/d")
    for i in range(1, 7):
        book.formula(ws, top + 1, FIRST_DAY + i, f"={get_column_letter(FIRST_DAY + i - 1)}{top + 1}+1", WEEK[i], "m/d")
    labels = ["Show Type", "Day Type", "Show - City, State", "Zip Code", "Show - Foreign Country"]
    for offset, label in enumerate(labels, start=2):
        ws.cell(row=top + offset, column=7, value=label)
    for i in range(7):
        ws.cell(row=top + 2, column=FIRST_DAY + i, value="Tour Rate")
        if day_types[i]:
            ws.cell(row=top + 3, column=FIRST_DAY + i, value=day_types[i])
        ws.cell(row=top + 4, column=FIRST_DAY + i, value=places[i])
        ws.cell(row=top + 6, column=FIRST_DAY + i, value="US")
    for col, (upper, lower) in {15: ("WAGE", "SUBTOTAL"), 16: ("PER DIEM - ", "TAXABLE "),
                                17: ("MISC PAY - ADD", "DESCRIPTION IN NOTES"), 18: ("PAYMENTS", "SUBTOTAL")}.items():
        ws.cell(row=top + 4, column=col, value=upper)
        ws.cell(row=top + 6, column=col, value=lower)
    ws.cell(row=top + 3, column=17, value="REIMBURSEMENTS/OTHER")
    ws.cell(row=top + 3, column=18, value="ADDITIONAL")
    ws.cell(row=top + 6, column=19, value="NOTES")


def _section(book: Book, ws, truth: Truth, header: int, rate_title: str, techs: list[Tech]) -> tuple[int, int]:
    """Header row and people from ``header``; returns (the sum row, the next free row)."""
    for col, text in enumerate(["LEGAL NAME", "SSN", "HOME STATE", "POSITION", rate_title], start=1):
        ws.cell(row=header, column=col, value=text)
    ws.cell(row=header, column=7, value="PER DIEM")
    row = header + 1
    first = row
    names, wages_sum, extra_sum = [], Decimal(0), Decimal(0)
    for tech in techs:
        ws.cell(row=row, column=1, value=tech.raw)
        ws.cell(row=row, column=2, value=f"xxx-xx-{8200 + row}")
        ws.cell(row=row, column=3, value=tech.state)
        if tech.position.startswith("=RATE:"):
            source = int(tech.position.split(":")[1])
            book.formula(ws, row, 4, f"='RATE SHEET'!B{source}", RATE_SHEET[source - 2][1])
            book.formula(ws, row, 7, f"='RATE SHEET'!G{source}", RATE_SHEET[source - 2][6])
        else:
            ws.cell(row=row, column=4, value=tech.position)
            ws.cell(row=row, column=7, value=tech.split)
        wages = Decimal(0)
        if tech.rate is not None:
            ws.cell(row=row, column=5, value=float(tech.rate))
            for i in tech.worked:
                book.formula(ws, row, FIRST_DAY + i, f"=$E${row}", D(tech.rate))
                truth.person(tech.name).add(WEEK[i], None, money(D(tech.rate)))
                wages += money(D(tech.rate))
        book.formula(ws, row, 15, f"=SUM(H{row}:N{row})", wages)
        for col, value in ((16, tech.per_diem_taxable), (17, tech.misc)):
            if value:
                ws.cell(row=row, column=col, value=float(value))
        book.formula(ws, row, 18, f"=SUM(P{row}:Q{row})", tech.per_diem_taxable + tech.misc)
        if wages:
            truth.state_total(tech.name, "pay", wages)
            names.append(tech.name)
        wages_sum += wages
        extra_sum += tech.per_diem_taxable + tech.misc
        row += 1
    book.formula(ws, row, 15, f"=SUM(O{first}:O{row - 1})", wages_sum)
    book.formula(ws, row, 18, f"=SUM(R{first}:R{row - 1})", extra_sum)
    truth.state_total(None, "pay", wages_sum, SHEET, among=names)
    return row, row + 4


def rate_sheet_payroll(out: Path) -> Truth:
    path = out / "27_rate_sheet_payroll.xlsx"
    truth = Truth(path.name, family="wide_grid (label rows over the days, two sections)",
                  structure=" ".join(__doc__.split()), week_start=WEEK[0],
                  traps=["sheet name with a trailing space", "label rows in column G over the day columns",
                         "money headers split over four rows", "period start and =B4+6 end", "day cells =$E$16 "
                         "(the day rate, cached)", "positions and per diem splits as formulas into a hidden rate "
                         "sheet", "per diem split text '45/55'", "unlabeled section sum rows and grand total",
                         "tour and retainer sections with repeated label rows", "people listed with no rate and no "
                         "days (no timecard)", "hidden RATE SHEET with the same person on two rows", "hidden BUDGET "
                         "CODES with text formulas and #REF! (no issue)"])
    tour = [
        Tech("Ashdown, Felix", "Felix Ashdown", "TN", "=RATE:2", "560", [1, 3]),
        Tech("Varga, Ilona", "Ilona Varga", "CA", "=RATE:4", "515", [0, 1, 2, 3, 4]),
        Tech("Okwu, Dario", "Dario Okwu", "NV", "=RATE:5", "690", [4, 5, 6], per_diem_taxable=D(140)),
        Tech("Pruitt, Gemma", "Gemma Pruitt", "CO", "Stage Manager", None, []),
        Tech("Reinholt, Mara", "Mara Reinholt", "TN", "=RATE:6", "610", [0, 1, 2, 3, 4, 5, 6], misc=D(45)),
    ]
    retainer = [
        Tech("Halloran, Bex", "Bex Halloran", "CA", "Playback", "318.57", []),
        Tech("Whitlock, Owen", "Owen Whitlock", "OH", "Backline Tech", "282.5", [0, 1, 2, 3, 4, 5, 6]),
        Tech("Castell, Priya", "Priya Castell", "GA", "Lighting Designer", "345", [0, 2, 4, 5, 6]),
    ]
    book = Book()
    codes = book.sheet("BUDGET CODES", "hidden")
    for r, code in enumerate(["BOOKING FEES", "FLIGHTS", "TALENT FEES", "COACH HIRE", "CREW MEALS"],
                             start=1):
        codes.cell(row=r, column=1, value=code)
        book.formula(codes, r, 3, f'="STARTUP - "&A{r}', f"STARTUP - {code}")
    codes["C6"], codes["C7"] = "#REF!", "#REF!"
    rates = book.sheet("RATE SHEET", "hidden")
    for col, text in enumerate(["FULL NAME", "POSITION", "TOUR RATE", "RETAINER RATE 5/11-6/30/2026",
                                "CORP SHOW FLAT RATE", "PROMO EVENT FLAT RATE - 3 DAYS", "PD - US/INT'L", "PHONE",
                                "EMAIL", "NOTES"], start=1):
        rates.cell(row=1, column=col, value=text)
    for r, values in enumerate(RATE_SHEET, start=2):
        for col, value in enumerate(values, start=1):
            rates.cell(row=r, column=col, value=value)
    rates["J3"] = "Flat rate when covering a second role"
    ws = book.sheet(SHEET)
    ws["A1"], ws["J1"], ws["A2"] = "Kestrel Touring", "TRAVEL/SHOW", "Payroll Services"
    ws["A4"] = "PAY PERIOD DATES:"
    ws["B4"] = dt.datetime.combine(WEEK[0], dt.time())
    book.formula(ws, 4, 3, "=B4+6", WEEK[6], "m/d/yy")
    ws["A5"] = "Direct Deposit Date - "
    book.formula(ws, 5, 2, "=C4+5", WEEK[6] + dt.timedelta(days=5), "m/d/yy")
    _label_rows(book, ws, 4, "Work Dates ONLY", "B4", [None, "Storage", None, "Storage", None, None, None],
                ["Nashville, TN"] * 3 + ["Memphis, TN"] * 4)
    tour_sum, next_row = _section(book, ws, truth, 11, "TOUR RATE 2026", tour)
    _label_rows(book, ws, next_row, "Retainer Date ONLY", "B4", ["OFF"] * 7, ["Home"] * 7)
    retainer_sum, _ = _section(book, ws, truth, next_row + 7, "RETAINER RATE 2026", retainer)
    grand = retainer_sum + 3
    wages = sum((p.total_pay() or Decimal(0) for p in truth.people), Decimal(0))
    extras = sum((t.per_diem_taxable + t.misc for t in tour + retainer), Decimal(0))
    book.formula(ws, grand, 15, f"=SUM(O{tour_sum},R{tour_sum},O{retainer_sum},R{retainer_sum})", wages + extras)
    truth.state_total(None, "pay", wages + extras, SHEET, extra=extras)
    book.save(path)
    return truth


__all__ = ["rate_sheet_payroll"]
