"""Look-alike of a two-week tour payroll schedule written as one block per person.

Each person's block: a MON..SUN header row (with Salary / Crew Bonus / Per Diem /
Reimbursement / Deductions / Total / Notes over the money columns), a row of week-1 dates
under "Date" and the rate headers (Base Tour Rate, Rehearsal Rate, Tour Daily Rate,
Rehearsal Daily Rate, 1st 14 Days Retainer, After 14 Days, Home State, SSN, Internal,
Position), a day-type row, a work-state row, then the person's week-1 row. Below it the
week-2 half: another MON..SUN header (with "Paycheck Total"), the week-2 dates, day types,
states and a second money row with no name on it, which belongs to the person above.
Day cells are formulas on the daily rate (=$D9, =$D9+125 on show days), cached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK1 = [dt.date(2026, 4, 6) + dt.timedelta(days=i) for i in range(7)]
WEEK2 = [dt.date(2026, 4, 13) + dt.timedelta(days=i) for i in range(7)]
DAY_NAMES = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
DAY_TYPES = (["REHEARSAL", "SHOW", "TRAVEL", "SHOW", "SHOW", "LOAD-OUT", "TRAVEL"],
             ["REHEARSAL", "SHOW", "TRAVEL", "SHOW", "TRAVEL", "SHOW", "TRAVEL"])
STATES = (["GA", "GA", "SC", "SC", "SC", "SC", None], [None, None, "VA", "VA", "MD", "MD", "MD"])
FIRST_DAY = 12  # L
RATE_HEADERS = ["Date", "Base Tour Rate", "Rehearsal Rate", "Tour Daily Rate", "Rehearsal Daily Rate",
                "1st 14 Days Retainer", "After 14 Days", "Home State", "SSN", "Internal", "Position"]
MONEY_HEADERS = {19: "Salary", 20: "Crew Bonus", 21: "Per Diem", 23: "Reimbursement", 24: "Deductions",
                 25: "Total", 26: "Notes"}


@dataclass
class Dancer:
    name: str
    base: int  # weekly base tour rate, a multiple of 7 so the daily rate is whole cents
    state: str
    ssn: str
    position: str
    week1: list[str | None]  # per day: "day" (=$D), "show" (=$D+125) or None (not worked)
    week2: list[str | None]
    bonus: int = 0
    reimbursement: Decimal = Decimal(0)
    deduction: Decimal = Decimal(0)
    per_diem_days: int = 7


SHOW_PREMIUM = 125
PER_DIEM = 45


def _week_row(book: Book, ws, truth: Truth, row: int, rate_row: int, dancer: Dancer, days: list[str | None],
              dates: list[dt.date], bonus: int, deduction: Decimal) -> tuple[Decimal, Decimal]:
    """The money columns of one week's row; returns (wages, the row's Total)."""
    person = truth.person(dancer.name)
    daily = D(dancer.base) / 7
    wages = Decimal(0)
    for i, kind in enumerate(days):
        if kind is None:
            continue
        premium = SHOW_PREMIUM if kind == "show" else 0
        pay = daily + premium
        book.formula(ws, row, FIRST_DAY + i, f"=$D{rate_row}" + (f"+{premium}" if premium else ""), pay)
        person.add(dates[i], None, money(pay))
        wages += money(pay)
    book.formula(ws, row, 19, f"=SUM(L{row}:R{row})", wages)
    if bonus:
        ws.cell(row=row, column=20, value=bonus)
    per_diem = D(PER_DIEM * dancer.per_diem_days)
    book.formula(ws, row, 21, f"={PER_DIEM}*{dancer.per_diem_days}", per_diem)
    reimbursement = dancer.reimbursement if dates is WEEK1 else Decimal(0)
    ws.cell(row=row, column=23, value=float(reimbursement))
    if deduction:
        ws.cell(row=row, column=24, value=float(deduction))
    total = wages + bonus + per_diem + reimbursement - deduction
    book.formula(ws, row, 25, f"=SUM(S{row}:W{row})-X{row}", total)
    truth.state_total(dancer.name, "pay", wages, dates=dates)
    truth.state_total(dancer.name, "pay", total, dates=dates, extra=bonus + per_diem + reimbursement - deduction)
    return wages, total


def _block(book: Book, ws, truth: Truth, top: int, dancer: Dancer) -> int:
    for i, name in enumerate(DAY_NAMES):
        ws.cell(row=top, column=FIRST_DAY + i, value=name)
    for col, text in MONEY_HEADERS.items():
        ws.cell(row=top, column=col, value=text)
    for i, text in enumerate(RATE_HEADERS):
        ws.cell(row=top + 1, column=1 + i, value=text)
    for i, day in enumerate(WEEK1):
        ws.cell(row=top + 1, column=FIRST_DAY + i, value=dt.datetime.combine(day, dt.time())).number_format = "m/d"
    ws.cell(row=top + 2, column=1, value="REHEARSAL/TRAVEL/PERFORMANCE")
    ws.cell(row=top + 2, column=6, value="50% of Current Rate")
    ws.cell(row=top + 2, column=7, value="25% of Current Rate")
    ws.cell(row=top + 3, column=1, value="Name")
    for i in range(7):
        ws.cell(row=top + 2, column=FIRST_DAY + i, value=DAY_TYPES[0][i])
        ws.cell(row=top + 3, column=FIRST_DAY + i, value=STATES[0][i])
    row = top + 4
    ws.cell(row=row, column=1, value=dancer.name)
    ws.cell(row=row, column=2, value=dancer.base)
    base = D(dancer.base)
    book.formula(ws, row, 3, f"=B{row}*0.75", base * D("0.75"))
    book.formula(ws, row, 4, f"=B{row}/7", base / 7)
    book.formula(ws, row, 5, f"=C{row}/7", base * D("0.75") / 7)
    book.formula(ws, row, 6, f"=B{row}/7*0.5", base / 7 * D("0.5"))
    book.formula(ws, row, 7, f"=F{row}/2", base / 7 * D("0.25"))
    ws.cell(row=row, column=8, value=dancer.state)
    ws.cell(row=row, column=9, value=dancer.ssn)
    ws.cell(row=row, column=10, value="4410-2207-3100.5")  # an internal cost code, not an employee id
    ws.cell(row=row, column=11, value=dancer.position)
    _, total1 = _week_row(book, ws, truth, row, row, dancer, dancer.week1, WEEK1, dancer.bonus, Decimal(0))
    # Week 2: a second header and date row, then an unnamed money row for the same person.
    second = top + 6
    for i, name in enumerate(DAY_NAMES):
        ws.cell(row=second, column=FIRST_DAY + i, value=name)
    for col, text in MONEY_HEADERS.items():
        ws.cell(row=second, column=col, value=text)
    ws.cell(row=second, column=27, value="Paycheck Total")
    for i, day in enumerate(WEEK2):
        ws.cell(row=second + 1, column=FIRST_DAY + i, value=dt.datetime.combine(day, dt.time())).number_format = "m/d"
        ws.cell(row=second + 2, column=FIRST_DAY + i, value=DAY_TYPES[1][i])
        ws.cell(row=second + 3, column=FIRST_DAY + i, value=STATES[1][i])
    week2_row = second + 4
    _, total2 = _week_row(book, ws, truth, week2_row, row, dancer, dancer.week2, WEEK2, 0, dancer.deduction)
    book.formula(ws, second + 2, 27, f"=Y{row}+Y{week2_row}", total1 + total2)
    extras = (total1 + total2) - sum((d.pay for d in truth.person(dancer.name).days), Decimal(0))
    truth.state_total(dancer.name, "pay", total1 + total2, extra=extras)
    return week2_row + 3


def two_week_tour_blocks(out: Path) -> Truth:
    path = out / "17_two_week_tour_blocks.xlsx"
    truth = Truth(path.name, family="block (two weeks per person)", structure=" ".join(__doc__.split()),
                  traps=["banner rows incl. the company name twice", "one block per person: day-name row, date row "
                         "under rate headers, day-type row, state row, money row", "week-2 row with no name, under "
                         "a second date row", "rate columns (Base Tour / Rehearsal / Daily / Retainer / After 14 "
                         "Days) beside the days", "day cells are formulas on the daily rate (=$D9+125), cached",
                         "Salary per week (wages) and Total with per diem, bonus, reimbursement, deductions",
                         "Paycheck Total over both weeks (not wages)", "Home State column and a work-state row",
                         "internal cost code that looks like an id", "day dollars, no hours (HOURS_ASSUMED)"])
    cast = [
        Dancer("Lucia Ferrand", 3150, "CA", "888-41-2201", "Lead Dancer",
               ["day", "show", "day", "show", "show", "day", None], ["day", "show", "day", "show", None, "show", "day"],
               reimbursement=D("64.25")),
        Dancer("Mateo Brisco", 2450, "GA", "888-41-2202", "Dancer",
               ["day", "day", "day", "day", "day", "day", None], [None, None, "day", "day", "day", "day", "day"]),
        Dancer("Hana Voight", 2450, "NY", "888-41-2203", "Dancer",
               ["day", "show", "day", "show", "show", "day", None], [None, "show", "day", "show", "day", "show", "day"],
               bonus=100, deduction=D(75)),
        Dancer("Priya Castellan", 2800, "TX", "888-41-2204", "Swing",
               ["day", "day", None, None, "show", "show", None], ["day", "day", "day", None, None, None, None],
               per_diem_days=5),
    ]
    book = Book()
    ws = book.sheet("Sheet1")
    ws["A1"] = "Starling Stage Tour, Inc"
    ws["A2"] = "Tour Payroll Schedule"
    ws["A3"] = "4/6/26 - 4/19/26"
    ws["A4"] = "Starling Stage Tour, Inc"
    row = 5
    for dancer in cast:
        row = _block(book, ws, truth, row, dancer)
    book.save(path)
    return truth


__all__ = ["two_week_tour_blocks"]
