"""One sheet per employee next to a Summary (family 5), and punch exports (family 6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from samples.generator.truth import D, Truth, money
from samples.generator.writers import save_csv, save_xlsx

WEEK = [dt.date(2026, 3, 2) + dt.timedelta(days=i) for i in range(7)]


def per_employee_timesheets(out: Path) -> Truth:
    path = out / "07_timesheets_per_employee.xlsx"
    truth = Truth(path.name, family="per_employee", week_start=WEEK[0],
                  traps=["one sheet per employee", "Summary sheet repeating totals", "wrong stated total",
                         "Instructions sheet", "hidden Lists sheet", "12 h time strings", "time objects",
                         "unpaid lunch", "name in the banner as Last, First"])
    # banner name, true name, rate, (start, end, lunch) per weekday or None
    plan = [
        ("Thompson, Ava", "Ava Thompson", "19.50",
         [(dt.time(7, 0), dt.time(15, 30), dt.time(0, 30))] * 5 + [None, None]),
        ("Lee, Marcus", "Marcus Lee", "22.00",
         [("8:00 AM", "6:30 PM", "0:30")] * 4 + [None, None, None]),
        ("Shah, Priya", "Priya Shah", "25.00",
         [(dt.time(9, 0), dt.time(13, 0), None)] * 5 + [None, None]),
    ]
    hours_of = {"Ava Thompson": D(8), "Marcus Lee": D(10), "Priya Shah": D(4)}
    wb = Workbook()
    intro = wb.active
    intro.title = "Instructions"
    intro["A1"] = "How to fill in this timesheet"
    intro["A2"] = "Enter the start and end time of each shift. Lunch is unpaid and must be entered."
    intro["A3"] = "Send the completed workbook to payroll by Monday noon."
    summary = wb.create_sheet("Summary")
    for sheet_name in [p[1] for p in plan]:
        wb.create_sheet(sheet_name)
    lists = wb.create_sheet("Lists")
    lists.sheet_state = "hidden"
    lists["A1"], lists["B1"] = "Days", "Positions"
    for i, (day, position) in enumerate(zip(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                                            ["Cashier", "Stock", "Supervisor", "", "", "", ""], strict=True), start=2):
        lists.cell(row=i, column=1, value=day)
        lists.cell(row=i, column=2, value=position or None)
    for banner_name, name, rate, shifts in plan:
        ws = wb[name]
        person = truth.person(name)
        ws["A1"] = "Weekly Timesheet"
        ws["A2"], ws["B2"] = "Employee Name:", banner_name
        ws["A3"], ws["B3"] = "Hourly Rate:", float(rate)
        ws["A4"], ws["B4"] = "Week Ending:", "03/08/2026"
        for i, text in enumerate(["Date", "Day", "Start", "End", "Lunch", "Hours"]):
            ws.cell(row=6, column=1 + i, value=text)
        for i, day in enumerate(WEEK):
            row = 7 + i
            cell = ws.cell(row=row, column=1, value=dt.datetime.combine(day, dt.time()))
            cell.number_format = "mm/dd/yyyy"
            ws.cell(row=row, column=2, value=day.strftime("%A"))
            shift = shifts[i]
            if shift is None:
                continue
            start, end, lunch = shift
            for col, value in ((3, start), (4, end), (5, lunch)):
                cell = ws.cell(row=row, column=col, value=value)
                if isinstance(value, dt.time):
                    cell.number_format = "h:mm AM/PM" if col < 5 else "h:mm"
            hours = hours_of[name]
            ws.cell(row=row, column=6, value=float(hours))
            person.add(day, hours, money(hours * D(rate)))
        ws.cell(row=15, column=5, value="Total Hours")
        ws.cell(row=15, column=6, value=float(person.total_hours()))
        truth.state_total(name, "hours", person.total_hours())
    summary["A1"] = "Timesheet Summary - Week ending 03/08/2026"
    for i, text in enumerate(["Employee", "Total Hours", "Rate", "Total Pay"]):
        summary.cell(row=3, column=1 + i, value=text)
    grand_hours, grand_pay = Decimal(0), Decimal(0)
    for r, (_, name, rate, _) in enumerate(plan, start=4):
        person = truth.person(name)
        stated_hours = person.total_hours() + (D("1.5") if name == "Marcus Lee" else 0)  # the typo
        summary.cell(row=r, column=1, value=name)
        summary.cell(row=r, column=2, value=float(stated_hours))
        summary.cell(row=r, column=3, value=float(rate))
        summary.cell(row=r, column=4, value=float(person.total_pay()))
        truth.state_total(name, "hours", stated_hours)
        truth.state_total(name, "pay", person.total_pay())
        grand_hours += stated_hours
        grand_pay += person.total_pay()
    summary.cell(row=8, column=1, value="Total")
    summary.cell(row=8, column=2, value=float(grand_hours))
    summary.cell(row=8, column=4, value=float(grand_pay))
    truth.state_total(None, "hours", grand_hours)
    truth.state_total(None, "pay", grand_pay)
    save_xlsx(wb, path)
    return truth


def clock_punches_csv(out: Path) -> Truth:
    """A time-clock export: split shifts summed per date, overnight shifts on their start date,
    12 h and 24 h times, break minutes."""
    path = out / "08_clock_punches.csv"
    truth = Truth(path.name, family="punch",
                  traps=["several punches a day", "overnight shifts", "12 h and 24 h times", "break in minutes"])
    rows: list[list[object]] = [["Employee ID", "Employee Name", "Punch Date", "Time In", "Time Out",
                                 "Break (min)", "Pay Rate"]]

    def punch(emp_id: str, name: str, day: dt.date, start: str, end: str, brk: int, rate: str, hours: str) -> None:
        rows.append([emp_id, name, f"{day.month:02d}/{day.day:02d}/{day.year}", start, end, brk, rate])
        truth.person(name, emp_id).add(day, D(hours), None)

    sofia, james, ana = ("1001", "Sofia Martinez", "18.75"), ("1002", "James O'Connor", "21.00"), \
        ("1003", "Ana Lima", "17.50")
    punch(*sofia[:2], WEEK[0], "06:00", "10:00", 0, sofia[2], "4")
    punch(*sofia[:2], WEEK[0], "10:30", "14:30", 0, sofia[2], "4")
    for day in WEEK[1:4]:
        punch(*sofia[:2], day, "7:00 AM", "3:30 PM", 30, sofia[2], "8")
    punch(*sofia[:2], WEEK[4], "7:00 AM", "11:00 AM", 0, sofia[2], "4")
    for day in WEEK[0:4]:
        punch(*james[:2], day, "22:00", "06:30", 30, james[2], "8")
    punch(*james[:2], WEEK[5], "22:00", "02:00", 0, james[2], "4")
    for day in WEEK[0:5]:
        punch(*ana[:2], day, "09:00", "17:00", 60, ana[2], "7")
    rates = {"Sofia Martinez": D(sofia[2]), "James O'Connor": D(james[2]), "Ana Lima": D(ana[2])}
    for person in truth.people:
        for day in person.days:
            day.pay = money(day.hours * rates[person.employee])
    save_csv(rows, path)
    return truth


def punches_cp1252(out: Path) -> Truth:
    """Windows-1252, semicolon-delimited, decimal-comma rates, accented names; one worker is
    paid under the federal minimum wage."""
    path = out / "09_punches_cp1252.csv"
    truth = Truth(path.name, family="punch",
                  traps=["Windows-1252 encoding", "semicolon delimiter", "decimal-comma rates", "accented names",
                         "minimum wage violation"])
    rows: list[list[object]] = [["Badge", "Name", "Date", "In", "Out", "Break", "Rate"]]
    plan = [
        ("B-17", "José Núñez", "16,00", "16.00", WEEK[0:5], "08:00", "16:30", "8"),
        ("B-18", "Zoë Müller", "6,50", "6.50", WEEK[0:3], "09:00", "17:30", "8"),
        ("B-19", "François Dupré", "18,25", "18.25", WEEK[1:6], "12:00", "20:00", "7.5"),
    ]
    for badge, name, rate_text, rate, days, start, end, hours in plan:
        person = truth.person(name, badge)
        for day in days:
            rows.append([badge, name, day.isoformat(), start, end, "0:30", rate_text])
            person.add(day, D(hours), money(D(hours) * D(rate)))
    save_csv(rows, path, encoding="cp1252", delimiter=";")
    return truth


__all__ = ["clock_punches_csv", "per_employee_timesheets", "punches_cp1252"]
