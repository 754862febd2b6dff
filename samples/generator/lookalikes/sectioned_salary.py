"""Look-alike of a weekly tour salary sheet split into company sections.

One sheet named after the week's last day ("03-15-26"). Each section: a banner row with the
entity's name, "Home State" / "Off Tour 100%" rows over the day columns, a header row
"Last Name | First Name | Title | SS | H.S. | Start Date | End Date | #Days | Weekly/On |
Weekly/Off | Pay for Week Including PD and Reimb | <7 dates> | Expense | Per Diem | ...",
one row per person whose day cells are formulas (weekly rate / 7, cached as Excel saves
them), a TOTAL PAYROLL row and a "Proof" row holding a typed check figure. Right of the
table, helper columns for 401(k) wages and deferrals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 3, 9) + dt.timedelta(days=i) for i in range(7)]
SHEET = "03-15-26"
FIRST_DAY_COL = 13  # M
HEADERS = ["Last Name", "First Name", "Title", "SS", "H.S.", "Start Date", "End Date", "#Days", "Weekly/On",
           "Weekly/Off", "Pay for Week Including PD and Reimb"]
EXTRA_HEADERS = {21: "Expense Deduction /Addition", 22: "Per Diem", 23: "Per Diem", 24: "Notes",
                 26: "Wages for 401K", 27: "Rate", 28: "Type", 29: "401 K Pre-Tax Deferrals"}


@dataclass
class Member:
    last: str
    first: str  # may carry a nickname in parentheses, as the real files do
    name: str  # the contract's "First Last"
    title: str | None
    ssn: str
    state: str
    weekly_on: str  # the formula text or number Excel shows in Weekly/On
    weekly_on_value: Decimal
    weekly_off: str | None  # a formula such as "=+I{row}/2" (half rate), or None for a typed number
    weekly_off_value: Decimal
    worked: list[int] = field(default_factory=lambda: list(range(7)))  # days paid by a typed =+I/7 when not all
    expense: Decimal = Decimal(0)
    per_diem: Decimal = Decimal(0)
    pay_range: tuple[int, int] | None = None  # a Pay-for-Week SUM over the wrong columns (a real slip)
    deferral: Decimal | None = None


def _col(index: int) -> str:
    return get_column_letter(index)


def _section(book: Book, ws, truth: Truth, top: int, banner: str, members: list[Member],
             proof: int | None, start_cell: str | None) -> tuple[int, str]:
    """Write one section from row ``top``; return the next free row and the first Start Date cell."""
    for i in range(7):
        ws.cell(row=top, column=FIRST_DAY_COL + i, value="Home State")
        ws.cell(row=top + 1, column=FIRST_DAY_COL + i, value="Off Tour 100%")
    for col in (21, 22, 23):
        ws.cell(row=top + 1, column=col, value="NON TAXABLE")
    ws.cell(row=top + 1, column=1, value=banner)
    header = top + 2
    first = header + 1
    for i, text in enumerate(HEADERS):
        ws.cell(row=header, column=1 + i, value=text)
    for col, text in EXTRA_HEADERS.items():
        ws.cell(row=header, column=col, value=text)
    book.formula(ws, header, FIRST_DAY_COL, f"=+F{first}", WEEK[0], "m/d/yy")
    for i in range(1, 7):
        book.formula(ws, header, FIRST_DAY_COL + i, f"=+{_col(FIRST_DAY_COL + i - 1)}{header}+1", WEEK[i], "m/d/yy")
    banner_row = top + 1
    row = first
    section_names: list[str] = []
    day_totals = [Decimal(0)] * 7
    sums = {"I": Decimal(0), "J": Decimal(0), "K": Decimal(0), "U": Decimal(0), "V": Decimal(0)}
    extras = Decimal(0)
    for member in members:
        ws.cell(row=row, column=1, value=member.last)
        ws.cell(row=row, column=2, value=member.first)
        ws.cell(row=row, column=3, value=member.title)
        ws.cell(row=row, column=4, value=member.ssn)
        ws.cell(row=row, column=5, value=member.state)
        if start_cell is None:
            ws.cell(row=row, column=6, value=dt.datetime.combine(WEEK[0], dt.time())).number_format = "m/d/yy"
            start_cell = f"F{row}"
        else:
            book.formula(ws, row, 6, f"=+{start_cell}", WEEK[0], "m/d/yy")
        start_cell = f"F{row}"
        book.formula(ws, row, 7, f"=+F{row}+7-1", WEEK[6], "m/d/yy")
        book.formula(ws, row, 8, f"=IF(G{row}-F{row}=0,0,G{row}-F{row}+1)", 7)
        if member.weekly_on.startswith("="):
            book.formula(ws, row, 9, member.weekly_on, member.weekly_on_value)
        else:
            ws.cell(row=row, column=9, value=float(member.weekly_on_value))
        if member.weekly_off is None:
            ws.cell(row=row, column=10, value=float(member.weekly_off_value))
        else:
            book.formula(ws, row, 10, member.weekly_off.format(row=row), member.weekly_off_value)
        # Salaried rows: every day =IF(..., $J/7). A row paid for a few days only keeps
        # Weekly/Off at 0 and types =+I/7 on the days worked, as the real sheets do.
        partial = member.worked != list(range(7))
        values = []
        for i in range(7):
            col = FIRST_DAY_COL + i
            letter = _col(col)
            if partial and i in member.worked:
                value = member.weekly_on_value / 7
                book.formula(ws, row, col, f"=+I{row}/7", value)
            else:
                value = member.weekly_off_value / 7
                book.formula(ws, row, col,
                             f'=IF({letter}${banner_row}="Other 50%",($I{row}*0.5)/7,$J{row}/7)', value)
            values.append(value)
        person = truth.person(member.name) if any(values) else None
        paid = Decimal(0)
        for i, value in enumerate(values):
            if person is not None and value:
                person.add(WEEK[i], None, money(value))
                day_totals[i] += money(value)
                paid += money(value)
        ws.cell(row=row, column=21, value=float(member.expense))
        ws.cell(row=row, column=22, value=float(member.per_diem))
        ws.cell(row=row, column=23, value=0)
        due = paid + member.expense + member.per_diem
        if member.pay_range is None:
            book.formula(ws, row, 11, f"=SUM(M{row}:W{row})", due)
            stated = due
        else:
            lo, hi = member.pay_range
            stated = sum((money(values[i]) for i in range(lo, hi + 1)), Decimal(0))
            book.formula(ws, row, 11, f"=SUM({_col(FIRST_DAY_COL + lo)}{row}:{_col(FIRST_DAY_COL + hi)}{row})", stated)
        if person is not None:
            truth.state_total(member.name, "pay", stated, extra=member.expense + member.per_diem)
            section_names.append(member.name)
            extras += member.expense + member.per_diem
        book.formula(ws, row, 26, f"=SUM(M{row}:S{row})", paid)
        if member.deferral is not None:
            ws.cell(row=row, column=27, value=float(member.deferral))
            ws.cell(row=row, column=28, value=1)
            book.formula(ws, row, 29, f"=IF(AB{row}=1,Z{row}*AA{row},0)", paid * member.deferral)
        if person is None:
            ws.cell(row=row, column=24, value="HOME STATE ONLY")
        sums["I"] += member.weekly_on_value
        sums["J"] += member.weekly_off_value
        sums["K"] += stated
        sums["U"] += member.expense
        sums["V"] += member.per_diem
        row += 1
    # A blank separator row that still holds a helper formula, as the real sheets do.
    book.formula(ws, row, 26, f"=SUM(M{row}:S{row})", 0)
    last = row
    total = row + 1
    ws.cell(row=total, column=1, value="        TOTAL PAYROLL")
    for letter, col in (("I", 9), ("J", 10), ("K", 11), ("U", 21), ("V", 22)):
        book.formula(ws, total, col, f"=SUM({letter}{first}:{letter}{last})", sums[letter])
    for i in range(7):
        letter = _col(FIRST_DAY_COL + i)
        book.formula(ws, total, FIRST_DAY_COL + i, f"=SUM({letter}{first}:{letter}{last})", day_totals[i])
        truth.state_total(None, "pay", day_totals[i], SHEET, among=section_names, dates=[WEEK[i]])
    truth.state_total(None, "pay", sums["K"], SHEET, among=section_names, extra=extras)
    if proof is not None:
        # A check figure typed from another system: not a total of this table's entries.
        ws.cell(row=total + 1, column=10, value="Proof")
        ws.cell(row=total + 1, column=11, value=proof)
        book.formula(ws, total + 2, 11, f"=+K{total}-K{total + 1}", sums["K"] - proof)
    return total + 4, start_cell


def sectioned_weekly_salary(out: Path) -> Truth:
    path = out / "16_sectioned_weekly_salary.xlsx"
    truth = Truth(path.name, family="wide_grid (sections)", structure=" ".join(__doc__.split()), week_start=WEEK[0],
                  traps=["sheet named by the week's end date", "several sections per sheet, each with its own "
                         "banner, header row and TOTAL PAYROLL row", "Last Name | First Name columns",
                         "nickname in parentheses", "dates chained from the Start Date (=+F6, =+M5+1, cached)",
                         "day cells are day-rate formulas (weekly / 7, cached)", "Weekly/On and Weekly/Off rate "
                         "columns (half rate)", "Pay for Week Including PD and Reimb (a total with non-wage money)",
                         "a Pay for Week SUM over the wrong columns (TOTAL_MISMATCH)", "rows of zeros: listed, "
                         "not paid, no timecard", "TOTAL PAYROLL sums of rate columns", "Proof row with a typed "
                         "check figure", "section banner that looks like a person's name", "Home State codes "
                         "incl. NYC", "401(k) helper columns", "blank row holding only a helper formula"])
    book = Book()
    ws = book.sheet(SHEET)
    ws.cell(row=1, column=26, value="W-2 Box 12 Code D")
    ws.cell(row=2, column=26, value="1=401 Reg  2=ROTH 401K")
    tour = [
        Member("Marsh", "Theodore (Theo)", "Theodore Marsh", "Lighting Designer", "xxx-xx-4410", "CA",
               "=182000/52", D(3500), None, D(3500), deferral=D("0.05")),
        Member("Quill", "Danae", "Danae Quill", "Monitor Tech", "xxx-xx-5521", "PA",
               "=2380+70", D(2450), "=2380+70", D(2450)),
        Member("Okonkwo", "Femi", "Femi Okonkwo", "Prod Asst", "xxx-xx-6632", "NYC",
               "4200", D(4200), "=+I{row}/2", D(2100)),
        Member("Haldane", "Iris", "Iris Haldane", "Tour Bookkeeper", "xxx-xx-7743", "TN",
               "2800", D(2800), None, D(0), worked=[2, 3, 5]),
        Member("Brandt", "Oskar", "Oskar Brandt", "Security", "xxx-xx-8854", "WI", "0", D(0), None, D(0), worked=[]),
        Member("Vela", "Simone", "Simone Vela", "Drum Tech", "xxx-xx-9965", "NY",
               "3150", D(3150), None, D(3150), pay_range=(4, 6)),
    ]
    merch = [
        Member("Ferris", "Colm", "Colm Ferris", "Merch Hauler", "xxx-xx-1076", "KY",
               "=1400+70", D(1470), None, D(1470), expense=D(120)),
        Member("Pryce", "Anouk", "Anouk Pryce", "Merch Helper", "xxx-xx-2187", "MI",
               "=1500+250", D(1750), None, D(0), worked=[]),
    ]
    artist = [
        Member("Lund", "Petra", "Petra Lund", "Security", "xxx-xx-3298", "TX",
               "3500", D(3500), None, D(3500), expense=D("88.40"), per_diem=D(245)),
    ]
    # The section with the mis-ranged Pay for Week has no non-wage money, so its TOTAL PAYROLL
    # mismatch compares wages with wages.
    row, start = _section(book, ws, truth, 3, "HERON LAKE TOURING LLC", tour, proof=14250, start_cell=None)
    row, start = _section(book, ws, truth, row, "HERON LAKE MERCH INC", merch, proof=1590, start_cell=start)
    _section(book, ws, truth, row, "Nadia Stroud", artist, proof=None, start_cell=start)
    book.save(path)
    return truth


__all__ = ["sectioned_weekly_salary"]
