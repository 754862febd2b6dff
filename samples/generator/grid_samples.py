"""Transposed grid (family 2, in a 1904-date workbook) and block-per-employee (family 3) samples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import xlwt
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from samples.generator.truth import D, Truth, money
from samples.generator.writers import save_xlsx


def stage_crew_transposed(out: Path) -> Truth:
    path = out / "03_stage_crew_transposed.xlsx"
    week = [dt.date(2026, 3, 16) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="transposed", week_start=week[0],
                  traps=["employees as columns", "1904 date system", "name/role/rate header rows",
                         "TOTAL HOURS / PER DIEMS / LESS ADVANCES footer rows", "Last, First names"])
    people = [
        ("Lee, Ann", "Ann Lee", "Rigger", "28.00", [10, 10, 8, 8, "OFF", "OFF", "OFF"]),
        ("Chen, Bo", "Bo Chen", "Audio", "31.50", [9, 9, 9, 9, 4, "OFF", "OFF"]),
        ("Ibrahim, Yusuf", "Yusuf Ibrahim", "Lighting", "29.75", ["OFF", 8.5, 8.5, 8.5, 8.5, "OFF", None]),
        ("Kowalski, Eva", "Eva Kowalski", "Carpenter", "26.00", [6, 6, 6, "OFF", 6, None, None]),
    ]
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Load-In"
    ws["A1"] = "Harbor Stage Crew - Load-in Timesheet"
    ws["A2"] = "Week of 3/16/26 - 3/22/26"
    ws["A4"], ws["A5"], ws["A6"] = "Name", "Role", "Rate"
    ws["A7"], ws["B7"] = "Date", "Day"
    for i, day in enumerate(week):
        cell = ws.cell(row=8 + i, column=1, value=dt.datetime.combine(day, dt.time()))
        cell.number_format = "mm/dd/yyyy"
        ws.cell(row=8 + i, column=2, value=day.strftime("%a"))
    ws["A16"] = "TOTAL HOURS"
    ws["A17"] = "PER DIEMS: $35/Day"
    ws["A18"] = "LESS ADVANCES"
    for c, (raw, name, role, rate, days) in enumerate(people, start=3):
        person = truth.person(name)
        ws.cell(row=4, column=c, value=raw)
        ws.cell(row=5, column=c, value=role)
        ws.cell(row=6, column=c, value=float(rate))
        for i, value in enumerate(days):
            ws.cell(row=8 + i, column=c, value=value)
            if isinstance(value, (int, float)):
                person.add(week[i], value, money(D(value) * D(rate)))
        ws.cell(row=16, column=c, value=float(person.total_hours()))
        truth.state_total(name, "hours", person.total_hours())
        ws.cell(row=18, column=c, value=-50 if c % 2 else None)
    save_xlsx(wb, path)
    return truth


def labor_blocks(out: Path) -> Truth:
    """Three rows per person (PAID HOURS / OVERTIME / LABOR COST) with name, state and rate merged
    down the block; one person over 60 hours; a TOTAL block at the bottom."""
    path = out / "04_labor_blocks.xlsx"
    week = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="block", week_start=week[0],
                  traps=["block per employee", "merged name/state/rate cells", "overtime (>40 h)",
                         "excessive hours (>60 h)", "TOTAL block", "Total column"])
    # name, state, rate, paid hours per day, overtime hours per day
    people = [
        ("Harper, Liam", "Liam Harper", "TX", "30.00", [11, 11, 11, 11, 11, 11, None], [0, 0, 0, 4, 11, 11, 0]),
        ("Nakamura, Aiko", "Aiko Nakamura", "TX", "27.50", [8, 8, 8, 8, 8, None, None], [0] * 7),
        ("Osei, Kwame", "Kwame Osei", "OK", "25.00", [10, 10, 10, 10, None, None, None], [0] * 7),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Labor"
    ws["A1"] = "Summit Rigging Co. - Weekly Labor Report"
    ws["A2"] = "Week ending 3/8/26"
    for i, text in enumerate(["Employee", "State", "Rate", ""]):
        ws.cell(row=4, column=1 + i, value=text or None)
    for i, day in enumerate(week):
        cell = ws.cell(row=4, column=5 + i, value=dt.datetime.combine(day, dt.time()))
        cell.number_format = "m/d"
    ws.cell(row=4, column=12, value="Total")
    row = 5
    sums = {"PAID HOURS": [Decimal(0)] * 7, "LABOR COST": [Decimal(0)] * 7}
    for raw, name, state, rate, paid, overtime in people:
        person = truth.person(name)
        for col, value in ((1, raw), (2, state), (3, float(rate))):
            ws.cell(row=row, column=col, value=value)
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 2, end_column=col)
        costs = []
        for i, hours in enumerate(paid):
            if hours is None:
                costs.append(None)
                continue
            ot = D(overtime[i])
            cost = money((D(hours) - ot) * D(rate) + ot * D(rate) * D("1.5"))
            costs.append(cost)
            person.add(week[i], hours, cost)
            sums["PAID HOURS"][i] += D(hours)
            sums["LABOR COST"][i] += cost
        for offset, (label, values) in enumerate((("PAID HOURS", paid), ("OVERTIME", overtime),
                                                  ("LABOR COST", costs))):
            ws.cell(row=row + offset, column=4, value=label)
            for i, value in enumerate(values):
                if value not in (None, 0):
                    ws.cell(row=row + offset, column=5 + i, value=float(value))
            total = sum((D(v) for v in values if v is not None), Decimal(0))
            ws.cell(row=row + offset, column=12, value=float(total))
        truth.state_total(name, "hours", person.total_hours())
        truth.state_total(name, "pay", person.total_pay())
        row += 3
    ws.cell(row=row, column=1, value="TOTAL")
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
    for offset, label in enumerate(("PAID HOURS", "LABOR COST")):
        ws.cell(row=row + offset, column=4, value=label)
        for i, value in enumerate(sums[label]):
            if value:
                ws.cell(row=row + offset, column=5 + i, value=float(value))
        ws.cell(row=row + offset, column=12, value=float(sum(sums[label], Decimal(0))))
    save_xlsx(wb, path)
    return truth


__all__ = ["labor_blocks", "stage_crew_transposed"]


def repeated_header_blocks(out: Path) -> Truth:
    """One sheet, one header block per employee ('Employee: ...' / 'Rate: ...' then Date / In /
    Out / Lunch / Hours and a Total row)."""
    path = out / "14_repeated_blocks.xlsx"
    week = [dt.date(2026, 4, 6) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="block (repeated header per employee)",
                  traps=["repeated header block per employee", "name and rate in block banners",
                         "24 h times", "lunch as clock text", "blank separator rows"])
    blocks = [
        ("Vasquez, Carmen", "Carmen Vasquez", "21.50", [("07:00", "15:30", "0:30")] * 5),
        ("Fournier, Luc", "Luc Fournier", "24.00", [None, ("06:00", "16:30", "0:30"), ("06:00", "16:30", "0:30"),
                                                    ("06:00", "16:30", "0:30"), ("06:00", "16:30", "0:30")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Crew"
    ws["A1"] = "Maple Grove Grounds Crew - Week of 4/6/26 - 4/12/26"
    row = 3
    for raw, name, rate, shifts in blocks:
        person = truth.person(name)
        ws.cell(row=row, column=1, value="Employee:")
        ws.cell(row=row, column=2, value=raw)
        ws.cell(row=row, column=4, value="Rate:")
        ws.cell(row=row, column=5, value=f"${rate}")
        row += 1
        for i, text in enumerate(["Date", "In", "Out", "Lunch", "Hours"]):
            ws.cell(row=row, column=1 + i, value=text)
        row += 1
        for day, shift in zip(week, shifts + [None, None], strict=True):
            cell = ws.cell(row=row, column=1, value=dt.datetime.combine(day, dt.time()))
            cell.number_format = "ddd m/d"
            if shift:
                start, end, lunch = shift
                hours = D(_minutes(start, end) - _minutes("0:00", lunch)) / 60
                for col, value in ((2, start), (3, end), (4, lunch), (5, float(hours))):
                    ws.cell(row=row, column=col, value=value)
                person.add(day, hours, money(hours * D(rate)))
            row += 1
        ws.cell(row=row, column=4, value="Total")
        ws.cell(row=row, column=5, value=float(person.total_hours()))
        truth.state_total(name, "hours", person.total_hours())
        row += 3
    save_xlsx(wb, path)
    return truth


def _minutes(start: str, end: str) -> int:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def month_day_grid_xls(out: Path) -> Truth:
    """An .xls grid headed by day-of-month numbers under a merged month label, crossing from
    March into April (the month label only names the first month)."""
    path = out / "15_month_day_grid.xls"
    days = [dt.date(2026, 3, 30) + dt.timedelta(days=i) for i in range(7)]
    truth = Truth(path.name, family="wide_grid", week_start=days[0],
                  traps=["xls", "month label over day-of-month numbers", "month change inside the week",
                         "merged month label", "OFF cells", "Total Hours column"])
    people = [
        ("Ruiz, Marco", "Marco Ruiz", "19.00", [8, 8, 8, 8, 8, "OFF", "OFF"]),
        ("Daniels, Tia", "Tia Daniels", "22.75", ["OFF", 6, 6, 6, 6, 6, "OFF"]),
    ]
    book = xlwt.Workbook()
    sheet = book.add_sheet("Schedule")
    sheet.write(0, 0, "Greenfield Nursery - Weekly Hours")
    sheet.write_merge(2, 2, 2, 8, "March 2026")
    for col, text in enumerate(["Name", "Rate"]):
        sheet.write(3, col, text)
    for i, day in enumerate(days):
        sheet.write(3, 2 + i, day.day)
    sheet.write(3, 9, "Total Hours")
    for r, (raw, name, rate, hours) in enumerate(people, start=4):
        person = truth.person(name)
        sheet.write(r, 0, raw)
        sheet.write(r, 1, float(rate))
        for i, value in enumerate(hours):
            sheet.write(r, 2 + i, value)
            if isinstance(value, int):
                person.add(days[i], value, money(D(value) * D(rate)))
        sheet.write(r, 9, float(person.total_hours()))
        truth.state_total(name, "hours", person.total_hours())
    book.save(str(path))
    return truth
