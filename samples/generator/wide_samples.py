"""Wide-grid samples (family 1), including the day-rate grid priced by a register (family 7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlwt
from openpyxl import Workbook
from openpyxl.styles import Font

from samples.generator.truth import D, Truth, money
from samples.generator.writers import save_xlsx

WEEK1 = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(7)]


def tour_payroll_wide(out: Path) -> Truth:
    """Banner, per-day header rows (day type / city / state), dates chained with =D9+1 formulas
    saved without cached values, Last, First names, a nickname, OFF and - cells, per diem,
    reimbursement, advance and Total Due columns, a TOTAL row and a legend."""
    path = out / "01_tour_payroll_wide.xlsx"
    truth = Truth(path.name, family="wide_grid", week_start=WEEK1[0],
                  traps=["banner rows", "multi-row header (day type, city, state)", "chained date formulas (=D9+1, cached values as Excel saves them)",
                         "Last, First names", "nickname in parentheses", "OFF and - cells", "per diem column",
                         "totals row", "overtime (>40 h)"])
    people = [
        ("Okafor, Daniel", "Daniel Okafor", "Stage Manager", "32.00", [10, 12, 6, 10, 8.5, "OFF", "OFF"]),
        ("Lindqvist, Maria", "Maria Lindqvist", "Wardrobe", "28.50", [8, 8, 4, 8, 8, "OFF", 4]),
        ("Park, Jun", "Jun Park", "Audio A2", "24.75", [9, 9.5, "OFF", 9, 9.25, "OFF", "-"]),
        ("Alvarez, Rosa", "Rosa Alvarez", "Lighting", "35.00", [10, 10, 5, 10, "OFF", "OFF", "OFF"]),
        ("Brennan, Kate (KB)", "Kate Brennan", "Runner", "22.00", [6, 6, 6, 6, 6, "OFF", None]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Payroll"
    ws["A1"] = "Northwind Touring LLC"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:O1")
    ws["A2"] = "Tour Payroll Schedule"
    ws["A3"] = "PE: 03/02-03/08/26"
    ws["A4"] = "Direct deposit 03/13/26"
    day_types = ["SHOW", "SHOW", "TRAVEL", "SHOW", "SHOW", "OFF", "TRAVEL"]
    cities = ["Austin", "Austin", "Tulsa", "Tulsa", "Shreveport", "Shreveport", "Baton Rouge"]
    states = ["TX", "TX", "OK", "OK", "LA", "LA", "LA"]
    for label, values, row in (("Day Type", day_types, 6), ("City", cities, 7), ("State", states, 8)):
        ws.cell(row=row, column=1, value=label)
        for i, value in enumerate(values):
            ws.cell(row=row, column=4 + i, value=value)
    headers = ["Employee", "Position", "Rate"]
    for i, text in enumerate(headers):
        ws.cell(row=9, column=1 + i, value=text)
    first = ws.cell(row=9, column=4, value=dt.datetime(2026, 3, 2))
    first.number_format = "m/d"
    for i in range(1, 7):
        cell = ws.cell(row=9, column=4 + i, value=f"={ws.cell(row=9, column=3 + i).coordinate}+1")
        cell.number_format = "m/d"
    for i, text in enumerate(["Total Hours", "Per Diem", "Reimb.", "Advance", "Total Due"]):
        ws.cell(row=9, column=11 + i, value=text)
    totals_by_day = [D(0)] * 7
    grand_hours = grand_due = grand_pd = D(0)
    for r, (raw, name, position, rate, days) in enumerate(people, start=10):
        person = truth.person(name)
        ws.cell(row=r, column=1, value=raw)
        ws.cell(row=r, column=2, value=position)
        ws.cell(row=r, column=3, value=float(rate))
        worked = 0
        for i, value in enumerate(days):
            ws.cell(row=r, column=4 + i, value=value)
            if isinstance(value, (int, float)):
                hours = D(value)
                person.add(WEEK1[i], hours, money(hours * D(rate)))
                totals_by_day[i] += hours
                worked += 1
        per_diem = D(35) * worked
        reimb = D("42.18") if r == 11 else D(0)
        advance = D(-100) if r == 12 else D(0)
        due = (person.total_pay() or 0) + per_diem + reimb + advance
        ws.cell(row=r, column=11, value=float(person.total_hours()))
        ws.cell(row=r, column=12, value=float(per_diem))
        ws.cell(row=r, column=13, value=float(reimb) if reimb else None)
        ws.cell(row=r, column=14, value=float(advance) if advance else None)
        ws.cell(row=r, column=15, value=float(due))
        truth.state_total(name, "hours", person.total_hours())
        grand_hours += person.total_hours()
        grand_due += due
        grand_pd += per_diem
    ws.cell(row=16, column=1, value="TOTAL")
    for i, value in enumerate(totals_by_day):
        ws.cell(row=16, column=4 + i, value=float(value))
    ws.cell(row=16, column=11, value=float(grand_hours))
    ws.cell(row=16, column=12, value=float(grand_pd))
    ws.cell(row=16, column=15, value=float(grand_due))
    truth.state_total(None, "hours", grand_hours)
    ws.cell(row=18, column=1, value="OFF = day off   HM = holiday   - = not scheduled")
    ws.cell(row=19, column=1, value="Per diem $35 per worked day. Advances are deducted from Total Due.")
    # Saved as Excel saves: each =prev+1 formula keeps its cached serial. (Uncached chains are
    # covered by the extraction unit tests; evaluating them costs the reader a subprocess.)
    serial = (WEEK1[0] - dt.date(1899, 12, 30)).days
    save_xlsx(wb, path, cached={"xl/worksheets/sheet1.xml": {
        ws.cell(row=9, column=4 + i).coordinate: str(serial + i) for i in range(1, 7)}})
    return truth


def crew_day_pay_xls(out: Path) -> Truth:
    """An .xls grid whose day cells hold dollars (no hours): HOURS_ASSUMED, OFF / HM / - / blank."""
    path = out / "02_crew_day_pay.xls"
    week = [dt.date(2026, 3, 9) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="wide_grid", week_start=week[0],
                  traps=["xls", "dollars per day, no hours", "OFF / HM / - / blank cells", "upper-case name",
                         "Last, First name", "Total Wages column", "Per Diem column"])
    people = [
        ("DIEGO RAMIREZ", "DIEGO RAMIREZ", "C-101", [250, 250, "OFF", 250, 250, "HM", None]),
        ("Ng, Helen", "Helen Ng", "C-102", [300, 300, 300, "-", 300, "OFF", "OFF"]),
        ("Samuel Ortiz", "Samuel Ortiz", "C-103", [225, "OFF", 225, 225, 225, 225, "OFF"]),
    ]
    book = xlwt.Workbook()
    sheet = book.add_sheet("Crew Pay")
    date_style = xlwt.easyxf(num_format_str="ddd m/d/yy")
    sheet.write(0, 0, "Harborview Events - Crew Pay")
    sheet.write(1, 0, "Week of 3/9/26 - 3/15/26")
    for col, text in enumerate(["Name", "ID"]):
        sheet.write(3, col, text)
    for i, day in enumerate(week):
        sheet.write(3, 2 + i, dt.datetime.combine(day, dt.time()), date_style)
    sheet.write(3, 9, "Total Wages")
    sheet.write(3, 10, "Per Diem")
    for r, (raw, name, emp_id, days) in enumerate(people, start=4):
        person = truth.person(name, emp_id)
        sheet.write(r, 0, raw)
        sheet.write(r, 1, emp_id)
        worked = 0
        for i, value in enumerate(days):
            if value is not None:
                sheet.write(r, 2 + i, value)
            if isinstance(value, int):
                person.add(week[i], None, value)
                worked += 1
        sheet.write(r, 9, float(person.total_pay()))
        sheet.write(r, 10, 30 * worked)
        truth.state_total(name, "pay", person.total_pay())
    book.save(str(path))
    return truth


def rates_register(out: Path) -> Truth:
    """A day-rate grid of 1 = worked (no hours) priced by a Rates register with employees as
    columns (weekly/daily rates, exempt flag, a masked SSN row that must never be copied).
    Nobody is exempt here: an exempt flag makes the compliance engine ask for a duties review,
    and this sample is meant to be approved."""
    path = out / "10_rates_register.xlsx"
    week = [dt.date(2026, 3, 23) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="wide_grid+register", week_start=week[0],
                  traps=["day-rate sheet without hours", "register with employees as columns", "SSN row",
                         "weekly rate in the register", "OFF cells"])
    people = [
        ("Grace Whitfield", "Production Manager", "***-**-4821", 1250, 250, "N", [1, 1, 1, 1, 1, None, None]),
        ("Tomás Reyes", "Grip", "***-**-7730", None, 180, "N", [1, 1, "OFF", 1, 1, 1, None]),
        ("Bianca Rossi", "Production Assistant", "***-**-1194", None, 150, "N", [None, 1, 1, 1, 1, "OFF", None]),
    ]
    wb = Workbook()
    grid = wb.active
    grid.title = "Days Worked"
    grid["A1"] = "Lakeside Productions"
    grid["A2"] = "Week of 3/23/26 - 3/29/26"
    grid["A4"] = "Crew Member"
    for i, day in enumerate(week):
        cell = grid.cell(row=4, column=2 + i, value=dt.datetime.combine(day, dt.time()))
        cell.number_format = "ddd m/d"
    grid.cell(row=4, column=9, value="Days")
    rates = wb.create_sheet("Rates")
    labels = ["Employee", "Position", "SSN", "Weekly Rate", "Daily Rate", "Exempt"]
    for r, label in enumerate(labels, start=1):
        rates.cell(row=r, column=1, value=label)
    for r, (name, position, ssn, weekly, daily, exempt, days) in enumerate(people, start=5):
        person = truth.person(name)
        grid.cell(row=r, column=1, value=name)
        for i, value in enumerate(days):
            grid.cell(row=r, column=2 + i, value=value)
            if value == 1:
                person.add(week[i], None, daily)
        grid.cell(row=r, column=9, value=sum(1 for v in days if v == 1))
        col = r - 3
        for row, value in enumerate([name, position, ssn, weekly, daily, exempt], start=1):
            rates.cell(row=row, column=col, value=value)
    save_xlsx(wb, path)
    return truth


def ref_error_grid(out: Path) -> Truth:
    """Day headers written without a year ('Mon 3/2'), the year taken from the period text;
    one day cell holds #REF! (UNREADABLE_CELL, no entry for that day)."""
    path = out / "12_ref_error_grid.xlsx"
    truth = Truth(path.name, family="wide_grid", week_start=WEEK1[0],
                  traps=["dates without a year", "period text", "#REF! cell", "Emp # column", "Gross Pay column"])
    people = [
        ("Wright, Oliver", "Oliver Wright", "E-201", "21.00", [8, 8, 8, 8, 8, "OFF", "OFF"], True),
        ("Chen, Mei", "Mei Chen", "E-202", "23.50", [7.5, 7.5, "#REF!", 7.5, 7.5, "OFF", "OFF"], False),
        ("Fitzgerald, Sean", "Sean Fitzgerald", "E-203", "19.25", [9, 9, 9, 9, 4, "OFF", "OFF"], True),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Timesheet"
    ws["A1"] = "Cedar Valley Landscaping"
    ws["A2"] = "Pay period 03/02/2026 - 03/08/2026"
    for i, text in enumerate(["Employee", "Emp #"]):
        ws.cell(row=4, column=1 + i, value=text)
    for i, day in enumerate(WEEK1):
        ws.cell(row=4, column=3 + i, value=f"{day.strftime('%a')} {day.month}/{day.day}")
    for i, text in enumerate(["Rate", "Total Hours", "Gross Pay"]):
        ws.cell(row=4, column=10 + i, value=text)
    for r, (raw, name, emp_id, rate, days, with_totals) in enumerate(people, start=5):
        person = truth.person(name, emp_id)
        ws.cell(row=r, column=1, value=raw)
        ws.cell(row=r, column=2, value=emp_id)
        for i, value in enumerate(days):
            ws.cell(row=r, column=3 + i, value=value)
            if value == "#REF!":
                truth.unreadable_cells.append((1, ws.cell(row=r, column=3 + i).coordinate))
            elif isinstance(value, (int, float)):
                person.add(WEEK1[i], value, money(D(value) * D(rate)))
        ws.cell(row=r, column=10, value=float(rate))
        if with_totals:
            ws.cell(row=r, column=11, value=float(person.total_hours()))
            ws.cell(row=r, column=12, value=float(person.total_pay()))
            truth.state_total(name, "hours", person.total_hours())
            truth.state_total(name, "pay", person.total_pay())
    save_xlsx(wb, path)
    return truth


__all__ = ["crew_day_pay_xls", "rates_register", "ref_error_grid", "tour_payroll_wide"]
