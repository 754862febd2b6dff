"""A workbook with one sheet per week and a summary sheet over both.

"Week 1" heads its day columns with real dates; the second week's sheet is named by its
dates ("6.8.26-6.14.26") and heads its day columns Mon..Sun only, so its dates come from
the sheet name. Each week: Employee | Rate | seven day columns of hours | Total Hours. The
"Summary" sheet repeats, per person, the hours and gross pay of both weeks: a check on the
week sheets, never more entries; one person's summary hours are wrong.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK1 = [dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(7)]
WEEK2 = [dt.date(2026, 6, 8) + dt.timedelta(days=i) for i in range(7)]
CREW = [  # name, rate, week-1 hours, week-2 hours
    ("Iris Calloway", "21.00", [8, 8, 8, 8, 8, None, None], [8, 8, 8, 8, 8, 4, None]),
    ("Bram Ostrowski", "18.50", [6, 6, None, 6, 6, None, None], [7.5, 7.5, 7.5, None, 7.5, None, None]),
    ("Noor Haddad", "24.00", [None, 9, 9, 9, 9, 4, None], [10, 10, 10, 10, 4, None, None]),
]
WRONG_SUMMARY = "Bram Ostrowski"


def weekly_sheets(out: Path) -> Truth:
    path = out / "32_weekly_sheets.xlsx"
    truth = Truth(path.name, family="wide_grid (one sheet per week) + summary", structure=" ".join(__doc__.split()),
                  traps=["one sheet per week", "a sheet named 'Week 1'", "a sheet named by its dates "
                         "(6.8.26-6.14.26) whose day columns are Mon..Sun without dates", "Total Hours per week",
                         "a Summary sheet repeating both weeks' hours and pay (a check, not entries)",
                         "a wrong summary total (TOTAL_MISMATCH)", "overtime (>40 h) in week 2"])
    book = Book()
    sheets = [("Week 1", WEEK1, True), ("6.8.26-6.14.26", WEEK2, False)]
    for title, week, dated in sheets:
        ws = book.sheet(title)
        ws["A1"] = "Fernhill Grounds Crew - weekly hours"
        ws["A3"], ws["B3"] = "Employee", "Rate"
        for i, day in enumerate(week):
            header = dt.datetime.combine(day, dt.time()) if dated else day.strftime("%a")
            cell = ws.cell(row=3, column=3 + i, value=header)
            if dated:
                cell.number_format = "ddd m/d"
        ws.cell(row=3, column=10, value="Total Hours")
        for row, (name, rate, hours1, hours2) in enumerate(CREW, start=4):
            hours = hours1 if week is WEEK1 else hours2
            ws.cell(row=row, column=1, value=name)
            ws.cell(row=row, column=2, value=float(rate))
            total = Decimal(0)
            for i, value in enumerate(hours):
                if value is None:
                    continue
                ws.cell(row=row, column=3 + i, value=value)
                truth.person(name).add(week[i], D(value), money(D(value) * D(rate)))
                total += D(value)
            book.formula(ws, row, 10, f"=SUM(C{row}:I{row})", total)
            truth.state_total(name, "hours", total, dates=week)
    summary = book.sheet("Summary")
    summary["A1"] = "Summary - 6/1/26 to 6/14/26"
    for col, text in enumerate(["Employee", "Week 1 Hours", "Week 2 Hours", "Total Hours", "Gross Pay"], start=1):
        summary.cell(row=3, column=col, value=text)
    for row, (name, _rate, _h1, _h2) in enumerate(CREW, start=4):
        person = truth.person(name)
        week1 = sum((d.hours for d in person.days if d.date in WEEK1), Decimal(0))
        week2 = sum((d.hours for d in person.days if d.date in WEEK2), Decimal(0))
        total = week1 + week2 - (D("1.5") if name == WRONG_SUMMARY else 0)  # typed from an older draft
        summary.cell(row=row, column=1, value=name)
        summary.cell(row=row, column=2, value=float(week1))
        summary.cell(row=row, column=3, value=float(week2))
        summary.cell(row=row, column=4, value=float(total))
        summary.cell(row=row, column=5, value=float(person.total_pay()))
        truth.state_total(name, "hours", week1, dates=WEEK1)
        truth.state_total(name, "hours", week2, dates=WEEK2)
        truth.state_total(name, "hours", total)
        truth.state_total(name, "pay", person.total_pay())
    book.save(path)
    return truth


__all__ = ["weekly_sheets"]
