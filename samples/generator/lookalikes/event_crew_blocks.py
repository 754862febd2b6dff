"""Look-alike of an event payroll where each person's row carries four day-detail rows.

Banner cells (ACCOUNT NAME, PAY PERIOD, DEPOSIT DATE, PROJECT NAME) and notes, a two-row
header (SAMPLE / NAME OR COMPANY NAME | SSN | Email | Individual or Loan Out | Home State |
Home ZIP | Occupation | Weekly Salary | Daily Salary | Sun..Sat over dates chained =K10+1 |
# of Days | TOTAL WAGE DUE | PER DIEM NON-TAX | REIMB. | CASH ADVANCE | TOTAL DUE |
Comments). People are grouped under role banners (ARTIST LIAISON, CREW LEAD ...). Each
person: a numbered row (name as "Last, First", masked EIN or SSN, e-mail, loan-out flag,
state, ZIP, the Daily rate, day cells =J13 or a flat fee typed on the first day, # of Days
=COUNTA or typed, totals as formulas), then Day Type, Work City, Work St and Work Zip Code
rows whose day columns hold words, cities, state codes and five-digit ZIP codes, and which
repeat the total formulas (evaluating to 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 6, 7) + dt.timedelta(days=i) for i in range(7)]  # Sunday to Saturday
FIRST_DAY = 11  # K


@dataclass
class Hand:
    seq: int
    role: str
    raw: str
    name: str
    tax_id: str
    email: str
    entity: str
    state: str
    zip_code: int
    occupation: str
    daily: int
    days: dict[int, object]  # day index -> "=rate" (the daily rate formula) or a typed amount
    day_types: list[str]
    days_typed: int | None = None  # "# of Days" typed instead of =COUNTA
    per_diem: Decimal = Decimal(0)
    reimbursement: Decimal = Decimal(0)
    advance: Decimal = Decimal(0)
    cities: dict[int, tuple[str, str, int]] = field(default_factory=dict)


def event_crew_blocks(out: Path) -> Truth:
    path = out / "24_event_crew_blocks.xlsx"
    truth = Truth(path.name, family="wide_grid (row per person with day-detail rows)",
                  structure=" ".join(__doc__.split()), week_start=WEEK[0],
                  traps=["banner label/value cells (ACCOUNT NAME, PAY PERIOD ...)", "two-row header", "role banner "
                         "rows between people", "numbered person rows, 'Last, First' names", "masked EIN for loan-outs",
                         "e-mail column", "Home ZIP column", "Weekly and Daily Salary rate columns", "a flat fee typed "
                         "on the first day", "day cells =J13 (daily rate, cached)", "Day Type / Work City / Work St / "
                         "Work Zip Code rows under each person (ZIP codes in the day columns)", "total formulas "
                         "repeated on detail rows (0)", "# of Days typed wrong for one person", "TOTAL DUE = wages + "
                         "per diem + reimbursement - cash advance", "a week from Sunday"])
    nyc = {i: ("NEW YORK", "NY", z) for i, z in ((4, 10019), (5, 10011), (6, 10011))}
    hands = [
        Hand(1, "ARTIST LIAISON", "Vasquez, Imelda", "Imelda Vasquez", "EIN: xx-xxx-4471", "iv@example.com",
             "Loan Out (LLC)", "NY", 11215, "Artist Liaison", 1150, {0: 1750, 4: "=", 5: "=", 6: "="},
             ["Prep Flat", "OFF", "OFF", "OFF", "EVENT", "EVENT", "EVENT"], cities=nyc),
        Hand(2, "CREW LEAD - STAGING", "Abernathy, Cole", "Cole Abernathy", "xxx-xx-4472", "ca@example.com",
             "Individual", "NJ", 7030, "Crew Lead", 450, {3: "=", 4: "=", 5: "=", 6: "="},
             ["OFF", "OFF", "OFF", "LOAD-IN", "EVENT", "EVENT", "EVENT"], per_diem=D(140), advance=D(200),
             cities={3: ("NEW YORK", "NY", 10019), **nyc}),
        Hand(3, "CREW LEAD - STAGING", "Iwu, Amara", "Amara Iwu", "xxx-xx-4473", "ai@example.com", "Individual",
             "NY", 10027, "Talent Escort", 380, {4: 95, 5: "=", 6: "="},
             ["OFF", "OFF", "OFF", "OFF", "PREP", "EVENT", "EVENT"], days_typed=5, reimbursement=D("57.30"),
             cities=nyc),
    ]
    book = Book()
    ws = book.sheet("payroll")
    ws["B1"], ws["C1"] = "ACCOUNT NAME:", "Quartz Events, Inc."
    ws["B3"] = "PAY PERIOD:"
    ws["C3"] = dt.datetime.combine(WEEK[0], dt.time())
    ws["E3"] = "* Notes - Template must include every day worked"
    ws["B5"] = "DEPOSIT DATE"
    ws["C5"] = dt.datetime(2026, 6, 19)
    ws["E5"] = "* Yellow/Green cells must be populated"
    ws["B7"], ws["C7"] = "PROJECT NAME", "260607QE - QE CLUB"
    top = {2: "SAMPLE", 3: "SSN", 4: "Email", 5: "Individual or Loan Out", 6: "Home", 7: "Home", 8: "Occupation",
           9: "Weekly ", 10: "Daily", 18: "# of ", 19: "TOTAL", 21: "PER DIEM", 22: "REIMB.**", 23: "CASH",
           24: "TOTAL", 25: "Comments"}
    second = {2: "NAME OR COMPANY NAME", 6: "State", 7: "ZIP", 9: "Salary", 10: "Salary", 18: "Days", 19: "WAGE DUE",
              21: "NON-TAX ", 23: "ADVANCE", 24: "DUE"}
    for col, text in top.items():
        ws.cell(row=9, column=col, value=text)
    for col, text in second.items():
        ws.cell(row=10, column=col, value=text)
    for i, name in enumerate(["Sun", "Mon", "Tues", "Wed", "Thurs", "Fri", "Sat"]):
        ws.cell(row=9, column=FIRST_DAY + i, value=name)
    ws.cell(row=10, column=FIRST_DAY, value=dt.datetime.combine(WEEK[0], dt.time())).number_format = "m/d"
    for i in range(1, 7):
        book.formula(ws, 10, FIRST_DAY + i, f"={get_column_letter(FIRST_DAY + i - 1)}10+1", WEEK[i], "m/d")
    row = 12
    role = None
    for hand in hands:
        if hand.role != role:
            ws.cell(row=row, column=2, value=hand.role)
            role = hand.role
            row += 1
        person = truth.person(hand.name)
        for col, value in ((1, hand.seq), (2, hand.raw), (3, hand.tax_id), (4, hand.email), (5, hand.entity),
                           (6, hand.state), (7, hand.zip_code), (8, hand.occupation), (10, hand.daily)):
            ws.cell(row=row, column=col, value=value)
        wages = Decimal(0)
        for i, cell in hand.days.items():
            if cell == "=":
                amount = D(hand.daily)
                book.formula(ws, row, FIRST_DAY + i, f"=J{row}", amount)
            else:
                amount = D(cell)
                ws.cell(row=row, column=FIRST_DAY + i, value=cell)
            person.add(WEEK[i], None, money(amount))
            wages += money(amount)
        if hand.days_typed is None:
            book.formula(ws, row, 18, f"=COUNTA(K{row}:Q{row})", len(hand.days))
        else:
            ws.cell(row=row, column=18, value=hand.days_typed)
        # "# of Days" is a stated count of worked days: a typed count that disagrees is the file's error.
        truth.state_total(hand.name, "days", hand.days_typed if hand.days_typed is not None else len(hand.days))
        book.formula(ws, row, 19, f"=SUM(K{row}:Q{row})", wages)
        for col, value in ((21, hand.per_diem), (22, hand.reimbursement), (23, hand.advance)):
            if value:
                ws.cell(row=row, column=col, value=float(value))
        extras = hand.per_diem + hand.reimbursement - hand.advance
        book.formula(ws, row, 24, f"=S{row}+U{row}+V{row}-W{row}", wages + extras)
        truth.state_total(hand.name, "pay", wages)
        truth.state_total(hand.name, "pay", wages + extras, extra=extras)
        labels = ["Day Type", "Work City", "Work St", "Work Zip Code"]
        for offset, label in enumerate(labels, start=1):
            detail = row + offset
            ws.cell(row=detail, column=10, value=label)
            for i in range(7):
                if offset == 1:
                    value: object = hand.day_types[i]
                elif i in hand.cities:
                    value = hand.cities[i][offset - 2]
                else:
                    continue
                ws.cell(row=detail, column=FIRST_DAY + i, value=value)
            # The template repeats its total formulas on detail rows; over words and state codes
            # they evaluate to 0 (the ZIP row only keeps TOTAL DUE, over an empty WAGE DUE).
            if offset in (1, 3):
                book.formula(ws, detail, 19, f"=SUM(K{detail}:Q{detail})", 0)
            if offset != 2:
                book.formula(ws, detail, 24, f"=S{detail}+U{detail}+V{detail}-W{detail}", 0)
        ws.cell(row=row + 3, column=2, value="Harbor Hall, Club Room")
        row += 6
    book.save(path)
    return truth


__all__ = ["event_crew_blocks"]
