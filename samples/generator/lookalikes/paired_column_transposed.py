"""Look-alike of a two-week crew payroll with dates down the rows and two columns per person.

Banner: company, "PE: " beside "04/02-04/15/26" (the first date without a year), "CK DATE:".
Each person owns a pair of columns (the name merged across both): rows for the name as
"Last, First", masked SSN, role, home state written "HM -CA" / "HM - NC", weekly rate and
daily rate (some typed as text "2240.00", one person with none). Fourteen date rows follow,
column B naming the city or HM (a paid home day); each person's cell is that day's pay.
Footer rows: PER DIEMS ($40 a day, =40*14 per person), the period repeated under every person,
LESS ADVANCES, TOTALS (wages + per diem - advances), GROSS WAGES and GROSS PER DIEMS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

DAYS = [dt.date(2026, 4, 2) + dt.timedelta(days=i) for i in range(14)]
FIRST_ROW = 12
PER_DIEM = 40
CITIES = ["HM", "Columbus, OH", "Columbus, OH", "HM", "Detroit, MI", "Toledo, OH", "HM", "HM", "Erie, PA",
          "Buffalo, NY", "HM", "Albany, NY", "Albany, NY", "HM"]
SHOW_DAYS = {1, 2, 4, 5, 8, 9, 11, 12}


@dataclass
class Roadie:
    raw: str
    name: str
    role: str
    home: str
    weekly: object  # a number, a text such as "2240.00", or None
    daily: object
    pay: dict[int, int]  # day index -> pay
    advance: Decimal = Decimal(0)


def paired_column_transposed(out: Path) -> Truth:
    path = out / "25_paired_column_transposed.xlsx"
    truth = Truth(path.name, family="transposed (two columns per person)", structure=" ".join(__doc__.split()),
                  week_start=DAYS[0],  # the stated two-week period's first day starts its workweeks
                  traps=["dates down the rows, two merged columns per person", "period text whose first date has "
                         "no year (PE: 04/02-04/15/26)", "home state as 'HM -CA'", "rates typed as text ('2240.00')",
                         "a person with no rate, paid per show", "HM days are paid home days", "per diem row "
                         "(=40*14)", "period text repeated under every person", "LESS ADVANCES row", "TOTALS with per "
                         "diem and advances, GROSS WAGES and GROSS PER DIEMS rows", "two workweeks"])
    every_day = set(range(14))
    crew = [
        Roadie("Linden, Marcus", "Marcus Linden", "Crew", "HM -CA", 2345, 335, {d: 335 for d in every_day}),
        Roadie("Achebe, Ngozi", "Ngozi Achebe", "Crew", "HM - CA", "2240.00", "320.00", {d: 320 for d in every_day},
               advance=D(-100)),
        Roadie("Farrell, Quinn", "Quinn Farrell", "Crew", "HM -CA", None, None, {d: 950 for d in SHOW_DAYS}),
        Roadie("Sato, Emi", "Emi Sato", "Crew", "HM - NC", 2345, 335, {d: 335 for d in every_day - {0, 1}}),
        Roadie("Bergström, Anna", "Anna Bergström", "Manager", "HM - CA", 2940, 420, {d: 420 for d in every_day}),
    ]
    book = Book()
    ws = book.sheet("Sheet1")
    ws["A1"] = "BRIGHTWATER TOURING "
    ws["A3"], ws["B3"] = "PE: ", "04/02-04/15/26"
    ws["A5"] = "CK DATE:"
    last_day_row = FIRST_ROW + len(DAYS) - 1
    for i, day in enumerate(DAYS):
        ws.cell(row=FIRST_ROW + i, column=1, value=dt.datetime.combine(day, dt.time())).number_format = "m/d/yy"
        ws.cell(row=FIRST_ROW + i, column=2, value=CITIES[i])
    ws.cell(row=35, column=1, value="PER DIEMS: $40 a day (taxable)")
    ws.cell(row=36, column=1, value="PE 04/02-04/15/26")
    ws.cell(row=39, column=1, value="LESS ADVANCES:")
    ws.cell(row=42, column=1, value="TOTALS:")
    ws.cell(row=44, column=1, value="GROSS WAGES:")
    ws.cell(row=45, column=1, value="GROSS PER DIEMS:")
    gross_wages = gross_per_diem = Decimal(0)
    for index, roadie in enumerate(crew):
        col = 3 + 2 * index
        letter, pair = get_column_letter(col), get_column_letter(col + 1)
        person = truth.person(roadie.name)
        for row, value in ((6, roadie.raw), (7, f"xxx-xx-{6100 + index}"), (8, roadie.role), (9, roadie.home),
                           (10, roadie.weekly), (11, roadie.daily)):
            ws.cell(row=row, column=col, value=value)
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + 1)
        wages = Decimal(0)
        for i, amount in sorted(roadie.pay.items()):
            ws.cell(row=FIRST_ROW + i, column=col, value=amount)
            person.add(DAYS[i], None, money(D(amount)))
            wages += D(amount)
        per_diem = D(PER_DIEM * 14)
        book.formula(ws, 35, col, f"={PER_DIEM}*14", per_diem)
        ws.cell(row=36, column=col, value="04/02-04/15/26")
        if roadie.advance:
            ws.cell(row=39, column=col, value=float(roadie.advance))
        total = wages + per_diem + roadie.advance
        book.formula(ws, 42, col, f"=SUM({letter}{FIRST_ROW}:{pair}33)+{letter}35+{letter}39", total)
        truth.state_total(roadie.name, "pay", total, extra=per_diem + roadie.advance)
        gross_wages += wages
        gross_per_diem += per_diem
    end = get_column_letter(2 + 2 * len(crew))
    book.formula(ws, 44, 3, f"=SUM(C{FIRST_ROW}:{end}33)", gross_wages)
    book.formula(ws, 45, 3, f"=SUM(C35:{end}35)", gross_per_diem)
    truth.state_total(None, "pay", gross_wages, "Sheet1")
    assert last_day_row < 33
    book.save(path)
    return truth


__all__ = ["paired_column_transposed"]
