"""A month attendance grid whose cells are worked-day marks priced by a day rate.

A merged month banner ("JULY 2026") over day-of-month numbers 1..31, a row of weekday
letters under them, then Emp ID | Name | Day Rate | 31 day cells | Days Present | Amount.
Worked days are marked X, P, PRESENT, LATE (late, still paid), a check mark, or 0.5 for a
half day; A (absent), OFF, H (holiday) and blanks are not worked. Amount is the day rate
times the days present, as a formula. A legend below the grid spells the marks out.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

MONTH = [dt.date(2026, 7, 1) + dt.timedelta(days=i) for i in range(31)]
FIRST_DAY = 4  # D
WORKED = {"X": 1, "P": 1, "PRESENT": 1, "LATE": 1, "\u2713": 1, 0.5: D("0.5")}
NOT_WORKED = ["A", "OFF", "H", None]
FIRST_NAMES = ["Aiyana", "Bastian", "Chiara", "Dmitri", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas"]
LAST_NAMES = ["Abara", "Brandvold", "Cortazar", "Dunmore", "Esterhay", "Falkner"]


def attendance_marks(out: Path) -> Truth:
    path = out / "33_attendance_marks.xlsx"
    truth = Truth(path.name, family="wide_grid (month attendance, marks)", structure=" ".join(__doc__.split()),
                  traps=["merged month banner over day-of-month numbers 1..31", "weekday letters row",
                         "worked-day marks X, P, PRESENT, LATE, check mark", "0.5 half days x the day rate",
                         "A / OFF / H / blank not worked", "Days Present and Amount (=rate x days) columns",
                         "legend rows", "30 people x 31 days"])
    rnd = random.Random(2026)
    marks = list(WORKED)
    book = Book()
    ws = book.sheet("July")
    ws["A1"] = "Saltmarsh Packing Co. - Attendance"
    ws.cell(row=2, column=FIRST_DAY, value="JULY 2026")
    ws.merge_cells(start_row=2, start_column=FIRST_DAY, end_row=2, end_column=FIRST_DAY + 30)
    for i, day in enumerate(MONTH):
        ws.cell(row=3, column=FIRST_DAY + i, value=day.day)
        ws.cell(row=4, column=FIRST_DAY + i, value="MTWTFSS"[day.weekday()])
    for col, text in ((1, "Emp ID"), (2, "Name"), (3, "Day Rate"), (FIRST_DAY + 31, "Days Present"),
                      (FIRST_DAY + 32, "Amount")):
        ws.cell(row=3, column=col, value=text)
    row = 5
    for index in range(30):
        name = f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[index // len(FIRST_NAMES)]}"
        emp_id = f"A-{101 + index}"
        rate = 120 + 10 * (index % 9)
        ws.cell(row=row, column=1, value=emp_id)
        ws.cell(row=row, column=2, value=name)
        ws.cell(row=row, column=3, value=rate)
        person = truth.person(name, emp_id)
        days = Decimal(0)
        for i, day in enumerate(MONTH):
            if day.weekday() >= 5:
                mark: object = rnd.choice(["OFF", None, "OFF"])
            else:
                mark = rnd.choice(marks + marks + NOT_WORKED[:1])
            if mark is not None:
                ws.cell(row=row, column=FIRST_DAY + i, value=mark)
            if mark in WORKED:
                share = D(WORKED[mark])
                person.add(day, None, money(share * rate))
                days += share
        last_day = get_column_letter(FIRST_DAY + 30)
        first_day = get_column_letter(FIRST_DAY)
        book.formula(ws, row, FIRST_DAY + 31,
                     f'=COUNTIF({first_day}{row}:{last_day}{row},"X")+COUNTIF({first_day}{row}:{last_day}{row},"P")'
                     f'+COUNTIF({first_day}{row}:{last_day}{row},"PRESENT")+COUNTIF({first_day}{row}:{last_day}{row},'
                     f'"LATE")+COUNTIF({first_day}{row}:{last_day}{row},"\u2713")+SUM({first_day}{row}:{last_day}{row})',
                     days)
        book.formula(ws, row, FIRST_DAY + 32, f"=C{row}*{get_column_letter(FIRST_DAY + 31)}{row}", days * rate)
        truth.state_total(name, "pay", days * rate, employee_id=emp_id)
        row += 1
    legend = row + 2
    for offset, text in enumerate(["Legend:", "X / P / PRESENT / \u2713 = present", "LATE = late, paid",
                                   "0.5 = half day", "A = absent   OFF = day off   H = holiday"]):
        ws.cell(row=legend + offset, column=2, value=text)
    book.save(path)
    return truth


__all__ = ["attendance_marks"]
