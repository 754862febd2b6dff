"""Look-alike of a VIP-staff event payroll whose totals sit above the people.

Banner label/value cells (ACCOUNT NAME, PAY PERIOD "06/14-06/20" with no year, DUE DATE with
one). A two-row header (Name | SSN | Home State | Home ZIP | Occupation | Weekly Salary |
Daily Salary | Sun..Sat over typed dates | # of Days | TOTAL WAGE DUE | PER DIEM NON-TAX |
REIMB. | CASH ADVANCE | TOTAL DUE | Comments), then Day Type, Work City, Work St (HOME) and
Zip Code rows over the days; the Work City row also holds the column totals of the people
below. A CREW label row (with an empty-sum formula and the headers of a right-hand billing
block: CAPS FEE, WC FEE, FRINGE, TOTAL, Date(s) Worked, Bill.com Description line). Each person
works a day or two: the day cell is =G12 (the daily rate), # of Days =COUNTA or typed,
employer fees computed from the wages, and a text formula builds a billing line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 6, 14) + dt.timedelta(days=i) for i in range(7)]  # Sunday to Saturday
SHEET = "payroll"
FIRST_DAY = 8  # H


@dataclass
class Rep:
    raw: str
    name: str
    state: str
    zip_code: int
    daily: int
    worked: list[int]
    comment: str
    reimbursement: Decimal = Decimal(0)
    per_diem: Decimal = Decimal(0)


def totals_above_crew(out: Path) -> Truth:
    path = out / "30_totals_above_crew.xlsx"
    truth = Truth(path.name, family="wide_grid (totals above the people)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["pay period text without a year (the due date has one)", "two-row header", "Day Type / "
                         "Work City / Work St / Zip Code rows over the days", "column totals above the people, in "
                         "the Work City row", "CREW label row with a formula", "day cells =G12 (cached)",
                         "# of Days typed for one person", "employer fee columns (CAPS FEE, WC FEE, FRINGE) computed "
                         "from wages", "text formula billing line ('01/00/1900 -' style)", "ZIP column",
                         "a week from Sunday"])
    reps = [
        Rep("Sorensen, Maja", "Maja Sorensen", "OH", 43215, 215, [3], "Lantern Tour 2026"),
        Rep("Abiodun, Tolu", "Tolu Abiodun", "WA", 98101, 240, [1], "Northbound Tour 2026", per_diem=D(60)),
        Rep("Carrow, Liam", "Liam Carrow", "CA", 94110, 215, [4], "Lantern Tour 2026"),
        Rep("Yilmaz, Deniz", "Deniz Yilmaz", "WA", 98103, 215, [2, 3], "Orchard Tour 2026", reimbursement=D("47.72")),
        Rep("Petrov, Ana", "Ana Petrov", "CA", 90026, 240, [5], "Lantern Tour 2026"),
    ]
    book = Book()
    ws = book.sheet(SHEET)
    ws["B1"], ws["C1"] = "ACCOUNT NAME:", "Meridian VIP"
    ws["B3"], ws["C3"] = "PAY PERIOD:", "06/14-06/20"
    ws["B4"] = "DUE DATE:"
    ws["C4"] = dt.datetime(2026, 6, 26)
    upper = {1: "Name", 2: "SSN", 3: "Home", 4: "Home", 5: "Occu", 6: "Weekly ", 7: "Daily", 15: "# of ",
             16: "TOTAL", 18: "PER DIEM", 19: "REIMB.**", 20: "CASH", 21: "TOTAL", 22: "Comments"}
    lower = {3: "State", 4: "ZIP", 6: "Salary", 7: "Salary", 15: "Days", 16: "WAGE DUE", 18: "NON-TAX ",
             20: "ADVANCE", 21: "DUE"}
    for col, text in upper.items():
        ws.cell(row=5, column=col, value=text)
    for col, text in lower.items():
        ws.cell(row=6, column=col, value=text)
    day_types = ["OFF", "TRAVEL", "SHOW", "SHOW", "TRAVEL", "SHOW", "TRAVEL"]
    for i, name in enumerate(["Sun", "Mon", "Tues", "Wed", "Thurs", "Fri", "Sat"]):
        ws.cell(row=5, column=FIRST_DAY + i, value=name)
        ws.cell(row=6, column=FIRST_DAY + i, value=dt.datetime.combine(WEEK[i], dt.time())).number_format = "m/d"
        ws.cell(row=7, column=FIRST_DAY + i, value=day_types[i])
        ws.cell(row=9, column=FIRST_DAY + i, value="HOME")
    for row, label in ((7, "Day Type"), (8, "Work City"), (9, "Work St"), (10, "Zip Code")):
        ws.cell(row=row, column=7, value=label)
    ws["I10"] = 0
    ws["V7"] = "Reimbursements need to be broken down by category"
    ws["A11"] = "CREW"
    book.formula(ws, 11, 16, "=SUM(H11:N11)", 0)
    for col, text in {23: "CAPS FEE", 24: "WC FEE", 25: "FRINGE", 26: "TOTAL", 27: "Date(s) Worked",
                      28: "Bill.com Description line", 29: "Reimbursement Description line"}.items():
        ws.cell(row=11, column=col, value=text)
    first = 12
    sums = {"P": Decimal(0), "R": Decimal(0), "S": Decimal(0), "T": Decimal(0)}
    for row, rep in enumerate(reps, start=first):
        for col, value in ((1, rep.raw), (2, f"xxx-xx-{2000 + row}"), (3, rep.state), (4, rep.zip_code),
                           (5, "VIP Host"), (7, rep.daily)):
            ws.cell(row=row, column=col, value=value)
        wages = Decimal(0)
        for i in rep.worked:
            book.formula(ws, row, FIRST_DAY + i, f"=G{row}", rep.daily)
            truth.person(rep.name).add(WEEK[i], None, money(D(rep.daily)))
            wages += D(rep.daily)
        if row == first + 2:
            ws.cell(row=row, column=15, value=len(rep.worked))  # typed, not counted
        else:
            book.formula(ws, row, 15, f"=COUNTA(H{row}:N{row})", len(rep.worked))
        book.formula(ws, row, 16, f"=SUM(H{row}:N{row})", wages)
        for col, value in ((18, rep.per_diem), (19, rep.reimbursement)):
            if value:
                ws.cell(row=row, column=col, value=float(value))
        extras = rep.per_diem + rep.reimbursement
        book.formula(ws, row, 21, f"=P{row}+R{row}+S{row}-T{row}", wages + extras)
        ws.cell(row=row, column=22, value=rep.comment)
        caps, wc, fringe = wages * D("0.04"), wages * D("0.035"), wages * D("0.0765")
        book.formula(ws, row, 23, f"=P{row}*0.04", caps)
        book.formula(ws, row, 24, f"=P{row}*0.035", wc)
        book.formula(ws, row, 25, f"=P{row}*0.0765", fringe)
        book.formula(ws, row, 26, f"=SUM(W{row}:Y{row})", caps + wc + fringe)
        book.formula(ws, row, 28, f'=TEXT(AA{row},"mm/dd/yyyy")&" - "&V{row}&" - STAFF LABOR"',
                     f"01/00/1900 - {rep.comment} - STAFF LABOR")
        truth.state_total(rep.name, "pay", wages)
        truth.state_total(rep.name, "pay", wages + extras, extra=extras)
        sums["P"] += wages
        sums["R"] += rep.per_diem
        sums["S"] += rep.reimbursement
    last = first + len(reps) - 1
    for col, key in ((16, "P"), (18, "R"), (19, "S"), (20, "T")):
        book.formula(ws, 8, col, f"=SUM({key}{first}:{key}{last + 10})", sums[key])
    truth.state_total(None, "pay", sums["P"], SHEET)
    book.save(path)
    return truth


__all__ = ["totals_above_crew"]
