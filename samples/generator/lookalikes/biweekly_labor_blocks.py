"""Look-alike of a two-week retail payroll written as three rows per person.

Row 2 carries the company, the period text ("RETAIL Payroll: 4/13/26-4/26/26") and a store
code over every day column; row 3 the headers (Retail Employees | Home State | Occupation |
SS # | Hourly Rate | TYPE | 14 dates chained =G3+1 | Salary) and, right of them, Per Diems,
Reimbursements, Bonus, TOTAL HRS, TOTAL PAY and a medical deduction. Each person: PAID HOURS,
OVERTIME and LABOR COST rows, name / state / occupation / SS# / rate merged down the block,
labor cost as a formula (hours x rate + overtime x rate x 1.5, cached). A TOTAL row, then
legend sections with no people (CONTRACT LABOR, HOLIDAY, NOT WORKED, BENCH).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

DAYS = [dt.date(2026, 4, 13) + dt.timedelta(days=i) for i in range(14)]
FIRST_DAY = 7  # G
TOTAL_COL = 21  # U: per-row sum, headed "Salary"
OT_FACTOR = D("1.5")


@dataclass
class Clerk:
    name: str
    state: str
    ss4: str  # the last four digits of the SSN, stored as text: not an employee id
    rate: int  # whole dollars, so hours with two decimals give whole cents
    hours: dict[int, str]  # day index -> paid hours, as typed ("7.15")
    overtime: dict[int, str] = field(default_factory=dict)
    per_diem: Decimal = Decimal(0)
    reimbursement: Decimal = Decimal(0)
    bonus: Decimal = Decimal(0)
    medical: Decimal | None = None


def _letter(col: int) -> str:
    return get_column_letter(col)


def biweekly_labor_blocks(out: Path) -> Truth:
    path = out / "18_biweekly_labor_blocks.xlsx"
    truth = Truth(path.name, family="block (PAID HOURS / OVERTIME / LABOR COST)", structure=" ".join(__doc__.split()),
                  traps=["two weeks of dates chained =G3+1 (cached)", "store code over every day column",
                         "period text in the banner", "name, state, occupation, SS# and rate merged down each "
                         "3-row block", "SS # holds four digits as text (not an id)", "hours with two decimals "
                         "(7.15 is decimal hours)", "LABOR COST formulas with overtime at 1.5x (cached)",
                         "TOTAL HRS per row counts regular and overtime rows apart", "TOTAL PAY includes per diem, "
                         "reimbursement and bonus", "medical deduction column", "TOTAL row summing the LABOR COST "
                         "rows", "legend sections without people after the TOTAL row", "overtime (>40 h) in week 1"])
    clerks = [
        Clerk("Renata Solis", "CA", "2231", 19,
              {1: "7.15", 4: "6.85", 6: "7.95", 8: "7.6", 10: "7.05", 11: "6.4"}),
        Clerk("Desmond Achebe", "CA", "2242", 23,
              {0: "8", 1: "8", 2: "8", 3: "8", 4: "8", 5: "4", 8: "7.5", 9: "7.75", 10: "8", 11: "6.5"},
              overtime={5: "2"}, medical=D("61.40")),
        Clerk("Ines Marlowe", "NV", "2253", 16, {4: "6.9", 11: "7.3", 12: "5.2"}),
        Clerk("Tobias Wren", "OH", "2264", 21,
              {0: "7.25", 1: "7.8", 3: "6.6", 4: "8", 6: "7.1", 7: "7.55", 8: "6.95", 10: "7.4", 13: "5.85"},
              reimbursement=D("45.60"), bonus=D(50)),
    ]
    book = Book()
    ws = book.sheet("Sheet1")
    ws["A2"] = "Osprey Links, LLC "
    ws["B2"] = " RETAIL Payroll: 4/13/26-4/26/26"
    for col in range(6, FIRST_DAY + 14):
        ws.cell(row=2, column=col, value="MAINST")
    for col, text in {21: "Gen. O/H", 23: "Per Diems", 24: "Reimbursements", 25: "Bonus", 27: "TOTAL HRS",
                      28: "TOTAL PAY", 29: "Medical Insurance Deduction"}.items():
        ws.cell(row=2, column=col, value=text)
    ws.merge_cells("Y2:Y3")
    for i, text in enumerate(["Retail Employees", "Home State", "Occupation", "SS #", "Hourly Rate", "TYPE"]):
        ws.cell(row=3, column=1 + i, value=text)
    ws.cell(row=3, column=FIRST_DAY, value=dt.datetime.combine(DAYS[0], dt.time())).number_format = "m/d"
    for i in range(1, 14):
        book.formula(ws, 3, FIRST_DAY + i, f"={_letter(FIRST_DAY + i - 1)}3+1", DAYS[i], "m/d")
    ws.cell(row=3, column=TOTAL_COL, value="Salary")

    row = 4
    labor_rows, names = [], []
    day_labor = [Decimal(0)] * 14
    all_hours = Decimal(0)
    sums = {"U": Decimal(0), "W": Decimal(0), "X": Decimal(0), "Y": Decimal(0), "AB": Decimal(0), "AC": Decimal(0)}
    for clerk in clerks:
        hours_row, ot_row, cost_row = row, row + 1, row + 2
        person = truth.person(clerk.name)
        names.append(clerk.name)
        for col, value in enumerate([clerk.name, clerk.state, "STORE STAFF", clerk.ss4, clerk.rate], start=1):
            ws.cell(row=hours_row, column=col, value=value)
            ws.merge_cells(start_row=hours_row, start_column=col, end_row=cost_row, end_column=col)
        for r, label in ((hours_row, "PAID HOURS"), (ot_row, "OVERTIME"), (cost_row, "LABOR COST")):
            ws.cell(row=r, column=6, value=label)
        rate = D(clerk.rate)
        paid_sum = ot_sum = labor_sum = Decimal(0)
        for i in range(14):
            col = FIRST_DAY + i
            letter = _letter(col)
            regular = D(clerk.hours[i]) if i in clerk.hours else Decimal(0)
            overtime = D(clerk.overtime[i]) if i in clerk.overtime else Decimal(0)
            if i in clerk.hours:
                ws.cell(row=hours_row, column=col, value=float(regular))
            if i in clerk.overtime:
                ws.cell(row=ot_row, column=col, value=float(overtime))
            cost = regular * rate + rate * overtime * OT_FACTOR
            book.formula(ws, cost_row, col, f"=({letter}{hours_row}*$E${hours_row})+($E${hours_row}*"
                                            f"{letter}{ot_row}*1.5)", cost)
            if regular or overtime:
                person.add(DAYS[i], regular + overtime, money(cost))
            paid_sum += regular
            ot_sum += overtime
            labor_sum += money(cost)
            day_labor[i] += money(cost)
        first, last = _letter(FIRST_DAY), _letter(FIRST_DAY + 13)
        book.formula(ws, hours_row, TOTAL_COL, f"=SUM({first}{hours_row}:{last}{hours_row})", paid_sum)
        book.formula(ws, ot_row, TOTAL_COL, f"=SUM({first}{ot_row}:{last}{ot_row})", ot_sum)
        book.formula(ws, cost_row, TOTAL_COL, f"=SUM({first}{cost_row}:{last}{cost_row})", labor_sum)
        book.formula(ws, hours_row, 27, f"=U{hours_row}", paid_sum)
        book.formula(ws, ot_row, 27, f"=U{ot_row}", ot_sum)
        for col, value in ((23, clerk.per_diem), (24, clerk.reimbursement), (25, clerk.bonus)):
            if value:
                ws.cell(row=cost_row, column=col, value=float(value))
        extras = clerk.per_diem + clerk.reimbursement + clerk.bonus
        book.formula(ws, cost_row, 28, f"=SUM(U{cost_row})+SUM(W{cost_row}:Y{cost_row})", labor_sum + extras)
        if clerk.medical is not None:
            ws.cell(row=cost_row, column=29, value=float(clerk.medical))
            sums["AC"] += clerk.medical
        # The PAID HOURS row's total leaves the overtime hours to the OVERTIME row.
        truth.state_total(clerk.name, "hours", paid_sum, extra=-ot_sum)
        truth.state_total(clerk.name, "pay", labor_sum)
        truth.state_total(clerk.name, "pay", labor_sum + extras, extra=extras)
        all_hours += paid_sum + ot_sum
        sums["U"] += labor_sum
        sums["W"] += clerk.per_diem
        sums["X"] += clerk.reimbursement
        sums["Y"] += clerk.bonus
        sums["AB"] += labor_sum + extras
        labor_rows.append(cost_row)
        row += 3
    total = row
    ws.cell(row=total, column=1, value="TOTAL")
    for i in range(14):
        letter = _letter(FIRST_DAY + i)
        book.formula(ws, total, FIRST_DAY + i, "=SUM(" + "+".join(f"{letter}{r}" for r in labor_rows) + ")",
                     day_labor[i])
        truth.state_total(None, "pay", day_labor[i], "Sheet1", dates=[DAYS[i]])
    book.formula(ws, total, TOTAL_COL, "=SUM(" + "+".join(f"U{r}" for r in labor_rows) + ")", sums["U"])
    for letter, col in (("W", 23), ("X", 24), ("Y", 25)):
        book.formula(ws, total, col, f"=SUM({letter}5:{letter}{total - 1})", sums[letter])
    book.formula(ws, total, 27, f"=SUM(AA4:AA{total - 1})", all_hours)
    book.formula(ws, total, 28, f"=SUM(AB4:AB{total - 1})", sums["AB"])
    book.formula(ws, total, 29, f"=SUM(AC4:AC{total - 1})", sums["AC"])
    truth.state_total(None, "pay", sums["U"], "Sheet1")
    truth.state_total(None, "hours", all_hours, "Sheet1")
    truth.state_total(None, "pay", sums["AB"], "Sheet1", extra=sums["W"] + sums["X"] + sums["Y"])
    ws.cell(row=total + 1, column=1, value="CONTRACT LABOR")
    ws.cell(row=total + 1, column=13, value="HOLIDAY")
    ws.cell(row=total + 2, column=13, value="NOT WORKED")
    ws.cell(row=total + 6, column=1, value="BENCH")
    book.save(path)
    return truth


__all__ = ["biweekly_labor_blocks"]
