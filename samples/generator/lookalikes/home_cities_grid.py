"""Look-alike of a weekly tour payroll with a wage table and a per diem table on one sheet.

The sheet is named by its dates ("May 18-24"). A merged banner block, SUBMIT and DEPOSIT
dates, a row of day numbers 1..7 over the real dates, then Name | Position | Weekly | Daily
(=SUM(C9/7)) | seven day columns headed HOME CITIES | Total | Withholding | Reimbursement |
Backpay | Adj Total (=SUM(N9-O9+P9+Q9)). Day cells are =SUM(D9) on worked days. Right of the
table, a side calculation of a reimbursement (an airline charge split in three, balance
remaining) feeds one person's Reimbursement. A totals row without a label. Below, a merged
PER DIEMS block repeats the day numbers, dates and header for the same crew at a $35 daily
per diem: allowances, not wages. A Notes row with a sum and a free-text note close the sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 5, 18) + dt.timedelta(days=i) for i in range(7)]
SHEET = "May 18-24"
FIRST_DAY = 6  # F


@dataclass
class Crew:
    raw: str
    name: str
    position: str
    weekly: int  # a multiple of 7
    worked: list[int]
    withholding: Decimal = Decimal(0)
    backpay: Decimal = Decimal(0)
    reimbursed: bool = False


def _day_header(ws, top: int) -> None:
    for i in range(7):
        ws.cell(row=top, column=FIRST_DAY + i, value=i + 1)
        ws.cell(row=top + 2, column=FIRST_DAY + i, value=dt.datetime.combine(WEEK[i], dt.time())).number_format = "m/d"


def home_cities_grid(out: Path) -> Truth:
    path = out / "29_home_cities_grid.xlsx"
    truth = Truth(path.name, family="wide_grid (wage table and per diem table)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["sheet named by its dates without a year", "day numbers 1..7 over the dates", "HOME CITIES "
                         "as every day's header", "Daily =SUM(C9/7), day cells =SUM(D9) (cached)", "withholding "
                         "(a deduction), reimbursement and backpay columns", "Adj Total with them", "a side "
                         "calculation right of the table feeding a reimbursement", "unlabeled totals row",
                         "a second table of per diems for the same people (not wages)", "merged banner and PER "
                         "DIEMS blocks", "Notes row with a sum"])
    crew = [
        Crew("Lachance, Rene", "Rene Lachance", "Tour Manager", 2590, [1, 2, 3, 4, 5, 6], withholding=D("415.00"),
             reimbursed=True),
        Crew("Osei, Abena", "Abena Osei", "Production Aide", 1470, [1, 2, 3, 4, 5, 6]),
        Crew("Drummond, Keir", "Keir Drummond", "FOH Audio", 3360, [0, 1, 2, 3, 4, 5, 6]),
        Crew("Valdés, Inés", "Inés Valdés", "Drums / Playback", 2590, [], backpay=D(370)),
        Crew("Hollis, Grant", "Grant Hollis", "Lighting ", 2730, [2, 3, 4]),
    ]
    book = Book()
    ws = book.sheet(SHEET)
    ws["A2"] = "Cobalt Touring Inc - Payroll"
    ws.merge_cells("A2:E4")
    ws["F2"], ws["F3"] = "SUBMIT DATE", "DEPOSIT DATE"
    ws["G2"], ws["G3"] = dt.datetime(2026, 5, 26), dt.datetime(2026, 6, 1)
    _day_header(ws, 5)
    headers = {1: "Name", 2: "Position", 3: "Weekly", 4: "Daily", 14: "Total", 15: "Withholding ",
               16: "Reimbursement", 17: "Backpay", 18: "Adj Total"}
    for col, text in headers.items():
        ws.cell(row=8, column=col, value=text)
    for i in range(7):
        ws.cell(row=8, column=FIRST_DAY + i, value="HOME CITIES")
    charge = D("1245")
    book.formula(ws, 7, 21, "=1245", charge)
    ws["V7"] = "Original airline charge, split over three deposits"
    book.formula(ws, 8, 21, "=SUM(U7/3)", charge / 3)
    ws["V8"] = "May 29 deposit"
    book.formula(ws, 9, 21, "=SUM(U7-U8)", charge - charge / 3)
    ws["V9"] = "Still owed"
    ws["U12"] = "Reimbursement"
    flight, bags = D("1418.90"), D(165)
    ws["U14"], ws["V14"] = float(flight), "Flight change"
    ws["U15"], ws["V15"] = float(bags), "Bags"
    first = 9
    sums = {"N": Decimal(0), "O": Decimal(0), "P": Decimal(0), "Q": Decimal(0), "R": Decimal(0)}
    for row, member in enumerate(crew, start=first):
        daily = D(member.weekly) / 7
        for col, value in ((1, member.raw), (2, member.position), (3, member.weekly)):
            ws.cell(row=row, column=col, value=value)
        book.formula(ws, row, 4, f"=SUM(C{row}/7)", daily)
        wages = Decimal(0)
        for i in member.worked:
            book.formula(ws, row, FIRST_DAY + i, f"=SUM(D{row})", daily)
            truth.person(member.name).add(WEEK[i], None, money(daily))
            wages += money(daily)
        book.formula(ws, row, 14, f"=SUM(F{row}:L{row})", wages)
        reimbursement = flight + bags if member.reimbursed else Decimal(0)
        if member.withholding:
            ws.cell(row=row, column=15, value=float(member.withholding))
        if member.reimbursed:
            book.formula(ws, row, 16, "=SUM(U14:U15)", reimbursement)
        if member.backpay:
            ws.cell(row=row, column=17, value=float(member.backpay))
        adjusted = wages - member.withholding + reimbursement + member.backpay
        book.formula(ws, row, 18, f"=SUM(N{row}-O{row}+P{row}+Q{row})", adjusted)
        if wages:
            truth.state_total(member.name, "pay", wages)
            truth.state_total(member.name, "pay", adjusted, extra=adjusted - wages)
        for key, value in (("N", wages), ("O", member.withholding), ("P", reimbursement), ("Q", member.backpay),
                           ("R", adjusted)):
            sums[key] += value
    last = first + len(crew) - 1
    total_row = last + 2
    for col, key in ((14, "N"), (15, "O"), (16, "P"), (17, "Q"), (18, "R")):
        book.formula(ws, total_row, col, f"=SUM({key}{first}:{key}{last})", sums[key])
    truth.state_total(None, "pay", sums["N"], SHEET)
    truth.state_total(None, "pay", sums["R"], SHEET, extra=sums["R"] - sums["N"])
    per_diem_top = total_row + 4
    ws.cell(row=per_diem_top, column=1, value="PER DIEMS")
    ws.merge_cells(start_row=per_diem_top, start_column=1, end_row=per_diem_top + 2, end_column=5)
    _day_header(ws, per_diem_top + 4)
    header = per_diem_top + 7
    for col, text in {1: "Name", 2: "Position", 3: "Weekly", 4: "Daily", 14: "Total"}.items():
        ws.cell(row=header, column=col, value=text)
    for i in range(7):
        ws.cell(row=header, column=FIRST_DAY + i, value="HOME CITIES")
    per_diem_total = Decimal(0)
    for row, member in enumerate(crew, start=header + 1):
        ws.cell(row=row, column=1, value=member.raw)
        ws.cell(row=row, column=2, value=member.position)
        ws.cell(row=row, column=3, value=245)
        book.formula(ws, row, 4, f"=SUM(C{row}/7)", 35)
        for i in member.worked:
            book.formula(ws, row, FIRST_DAY + i, f"=SUM(D{row})", 35)
        book.formula(ws, row, 14, f"=SUM(E{row}:M{row})", 35 * len(member.worked))
        per_diem_total += 35 * len(member.worked)
    notes = header + len(crew) + 3
    ws.cell(row=notes, column=1, value="Notes:")
    book.formula(ws, notes, 14, f"=SUM(N{header + 1}:N{notes - 2})", per_diem_total)
    ws.cell(row=notes + 1, column=1, value="One crew member works from home this week; per diem as listed.")
    book.save(path)
    return truth


__all__ = ["home_cities_grid"]
