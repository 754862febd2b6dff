"""Look-alike of a payroll-service salary template where each person has one block of weeks.

Banner: client entity, payroll frequency, a Work Day Type legend, PAY PERIOD DATES with a
start and an end date four weeks apart, a deposit date. Header row: LEGAL NAME | SSN (Full) |
Home State Zip Code (holding a state code) | Position/Job Title | Sunday .. Saturday | WAGE
SUBTOTAL | Per Diem - Non Taxable | Per Diem-Taxable | Reimbursement/Other Pay | W/ ADDITIONAL
PAYMENTS SUBTOTAL | deduction columns | Notes | Expense Detail. Each person: a numbered row
with the name and the first week's dates; then per week a location row (city or "Travel",
with the expense detail labels at the right), a money row (day dollars, some typed as
=340+450+30 sums, mostly zeros; subtotals as formulas) and the next week's date row; a GROSS
TOTAL row (wages, per diem and reimbursements) closes the block.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

START = dt.date(2026, 3, 1)  # a Sunday
WEEKS = 4
FIRST_DAY = 8  # H
DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday ", "Friday", "Saturday"]


@dataclass
class Creative:
    seq: int
    name: str
    ssn: str
    state: str
    position: str
    # (week, day) -> the day cell: a number or a "=a+b" text that Excel sums
    days: dict[tuple[int, int], object] = field(default_factory=dict)
    places: dict[tuple[int, int], str] = field(default_factory=dict)
    per_diem: dict[int, int] = field(default_factory=dict)  # week -> per diem
    expenses: dict[int, tuple[Decimal, Decimal, Decimal]] = field(default_factory=dict)  # taxi, parking, equipment


def _value(cell: object) -> Decimal:
    if isinstance(cell, str):
        return sum((D(part) for part in cell.lstrip("=").split("+")), Decimal(0))
    return D(cell)


def multi_week_blocks(out: Path) -> Truth:
    path = out / "23_multi_week_person_blocks.xlsx"
    truth = Truth(path.name, family="block (weeks per person)", structure=" ".join(__doc__.split()),
                  week_start=START,  # every date row is a Sunday-to-Saturday week: the file's workweeks
                  traps=["a block of four weeks per person, each week with its own date row", "date rows with no "
                         "label, first one on the person's row", "location rows between date and money rows",
                         "mostly-zero money rows", "a day cell typed as a sum formula (=340+450+30+80)",
                         "'Home State Zip Code' column holding state codes", "full SSN column (synthetic, never "
                         "echoed)", "Expense Detail columns feeding the reimbursement", "WAGE SUBTOTAL per week (wages) "
                         "vs W/ ADDITIONAL PAYMENTS SUBTOTAL and GROSS TOTAL (with per diem and reimbursements)",
                         "period of four Sunday-to-Saturday weeks in the banner", "numbered rows (0, 1, 2)"])
    people = [
        Creative(0, "Orrin Blackwood", "888-00-4101", "CA", "Producer",
                 days={(3, 0): "412.60", (3, 1): 185}, places={(3, 0): "Reno, NV", (3, 1): "Travel"},
                 per_diem={3: 225}),
        Creative(1, "Sabine Achterberg", "888-00-4102", "CA", "CREATIVE LEAD",
                 days={(1, 3): 475, (1, 4): 475, (1, 5): 475, (1, 6): "=340+450+30+80", (2, 0): 475},
                 places={(1, 3): "Travel", (1, 4): "Travel", (1, 5): "Lisbon, PT", (1, 6): "Travel / Porto, PT",
                         (2, 0): "Lisbon, PT"},
                 per_diem={1: 225, 2: 225}, expenses={1: (D("42.50"), D(36), D(0))}),
        Creative(2, "Tariq Osei-Bonsu", "888-00-4103", "NY", "Photographer",
                 days={(0, 2): 650, (0, 3): 650, (2, 4): 650}, places={(0, 2): "Brooklyn, NY"},
                 expenses={0: (D(0), D(0), D("118.25"))}),
    ]
    book = Book()
    ws = book.sheet("TOUR_Salary ")
    ws["B2"] = "CLIENT ENTITY NAME - Marlow Creative"
    ws["D2"] = "Payroll Frequency - Weekly"
    ws["F2"] = "Work Day Type"
    ws["F3"] = "HS = Home State; REH=Rehearsal; TRV=Travel; SHW=Show"
    ws["F4"] = "Rehearsal, Travel & Idle Days: enter the day rate"
    ws["B5"] = "PAY PERIOD DATES: "
    ws["C5"] = dt.datetime.combine(START, dt.time())
    ws["D5"] = dt.datetime.combine(START + dt.timedelta(days=7 * WEEKS - 1), dt.time())
    ws["B6"] = "Direct Deposit Funding Date"
    ws["C6"] = dt.datetime(2026, 4, 3)
    headers = {2: "LEGAL NAME", 3: "SSN (Full)", 4: "Home State Zip Code", 5: "Position/Job Title",
               15: "WAGE SUBTOTAL", 16: "Per Diem - Non Taxable", 17: "Per Diem-Taxable",
               18: "Reimbursement/Other Pay - add detail", 19: "W/ ADDITIONAL PAYMENTS SUBTOTAL",
               20: "Salary Advance Deduction", 21: "Per-Diem Advance Deduction", 22: "Other Employee Deduction",
               23: "401K", 24: "DEDUCTIONS SUBTOTAL", 25: "Notes", 33: "Expense Detail"}
    for col, text in headers.items():
        ws.cell(row=7, column=col, value=text)
    for i, name in enumerate(DAY_NAMES):
        ws.cell(row=7, column=FIRST_DAY + i, value=name)
    row = 8
    for creative in people:
        person = truth.person(creative.name)
        for col, value in ((1, creative.seq), (2, creative.name), (3, creative.ssn), (4, creative.state),
                           (5, creative.position)):
            ws.cell(row=row, column=col, value=value)
        date_row = row
        money_rows = []
        gross = extras_all = Decimal(0)
        for week in range(WEEKS):
            dates = [START + dt.timedelta(days=7 * week + i) for i in range(7)]
            for i, day in enumerate(dates):
                ws.cell(row=date_row, column=FIRST_DAY + i,
                        value=dt.datetime.combine(day, dt.time())).number_format = "m/d/yyyy"
            place_row, money_row = date_row + 1, date_row + 2
            for (w, i), place in creative.places.items():
                if w == week:
                    ws.cell(row=place_row, column=FIRST_DAY + i, value=place)
            for col, label in ((33, "Transportation Taxi "), (34, "Airport Parking "), (35, "Equipment Photography ")):
                ws.cell(row=place_row, column=col, value=label)
            wages = Decimal(0)
            for i, day in enumerate(dates):
                cell = creative.days.get((week, i), 0)
                if isinstance(cell, str) and cell.startswith("="):
                    book.formula(ws, money_row, FIRST_DAY + i, cell, _value(cell))
                else:
                    ws.cell(row=money_row, column=FIRST_DAY + i, value=float(_value(cell)))
                if _value(cell):
                    person.add(day, None, money(_value(cell)))
                    wages += money(_value(cell))
            per_diem = D(creative.per_diem.get(week, 0))
            expenses = creative.expenses.get(week, (Decimal(0),) * 3)
            for col, amount in zip((33, 34, 35), expenses, strict=True):
                if amount:
                    ws.cell(row=money_row, column=col, value=float(amount))
            reimbursement = sum(expenses, Decimal(0))
            book.formula(ws, money_row, 15, f"=SUM(H{money_row}:N{money_row})", wages)
            ws.cell(row=money_row, column=16, value=float(per_diem))
            ws.cell(row=money_row, column=17, value=0)
            book.formula(ws, money_row, 18, f"=SUM(AG{money_row}:AI{money_row})", reimbursement)
            book.formula(ws, money_row, 19, f"=SUM(O{money_row}:R{money_row})", wages + per_diem + reimbursement)
            truth.state_total(creative.name, "pay", wages, dates=dates)
            truth.state_total(creative.name, "pay", wages + per_diem + reimbursement, dates=dates,
                              extra=per_diem + reimbursement)
            gross += wages + per_diem + reimbursement
            extras_all += per_diem + reimbursement
            money_rows.append(money_row)
            date_row += 3
        total_row = date_row + 1
        ws.cell(row=total_row, column=18, value="GROSS TOTAL")
        book.formula(ws, total_row, 19, f"=SUM(S{money_rows[0]}:S{money_rows[-1]})", gross)
        truth.state_total(creative.name, "pay", gross, extra=extras_all)
        row = total_row + 3
    book.save(path)
    return truth


__all__ = ["multi_week_blocks"]
