"""Look-alike of a weekly production payroll with Retainer and Tour day-rate columns.

Merged banner rows, a Work State row ("HOME" over every day) and a Work City row, the
period as text ("Week of 6/1/26 - 6/7/2026"), merged ADDITIONS and DEDUCTIONS group labels.
Two header rows: "Retainer / Rate" and "Tour / Rate" over the two rate columns, MON..SUN
over dates (I9 typed, =I9+1 after), TOTAL WAGES, PER DIEM, REIMBURSEMENT, Post tax billback,
ADVANCE, TOTAL PAY, NOTES. Tour rates are formulas such as =3900/7 (not whole cents), the
retainer =G10/2; the day cells are typed amounts rounded by hand (557.14), so a week of
them differs by cents from the weekly rate; retainer days carry the half rate. One person
has only a per diem this week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(7)]
FIRST_DAY = 9  # I


@dataclass
class Artist:
    raw: str
    name: str
    state: str
    title: str
    weekly: int  # the tour rate is =weekly/7
    days: list[str | None]  # "T" tour day, "R" retainer day, None not paid
    per_diem: Decimal = Decimal(0)
    reimbursement: Decimal = Decimal(0)
    billback: Decimal = Decimal(0)
    advance: Decimal = Decimal(0)


def retainer_tour_rates(out: Path) -> Truth:
    path = out / "28_retainer_tour_rates.xlsx"
    truth = Truth(path.name, family="wide_grid (retainer and tour rates)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["merged banner rows", "Work State row of HOME over the days", "period as text",
                         "merged ADDITIONS / DEDUCTIONS labels", "two-row header (Retainer / Rate, Tour / Rate)",
                         "rates as formulas (=3900/7, =G10/2), not whole cents", "day amounts typed rounded by hand "
                         "(a week sums to cents off the weekly rate)", "retainer days at half rate", "TOTAL PAY "
                         "with per diem, reimbursement, billback and advance", "a person with only a per diem (no "
                         "timecard)", "'Last, First' names"])
    cast = [
        Artist("Rourke, Delphine", "Delphine Rourke", "NY", "Musician", 8400, ["T"] * 7, per_diem=D(650)),
        Artist("Amsel, Tobias", "Tobias Amsel", "NY", "Carpenter", 3900, ["T"] * 7, per_diem=D(650)),
        Artist("Faye, Corinne", "Corinne Faye", "FL", "Lighting", 3900, [None] * 7, per_diem=D(350)),
        Artist("Nakamura, Jiro", "Jiro Nakamura", "MA", "Coordinator", 4600, ["R", "R", "T", "T", "T", "T", "T"],
               per_diem=D(525), reimbursement=D("61.20")),
        Artist("Sallow, Petra", "Petra Sallow", "CO", "Assistant", 3290, ["T", "T", "T", "T", "T", None, None],
               billback=D(-35), advance=D(-150)),
    ]
    book = Book()
    ws = book.sheet("Sheet 1")
    ws["B2"] = "Aster Productions Weekly Payroll"
    ws.merge_cells("B1:U1")
    ws.merge_cells("B2:U2")
    ws["B4"], ws["B5"] = "Work State (touring employees only)", "Work City"
    for i in range(7):
        ws.cell(row=4, column=FIRST_DAY + i, value="HOME")
    ws["B7"] = "Week of 6/1/26 - 6/7/2026"
    ws["Q7"], ws["S7"] = "ADDITIONS", "DEDUCTIONS"
    ws.merge_cells("Q7:R7")
    ws.merge_cells("S7:T7")
    upper = {6: "Retainer", 7: "Tour", 16: "TOTAL", 17: "PER DIEM", 18: "REIMBURSE", 19: "Post tax ", 20: "ADVANCE",
             21: "TOTAL", 22: "NOTES"}
    lower = {2: "NAME", 3: "SSN", 4: "STATE", 5: "TITLE", 6: "Rate", 7: "Rate", 16: "WAGES", 18: "MENT",
             19: "billback", 21: "PAY"}
    for col, text in upper.items():
        ws.cell(row=8, column=col, value=text)
    for col, text in lower.items():
        ws.cell(row=9, column=col, value=text)
    for i, name in enumerate(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]):
        ws.cell(row=8, column=FIRST_DAY + i, value=name)
    ws.cell(row=9, column=FIRST_DAY, value=dt.datetime.combine(WEEK[0], dt.time())).number_format = "m/d"
    for i in range(1, 7):
        book.formula(ws, 9, FIRST_DAY + i, f"={get_column_letter(FIRST_DAY + i - 1)}9+1", WEEK[i], "m/d")
    for row, artist in enumerate(cast, start=10):
        for col, value in ((2, artist.raw), (3, f"xxx-xx-{6400 + row}"), (4, artist.state), (5, artist.title)):
            ws.cell(row=row, column=col, value=value)
        tour = D(artist.weekly) / 7
        book.formula(ws, row, 7, f"={artist.weekly}/7", tour)
        book.formula(ws, row, 6, f"=G{row}/2", tour / 2)
        wages = Decimal(0)
        for i, kind in enumerate(artist.days):
            if kind is None:
                continue
            amount = money(tour if kind == "T" else tour / 2)  # typed rounded, as payroll clerks do
            ws.cell(row=row, column=FIRST_DAY + i, value=float(amount))
            truth.person(artist.name).add(WEEK[i], None, amount)
            wages += amount
        book.formula(ws, row, 16, f"=SUM(I{row}:O{row})", wages)
        extras = artist.per_diem + artist.reimbursement + artist.billback + artist.advance
        for col, value in ((17, artist.per_diem), (18, artist.reimbursement), (19, artist.billback),
                           (20, artist.advance)):
            if value:
                ws.cell(row=row, column=col, value=float(value))
        book.formula(ws, row, 21, f"=SUM(P{row}:T{row})", wages + extras)
        if wages:
            truth.state_total(artist.name, "pay", wages)
            truth.state_total(artist.name, "pay", wages + extras, extra=extras)
    book.save(path)
    return truth


__all__ = ["retainer_tour_rates"]
