"""Look-alike of a payroll-service hourly template: one row per person per work date (or shift).

Sheet "Hourly" of a macro-enabled workbook: two banner rows (client entity, payroll
frequency), then LEGAL NAME | SSN | Indicate Home Zip Code | Show City, State | Indicate
Work Location Zip Code | Indicate Work Day Type | Optional Cost Code/ GL Account | Work Date |
Occupation/Job Title | Hourly Rate | ST HRS | O/T HRS | D/T HRS | Total Hours | Wage Subtotal |
Reimbursement/Other Pay | Per Diem-Non Taxable | Per Diem- Taxable | advance and 401K
deductions | Notes. Rows with overtime type the Wage Subtotal and derive the Hourly Rate
(=O5/(K5+(L5*1.5)+(M5*2))); plain rows type the rate and compute =J4*K4. Total Hours is
=IF(K+L+M=0,"",K+L+M). Some people have two rows on one date (a short call and a show
call); two rows are exact copies of the row above. A second, empty sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samples.generator.lookalikes.book import Book
from samples.generator.truth import D, Truth, money

WEEK = [dt.date(2026, 5, 4) + dt.timedelta(days=i) for i in range(7)]
HEADERS = ["LEGAL NAME", "SSN", "Indicate Home Zip Code", "Show City, State", "Indicate Work Location Zip Code",
           "Indicate Work Day Type ", "Optional Cost Code/ GL Account", "Work Date", "Occupation/Job Title",
           "Hourly Rate", "ST HRS", "O/T HRS", "D/T HRS", "Total Hours", "Wage Subtotal",
           "Reimbursement/Other Pay (please describe in notes)", "Per Diem-Non Taxable", "Per Diem- Taxable",
           "Wage Advance Deduction", "Per-Diem Advance Deduction", "Other Employee Deduction (please describe)",
           "401K ", "Notes"]


@dataclass
class Shift:
    raw: str
    name: str
    ssn: str
    home_zip: int
    day: int
    rate: str
    st: str
    ot: str = "0"
    dt_hours: str = "0"
    per_diem: Decimal = Decimal(0)
    reimbursement: Decimal = Decimal(0)
    copies: int = 1  # an exact duplicate row is written `copies` times and counted once


def hourly_legal_name(out: Path) -> Truth:
    path = out / "21_hourly_legal_name.xlsm"
    truth = Truth(path.name, family="long (payroll-service hourly template)", structure=" ".join(__doc__.split()),
                  week_start=WEEK[0],
                  traps=["macro-enabled workbook (.xlsm)", "LEGAL NAME as 'Last, First'", "home and work zip "
                         "code columns (five-digit numbers)", "cost code column", "Hourly Rate derived from the "
                         "Wage Subtotal on overtime rows (cached formula)", "Total Hours =IF(...,\"\",...)",
                         "ST / O/T / D/T hours", "two rows on one date summed into one entry", "exact duplicate "
                         "rows counted once", "per diem and reimbursement columns", "deduction columns",
                         "an empty second sheet", "overtime (>40 h)"])
    shifts = [
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 0, "19", "3.5"),
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 0, "20", "8", "4", per_diem=D(35)),
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 1, "20", "8", "4", per_diem=D(35)),
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 2, "20", "8", "4", per_diem=D(35)),
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 3, "20", "8", "4", per_diem=D(35),
              copies=2),
        Shift("Whitcombe, Adele", "Adele Whitcombe", "xxx-xx-3101", 90012, 4, "20", "6", per_diem=D(35)),
        Shift("Nakashima, Ren", "Ren Nakashima", "xxx-xx-3102", 89501, 0, "17.5", "2.5"),
        Shift("Nakashima, Ren", "Ren Nakashima", "xxx-xx-3102", 89501, 0, "21.5", "8", "2"),
        Shift("Nakashima, Ren", "Ren Nakashima", "xxx-xx-3102", 89501, 2, "21.5", "8", "1.5"),
        Shift("Nakashima, Ren", "Ren Nakashima", "xxx-xx-3102", 89501, 4, "21.5", "7.5", reimbursement=D("26.80")),
        Shift("Nakashima, Ren", "Ren Nakashima", "xxx-xx-3102", 89501, 5, "21.5", "8", "4", "2", copies=2),
        Shift("Delacroix, Yves", "Yves Delacroix", "xxx-xx-3103", 89501, 1, "16", "3"),
        Shift("Delacroix, Yves", "Yves Delacroix", "xxx-xx-3103", 89501, 3, "19", "8"),
        Shift("Delacroix, Yves", "Yves Delacroix", "xxx-xx-3103", 89501, 4, "19", "8"),
        Shift("Delacroix, Yves", "Yves Delacroix", "xxx-xx-3103", 89501, 6, "19", "5.25"),
    ]
    book = Book()
    ws = book.sheet("Hourly")
    ws["A1"] = "CLIENT ENTITY NAME - Juniper Hall Touring"
    ws["C1"] = "Payroll Frequency - Weekly"
    ws["A2"] = "Payroll services - new payroll associate checklist on the back page"
    for i, text in enumerate(HEADERS, start=1):
        ws.cell(row=3, column=i, value=text)
    row = 4
    for shift in shifts:
        rate = D(shift.rate)
        st, ot, dth = D(shift.st), D(shift.ot), D(shift.dt_hours)
        wages = money(rate * st + rate * ot * D("1.5") + rate * dth * 2)
        truth.person(shift.name).add(WEEK[shift.day], st + ot + dth, wages)
        if shift.copies > 1:
            truth.duplicate_rows.append((shift.name, WEEK[shift.day]))
        for _ in range(shift.copies):
            values = [shift.raw, shift.ssn, shift.home_zip, "Reno, NV", 89501, "SHOW", "5010-22",
                      dt.datetime.combine(WEEK[shift.day], dt.time()), "Guest Services"]
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=col, value=value)
                if col == 8:
                    cell.number_format = "m/d/yyyy"
            ws.cell(row=row, column=11, value=float(st))
            if ot:
                ws.cell(row=row, column=12, value=float(ot))
            if dth:
                ws.cell(row=row, column=13, value=float(dth))
            if ot or dth:
                ws.cell(row=row, column=15, value=float(wages))
                # Excel caches the quotient of the rounded subtotal, rarely the round rate.
                book.formula(ws, row, 10, f"=O{row}/(K{row}+(L{row}*1.5)+(M{row}*2))",
                             float(wages) / float(st + ot * D("1.5") + dth * 2))
            else:
                ws.cell(row=row, column=10, value=float(rate))
                book.formula(ws, row, 15, f"=J{row}*K{row}", wages)
            book.formula(ws, row, 14, f'=IF(K{row}+L{row}+M{row} =0,"",K{row}+L{row}+M{row})', st + ot + dth)
            if shift.reimbursement:
                ws.cell(row=row, column=16, value=float(shift.reimbursement))
                ws.cell(row=row, column=23, value="Parking")
            if shift.per_diem:
                ws.cell(row=row, column=17, value=float(shift.per_diem))
            row += 1
    book.sheet("Sheet1")
    book.save(path)
    return truth


__all__ = ["hourly_legal_name"]
