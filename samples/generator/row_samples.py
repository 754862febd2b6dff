"""Long-format samples (family 4): one row per employee per date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import xlwt
from openpyxl import Workbook

from samples.generator.truth import D, Truth, money
from samples.generator.writers import save_csv, save_xlsx

WEEKDAYS_1 = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(5)]
WEEKDAYS_2 = [dt.date(2026, 3, 9) + dt.timedelta(days=i) for i in range(5)]


def weekly_long_csv(out: Path) -> Truth:
    """UTF-8 with BOM; ST/OT/DT hours, wage subtotal and per diem; ISO and US dates mixed."""
    path = out / "05_weekly_long.csv"
    truth = Truth(path.name, family="long",
                  traps=["UTF-8 BOM", "ST/OT/DT columns", "wage subtotal", "per diem column", "two workweeks",
                         "overtime (>40 h)", "mixed date formats"])
    rows: list[list[object]] = [["Employee ID", "Employee Name", "Work Date", "Position", "Work State", "Rate",
                                 "ST Hrs", "OT Hrs", "DT Hrs", "Wage Subtotal", "Per Diem"]]
    plan = [
        ("E-301", "Fatima Hassan", "Site Lead", "26.00", [(8, 2)] * 5, [(8, 0)] * 5),
        ("E-302", "Noah Bennett", "Technician", "22.50", [(8, 0)] * 5, [(8, 0)] * 5),
        ("E-303", "Chloe Dubois", "Technician", "24.00", [(8, 0)] * 4, [(7.5, 0)] * 5),
    ]
    for emp_id, name, position, rate, week1, week2 in plan:
        person = truth.person(name, emp_id)
        for days, dates, fmt in ((week1, WEEKDAYS_1, "iso"), (week2, WEEKDAYS_2, "us")):
            for (st, ot), day in zip(days, dates, strict=False):
                wages = money(D(st) * D(rate) + D(ot) * D(rate) * D("1.5"))
                person.add(day, D(st) + D(ot), wages)
                date_text = day.isoformat() if fmt == "iso" else f"{day.month}/{day.day}/{day.year}"
                rows.append([emp_id, name, date_text, position, "TX", rate, st, ot or "", "", f"{wages:.2f}", "30.00"])
    save_csv(rows, path, bom=True)
    return truth


def payroll_export(out: Path) -> Truth:
    """'Last, First' names, a masked SSN column, currency strings, durations as '8:00' / '8h 30m',
    a hidden data row, blank separators, Subtotal rows per person, a Grand Total and a footnote."""
    path = out / "06_payroll_export.xlsx"
    truth = Truth(path.name, family="long",
                  traps=["banner rows", "Last, First names", "SSN column", "currency strings",
                         "durations as text (8:00, 8h 30m)", "hidden row", "subtotal rows", "grand total row",
                         "HM cell", "text dates"])
    people = [
        ("Morales, Elena", "Elena Morales", "***-**-1111", "$24.00",
         [(0, "8:00"), (1, "8h 30m"), (2, "7.5"), (3, 8), (4, 8), (7, 8), (8, "8.25")]),
        ("O'Brien, Patrick", "Patrick O'Brien", "***-**-2222", "$31.25",
         [(0, 10), (1, 10), (2, 10), (3, 10), (4, "HM"), (7, 9), (8, 9)]),
        ("Yamamoto, Ken", "Ken Yamamoto", "***-**-3333", "$19.50",
         [(7, 6), (8, 6), (9, 6), (10, 6), (11, 6)]),
    ]
    hours_of = {"8:00": "8", "8h 30m": "8.5", "7.5": "7.5", "8.25": "8.25"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Export"
    ws["A1"] = "Pinecrest Facilities Services"
    ws["A2"] = "Payroll export - Pay period 03/02/2026 - 03/15/2026"
    for i, text in enumerate(["Name (Last, First)", "SSN", "Date", "Hours", "Rate", "Gross Pay"]):
        ws.cell(row=4, column=1 + i, value=text)
    row = 5
    grand_hours, grand_pay = Decimal(0), Decimal(0)
    for raw, name, ssn, rate_text, days in people:
        person = truth.person(name)
        rate = D(rate_text.lstrip("$"))
        for offset, hours in days:
            day = dt.date(2026, 3, 2) + dt.timedelta(days=offset)
            ws.cell(row=row, column=1, value=raw)
            ws.cell(row=row, column=2, value=ssn)
            date_value: object = dt.datetime.combine(day, dt.time())
            if offset in (2, 9):
                date_value = day.strftime("%m/%d/%Y")
            cell = ws.cell(row=row, column=3, value=date_value)
            cell.number_format = "mm/dd/yyyy"
            ws.cell(row=row, column=4, value=hours)
            ws.cell(row=row, column=5, value=rate_text)
            if hours == "HM":
                ws.cell(row=row, column=6, value="$0.00")
            else:
                h = D(hours_of.get(hours, hours) if isinstance(hours, str) else hours)
                pay = money(h * rate)
                person.add(day, h, pay)
                ws.cell(row=row, column=6, value=f"${pay:,.2f}")
            if name == "Patrick O'Brien" and offset == 8:
                ws.row_dimensions[row].hidden = True
            row += 1
        ws.cell(row=row, column=1, value="Subtotal")
        ws.cell(row=row, column=4, value=float(person.total_hours()))
        ws.cell(row=row, column=6, value=f"${person.total_pay():,.2f}")
        truth.state_total(name, "hours", person.total_hours())
        truth.state_total(name, "pay", person.total_pay())
        grand_hours += person.total_hours()
        grand_pay += person.total_pay()
        row += 2  # a blank separator row
    ws.cell(row=row, column=1, value="Grand Total")
    ws.cell(row=row, column=4, value=float(grand_hours))
    ws.cell(row=row, column=6, value=f"${grand_pay:,.2f}")
    truth.state_total(None, "hours", grand_hours)
    truth.state_total(None, "pay", grand_pay)
    ws.cell(row=row + 2, column=1, value="Rates per 2026 service agreement. HM = paid holiday, not worked.")
    save_xlsx(wb, path)
    return truth


def legacy_long_xls(out: Path) -> Truth:
    """An .xls with a two-row header ('Hours' merged over Reg / OT / DT) and a Total row."""
    path = out / "11_legacy_long.xls"
    week = [dt.date(2026, 3, 9) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="long", week_start=week[0],
                  traps=["xls", "two-row header with merged group label", "Reg/OT/DT hours", "Last, First names",
                         "overtime (>40 h)", "Total row"])
    # name, rate, [(day index, reg, ot, dt)]
    plan = [
        ("Grant, Lucy", "Lucy Grant", "20.00", [(0, 8, 0, 0), (1, 8, 0, 0), (2, 8, 0, 0), (3, 8, 0, 0),
                                                 (4, 8, 0, 0), (5, 0, 6, 0)]),
        ("Patel, Arjun", "Arjun Patel", "23.00", [(0, 8, 2, 0), (1, 8, 2, 0), (2, 8, 2, 0), (3, 8, 2, 0)]),
        ("Kim, Sora", "Sora Kim", "18.50", [(0, 8, 0, 0), (2, 8, 0, 0), (4, 8, 0, 0), (6, 0, 0, 4)]),
    ]
    book = xlwt.Workbook()
    sheet = book.add_sheet("Hours")
    date_style = xlwt.easyxf(num_format_str="mm/dd/yyyy")
    sheet.write(0, 0, "Riverside Maintenance Dept.")
    sheet.write(1, 0, "Week Ending: 03/15/2026")
    sheet.write_merge(3, 3, 2, 4, "Hours")
    for col, text in enumerate(["Employee", "Date", "Reg", "OT", "DT", "Rate", "Gross"]):
        sheet.write(4, col, text)
    row = 5
    sums = [Decimal(0)] * 4
    for raw, name, rate, days in plan:
        person = truth.person(name)
        r = D(rate)
        for index, reg, ot, dtime in days:
            gross = money(D(reg) * r + D(ot) * r * D("1.5") + D(dtime) * r * 2)
            person.add(week[index], D(reg) + D(ot) + D(dtime), gross)
            sheet.write(row, 0, raw)
            sheet.write(row, 1, dt.datetime.combine(week[index], dt.time()), date_style)
            for col, value in ((2, reg), (3, ot), (4, dtime)):
                if value:
                    sheet.write(row, col, value)
            sheet.write(row, 5, float(rate))
            sheet.write(row, 6, float(gross))
            for i, value in enumerate((reg, ot, dtime, gross)):
                sums[i] += D(value)
            row += 1
    sheet.write(row, 0, "Total")
    for i, value in enumerate(sums):
        sheet.write(row, 2 + i if i < 3 else 6, float(value))
    truth.state_total(None, "hours", sums[0] + sums[1] + sums[2])
    truth.state_total(None, "pay", sums[3])
    book.save(str(path))
    return truth


def missing_rate_csv(out: Path) -> Truth:
    """A plain CSV where one person has no rate (MISSING_VALUE) and one row is a negative
    correction (NEGATIVE_VALUE)."""
    path = out / "13_missing_rate.csv"
    truth = Truth(path.name, family="long",
                  traps=["missing rate (MISSING_VALUE)", "negative correction row (NEGATIVE_VALUE)",
                         "Last, First names"])
    rows: list[list[object]] = [["Name", "Date", "Hours", "Rate"]]
    days = [dt.date(2026, 3, 30) + dt.timedelta(days=i) for i in range(5)]
    tom = truth.person("Tom Hughes")
    for day in days:
        rows.append(["Hughes, Tom", f"{day.month}/{day.day}/{day.year}", "8", "20.00"])
        tom.add(day, 8, money(D(8) * D(20)))
    correction = dt.date(2026, 4, 6)
    rows.append(["Hughes, Tom", f"{correction.month}/{correction.day}/{correction.year}", "-2", "20.00"])
    tom.add(correction, -2, money(D(-2) * D(20)))
    rita = truth.person("Rita Adams")
    for day in days[:2]:
        rows.append(["Adams, Rita", f"{day.month}/{day.day}/{day.year}", "6", ""])
        rita.add(day, 6, None)
    save_csv(rows, path)
    return truth


__all__ = ["legacy_long_xls", "missing_rate_csv", "payroll_export", "weekly_long_csv"]
