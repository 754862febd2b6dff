"""Look-alike of a salaried payroll summary with employees as columns and hidden past weeks.

The visible sheet ("Payroll Summary") is the current week: a banner with the period
("Payroll Period: 03/15/26-03/21/26"), then one column per employee with header rows
(Employee Name as "Last, First", Employee Number, W/H, Res State, Res ZIP, Position,
insurance deduction rows, Class, annual Salary, Weekly Salary =Salary/52, Per Day =Weekly/7,
# of Days), seven day rows (weekday name or =B25 in column A, chained dates in B, location
in C, =$E$20 per day under each employee), then Total Salary, Severance / Replacement Pay
rows, two stray old dates in column A, Total Taxable Wages, Reimbursements, Deductions,
Total Due, a check row and a FORMULA CHECK row. Two employees share a name and differ by
employee number. Hidden sheets hold earlier weeks (their own periods and people) and a
journal-entry sheet full of #REF! cells; none of them is this week's payroll.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 3, 15) + dt.timedelta(days=i) for i in range(7)]  # Sunday to Saturday
SHEET = "Payroll Summary"
FIRST_COL = 5  # E
DAY_ROW = 24


@dataclass
class Salaried:
    raw: str
    name: str
    number: int
    state: str
    zip_code: int
    position: str
    salary: int  # a multiple of 364 so the day rate is whole cents
    off_days: tuple[int, ...] = ()
    reimbursement: Decimal = Decimal(0)
    health: Decimal | None = None


def _hidden_week(book: Book, title: str, period: str, people: list[tuple[str, int]], first_day: dt.date) -> None:
    """An earlier week's sheet, kept hidden in the workbook: its own period, people and pay."""
    ws = book.sheet(title, "hidden")
    ws["A1"] = "Larkspur Live, Inc"
    ws["A2"] = "Weekly Salaried Employees Payroll"
    ws["A3"] = period
    ws["C6"], ws["C7"], ws["C8"] = "Employee Name", "Weekly Rate", "Daily Rate"
    for c, (name, weekly) in enumerate(people, start=FIRST_COL):
        ws.cell(row=6, column=c, value=name)
        ws.cell(row=7, column=c, value=weekly)
        letter = get_column_letter(c)
        book.formula(ws, 8, c, f"={letter}7/7", D(weekly) / 7)
        for i in range(7):
            day = first_day + dt.timedelta(days=i)
            ws.cell(row=10 + i, column=2, value=dt.datetime.combine(day, dt.time())).number_format = "m/d/yy"
            book.formula(ws, 10 + i, c, f"=${letter}$8", D(weekly) / 7)
        book.formula(ws, 18, c, f"=SUM({letter}10:{letter}16)", D(weekly))
    ws["A18"] = "Total Salary"


