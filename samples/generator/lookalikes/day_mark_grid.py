"""Look-alike of a weekly tour payroll whose day cells are day-rate multipliers.

One sheet named by its dates ("3.29.26-4.4.26"), a banner with the year ("Payroll 2026")
and "Week runs Sunday to Saturday (7 days)". The day columns are headed by day-of-month numbers
(29 30 31 1 2 3 4) under merged month labels (MARCH, APRIL); each cell is a multiplier of
the person's Day Rate (1, 0.5, 0.25, 2, or "-" for not worked), and Gross is
=SUM(days) * Day Rate. Location and Division rows (city names, four-digit division codes)
sit over the first group and again between groups. Adjustments, Non-Tax reimbursement and
Per Diem columns feed an Adjusted Gross; a Total row whose labels are in the Weekly Rate
and last day columns; a legend of the multipliers in column A below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 3, 29) + dt.timedelta(days=i) for i in range(7)]  # Sunday to Saturday
SHEET = "3.29.26-4.4.26"
FIRST_DAY = 7  # G


@dataclass
class Player:
    name: str  # "First Last"
    raw: str  # as the sheet writes it
    position: str
    weekly: int  # a multiple of 28 so quarter days are whole cents
    marks: list[object]
    adjustment: Decimal = Decimal(0)
    reimbursement: Decimal = Decimal(0)
    per_diem: Decimal = Decimal(0)
    flag: int | None = 1  # an unlabeled column of 1s beside the rate
    note: str | None = None


def _location_rows(ws, row: int, cities: list[str], divisions: list[int]) -> None:
    for i in range(7):
        ws.cell(row=row, column=FIRST_DAY + i, value=cities[i])
        ws.cell(row=row + 1, column=FIRST_DAY + i, value=divisions[i])


def day_mark_grid(out: Path) -> Truth:
    path = out / "19_day_mark_grid.xlsx"
    truth = Truth(path.name, family="wide_grid (day-of-month, multipliers)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["sheet named by its dates", "year only in the banner", "day-of-month numbers under merged "
                         "month labels, month change inside the week", "Sunday-to-Saturday week stated in a banner",
                         "day cells are multipliers of the Day Rate (1, 0.5, 0.25, 2, -)", "Gross =SUM(days)*Day "
                         "Rate (cached)", "Location / Division rows between groups (city names, four-digit codes)",
                         "unlabeled column of 1s beside the rates", "Adjusted Gross includes adjustments, "
                         "reimbursements and per diem", "Total labels in the rate and day columns", "a person with "
                         "'-' every day (no timecard)", "legend of multipliers in column A"])
    players = [
        Player("Gideon Farrow", "Farrow, Gideon", "Stage Manager", 4200, [1, 1, 1, 1, 1, 1, 1]),
        Player("Rhea Sandoval", "Sandoval, Rhea", "Monitor Mixer", 3640, [0.5, 1, 1, 1, 1, 1, 1],
               reimbursement=D("212.40"), note="Parking reimbursement"),
        Player("Wim Dekker", "Dekker, Wim", "Guitar Tech", 2800, [0.5, 1, 1, 1, 1, 1, 1]),
        Player("Nell Okafor", "Okafor, Nell", "Runner", 2800, ["-", 1, 1, 1, "-", "-", "-"]),
        Player("Cyrus Pell", "Pell, Cyrus", "Musician", 3640, [0.5, 1, 1, 1, 1, 1, 1], adjustment=D("-52.60")),
        Player("Ada Brightwater", "Brightwater, Ada", "Carpenter", 2800, [0.5] * 7),
        Player("Jonah Revell", "Revell, Jonah (JR)", "Playback Op", 2100, [1, 1, 2, 1, 1, 1, 0.25],
               per_diem=D(350)),
        Player("Milo Strand", "Strand, Milo", "Photo (road rate)", 2800, ["-"] * 7),
    ]
    groups = [(players[:3], ["Home"] + ["Denver"] * 6, [8888] + [4120] * 6),
              (players[3:5], ["Home", "Denver", "Denver", "Denver", "Home", "Home", "Home"],
               [8888, 4120, 4120, 4120, 8888, 8888, 8888]),
              (players[5:], ["Home"] * 7, [8888] * 7)]
    book = Book()
    ws = book.sheet(SHEET)
    ws["A1"] = "Kitehawk Touring Payroll"
    ws["A2"] = "Payroll 2026"
    ws["A3"] = "Week runs Sunday to Saturday (7 days)"
    ws["P4"], ws["R4"] = "Reimbursement", "Adjusted "
    ws["G5"] = "MARCH"
    ws.merge_cells("G5:I5")
    ws["J5"] = "APRIL"
    ws.merge_cells("J5:M5")
    for col, text in {14: "Gross", 15: "Adjustments", 16: "Non-Tax", 17: "Per Diem", 18: "Gross", 20: "Notes"}.items():
        ws.cell(row=5, column=col, value=text)
    for col, text in {1: "Employee Name", 3: "Position", 4: "Weekly Rate", 6: "Day Rate"}.items():
        ws.cell(row=6, column=col, value=text)
    for i, day in enumerate(WEEK):
        ws.cell(row=6, column=FIRST_DAY + i, value=day.day)
    ws["A7"], ws["A8"], ws["B8"] = "Location", "Division", "SSN"
    row = 7
    first_data = 9
    gross_total = adjusted_total = adj_sum = reimb_sum = pd_sum = Decimal(0)
    flags = 0
    for members, cities, divisions in groups:
        _location_rows(ws, row, cities, divisions)
        row += 2
        for p in members:
            ws.cell(row=row, column=1, value=p.raw)
            ws.cell(row=row, column=2, value=f"xxx-xx-{5100 + row}")
            ws.cell(row=row, column=3, value=p.position)
            ws.cell(row=row, column=4, value=p.weekly)
            if p.flag is not None:
                ws.cell(row=row, column=5, value=p.flag)
                flags += p.flag
            rate = D(p.weekly) / 7
            book.formula(ws, row, 6, f"=D{row}/7", rate)
            units = Decimal(0)
            for i, mark in enumerate(p.marks):
                ws.cell(row=row, column=FIRST_DAY + i, value=mark)
                if isinstance(mark, (int, float)):
                    truth.person(p.name).add(WEEK[i], None, money(D(mark) * rate))
                    units += D(mark)
            gross = money(units * rate)
            book.formula(ws, row, 14, f"=SUM(G{row}:M{row})*F{row}", gross)
            for col, value in ((15, p.adjustment), (16, p.reimbursement), (17, p.per_diem)):
                if value:
                    ws.cell(row=row, column=col, value=float(value))
            extras = p.adjustment + p.reimbursement + p.per_diem
            book.formula(ws, row, 18, f"=SUM(N{row}:Q{row})", gross + extras)
            if p.note:
                ws.cell(row=row, column=20, value=p.note)
            if units:
                truth.state_total(p.name, "pay", gross)
                truth.state_total(p.name, "pay", gross + extras, extra=extras)
            gross_total += gross
            adjusted_total += gross + extras
            adj_sum += p.adjustment
            reimb_sum += p.reimbursement
            pd_sum += p.per_diem
            row += 1
    last = row - 1
    ws.cell(row=row, column=4, value="Total")
    book.formula(ws, row, 5, f"=SUM(E{first_data}:E{last})", flags)
    ws.cell(row=row, column=13, value="Total")
    for col, value in ((14, gross_total), (15, adj_sum), (16, reimb_sum), (17, pd_sum), (18, adjusted_total)):
        letter = get_column_letter(col)
        book.formula(ws, row, col, f"=SUM({letter}7:{letter}{last})", value)
    truth.state_total(None, "pay", gross_total, SHEET)
    truth.state_total(None, "pay", adjusted_total, SHEET, extra=adj_sum + reimb_sum + pd_sum)
    legend = row + 2
    ws.cell(row=legend, column=1, value="Table of Contents:")
    ws.cell(row=legend, column=3, value="NOTES:")
    for offset, (mark, text) in enumerate([(2, "Double day rate"), (1, "Full day rate"), (0.5, "Half day rate"),
                                           (0.25, "Quarter day rate")], start=1):
        ws.cell(row=legend + offset, column=1, value=mark)
        ws.cell(row=legend + offset, column=2, value=text)
    ws.cell(row=legend + 2, column=3, value="Paid one week behind")
    book.save(path)
    return truth


__all__ = ["day_mark_grid"]