def summary_hidden_weeks(out: Path) -> Truth:
    path = out / "20_summary_hidden_weeks.xlsx"
    truth = Truth(path.name, family="transposed (salaried summary)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["employees as columns with ~15 header rows", "two employees with the same name, told "
                         "apart by Employee Number", "Res ZIP row of five-digit numbers", "insurance deduction rows "
                         "(=131.20 formulas) above the days", "annual Salary, Weekly Salary and Per Day rows (rates, "
                         "not pay)", "weekday name then =B25 formulas in column A, chained dates in B", "a week "
                         "from Sunday (the period text)", "a partial week (blank days) for one person",
                         "Total Salary and Total Taxable Wages (wages), Total Due (with reimbursements)",
                         "stray old dates in column A below the days", "check and FORMULA CHECK rows",
                         "hidden sheets of earlier weeks with their own periods and people (never this payroll)",
                         "hidden journal-entry sheet full of #REF! (no issue)", "nickname in parentheses"])
    staff = [
        Salaried("Halvorsen, Beatrix", "Beatrix Halvorsen", 2001, "TX", 78704, "Owner", 127400),
        Salaried("Moreau, Lionel (Leo)", "Lionel Moreau", 2002, "OK", 73102, "Owner", 127400,
                 health=D("131.20")),
        Salaried("Tran, Duc", "Duc Tran", 2003, "TX", 75201, "Merch Lead", 91000, reimbursement=D("76.45")),
        Salaried("Castillo, Marisol", "Marisol Castillo", 2004, "TX", 77002, "Freight Manager", 91000),
        Salaried("Okoro, Chidi", "Chidi Okoro", 2005, "MO", 64105, "Audio Engineer", 109200, off_days=(0, 1)),
        Salaried("Castillo, Marisol", "Marisol Castillo", 2012, "TX", 75701, "Deckhand", 72800,
                 health=D("262.40")),
    ]
    book = Book()
    journal = book.sheet("JE", "hidden")
    journal["A1"] = "Journal Entry"
    for r in range(3, 9):
        journal.cell(row=r, column=1, value="Salaries Expense")
        journal.cell(row=r, column=2, value="#REF!")
        journal.cell(row=r, column=3, value="#REF!" if r % 2 else 0)
    ws = book.sheet(SHEET)
    ws["A1"] = "Larkspur Live, Inc"
    ws["A2"] = "Salaried Employee Payroll Summary"
    ws["A3"] = "Payroll Period: 03/15/26-03/21/26"
    ws["A4"] = "Direct Deposit Date: 03/27/26"
    ws["A5"] = "Payroll Frequency: Weekly"
    labels = {7: ("A", "Employee Name"), 8: ("A", "Employee Number"), 9: ("A", "W/H"), 10: ("C", "Res State"),
              11: ("A", "Res ZIP"), 12: ("A", "Position"), 13: ("C", "Pre-tax Ins - Sect 125"),
              14: ("C", "Health Ins Deduction"), 15: ("C", "Dental Ins Deduction"), 17: ("C", "Class"),
              18: ("A", "Salary"), 19: ("A", "Weekly Salary"), 20: ("A", "Per Day"), 22: ("A", "# of Days"),
              32: ("A", "Total Salary"), 33: ("A", "Severance Pay"), 34: ("A", "Replacement Pay"),
              37: ("A", "Total Taxable Wages"), 38: ("A", "Reimbursements"), 39: ("A", "Deductions"),
              40: ("A", "Total Due"), 42: ("A", "Tour Schedule & Comments:"), 47: ("C", "FORMULA CHECK")}
    for row, (col, text) in labels.items():
        ws[f"{col}{row}"] = text
    ws["C22"] = 7
    ws["A35"] = dt.datetime(2024, 5, 1)  # stray dates left from an old severance note
    ws["A36"] = dt.datetime(2024, 3, 4)
    ws.cell(row=DAY_ROW, column=1, value="Sunday")
    ws.cell(row=DAY_ROW, column=2, value=dt.datetime.combine(WEEK[0], dt.time())).number_format = "m/d/yy"
    for i in range(1, 7):
        r = DAY_ROW + i
        book.formula(ws, r, 2, f"=B{r - 1}+1", WEEK[i], "m/d/yy")
        book.formula(ws, r, 1, f"=B{r}", WEEK[i], "dddd")
    locations = ["Home", "Home", "Home", "Home", "Fort Worth, TX", "Home", "Home"]
    for i, place in enumerate(locations):
        ws.cell(row=DAY_ROW + i, column=3, value=place)
    for c, member in enumerate(staff, start=FIRST_COL):
        letter = get_column_letter(c)
        person = truth.person(member.name, str(member.number))
        for row, value in ((7, member.raw), (8, member.number), (9, "S"), (10, member.state),
                           (11, member.zip_code), (12, member.position), (17, "Touring"), (18, member.salary)):
            ws.cell(row=row, column=c, value=value)
        if member.health is not None:
            ws.cell(row=13, column=c, value="x")
            book.formula(ws, 14, c, f"={member.health}", member.health)
            book.formula(ws, 15, c, "=15.85", D("15.85"))
        weekly = D(member.salary) / 52
        daily = weekly / 7
        book.formula(ws, 19, c, f"={letter}18/52", weekly)
        book.formula(ws, 20, c, f"={letter}19/7", daily)
        book.formula(ws, 22, c, "=$C$22", 7)
        wages = Decimal(0)
        for i in range(7):
            if i in member.off_days:
                continue
            book.formula(ws, DAY_ROW + i, c, f"=${letter}$20", daily)
            person.add(WEEK[i], None, money(daily))
            wages += money(daily)
        book.formula(ws, 32, c, f"=SUM({letter}24:{letter}31)", wages)
        book.formula(ws, 37, c, f"=SUM({letter}32:{letter}36)", wages)
        if member.reimbursement:
            ws.cell(row=38, column=c, value=float(member.reimbursement))
        book.formula(ws, 40, c, f"=+{letter}37+{letter}38+{letter}39", wages + member.reimbursement)
        book.formula(ws, 41, c, f"={letter}37-{letter}19", wages - weekly)
        ws.cell(row=43, column=c, value="x")
        book.formula(ws, 47, c, f"=IF({letter}19={letter}32,0,{letter}37)", 0 if wages == weekly else wages)
        for stated, extra in ((wages, 0), (wages, 0), (wages + member.reimbursement, member.reimbursement)):
            truth.state_total(member.name, "pay", stated, extra=extra, employee_id=str(member.number))
    ws["A43"] = "Employees are paid on weekly salary; see tour schedule."
    _hidden_week(book, "03.08 Weekly", "Payroll Period: 03/08/26 - 03/14/26",
                 [("Ezra Quinlan", 3150), ("Beatrix Halvorsen", 2450)], dt.date(2026, 3, 8))
    _hidden_week(book, "02.22 Show", "Payroll Period: 02/22/26 - 02/28/26",
                 [("Sol Amadi", 2100), ("Fern Whitley", 1750)], dt.date(2026, 2, 22))
    book.save(path)
    return truth


__all__ = ["summary_hidden_weeks"]
