"""A time-clock event log: one row per clock-in or clock-out, not one row per shift.

Columns: Employee ID, Employee, Date, Time, Direction (IN / OUT), Device, Pay Rate. A shift
is an IN followed by the next OUT of the same employee id; a lunch is an OUT and an IN in
the middle of the day (unpaid, so not counted); an overnight shift's OUT falls on the next
date and the shift belongs to the date of its IN. Rows come grouped by clock device, not in
time order. Two employees share a name and differ by id. Times are 12 h ("7:54 AM").
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from samples.generator.truth import D, Truth, money
from samples.generator.writers import save_csv

WEEK = [dt.date(2026, 6, 1) + dt.timedelta(days=i) for i in range(7)]


def _clock(text: str) -> dt.time:
    return dt.datetime.strptime(text, "%H:%M").time()


def _twelve_hour(moment: dt.time) -> str:
    return f"{(moment.hour % 12) or 12}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def punch_events_csv(out: Path) -> Truth:
    path = out / "22_punch_events.csv"
    truth = Truth(path.name, family="punch (event log)", structure=" ".join(__doc__.split()),
                  traps=["one row per clock event (IN / OUT), not per shift", "lunch as an OUT and an IN (unpaid)",
                         "overnight shift: OUT on the next date, the shift on the IN date", "rows grouped by clock "
                         "device, not in time order", "two employees with the same name and different ids",
                         "12 h times", "split shift on one date summed into one entry", "overtime (>40 h)"])
    # (id, name, rate, device, [(work date index, [(IN, OUT, days the OUT is after the IN date)...])])
    plan = [
        ("E-11", "Sam Okafor", "17.50", "Dock door", [(d, [("07:54", "12:00", 0), ("12:30", "16:36", 0)])
                                                      for d in range(5)]),
        ("E-27", "Sam Okafor", "22.00", "Front desk", [(0, [("22:00", "06:18", 1)]), (1, [("22:00", "06:18", 1)]),
                                                       (3, [("22:06", "02:00", 1)])]),
        ("E-14", "Lena Hartmann", "19.00", "Front desk", [(d, [("06:00", "10:00", 0), ("15:00", "19:06", 0)])
                                                          for d in (0, 1, 2)] + [(5, [("09:00", "13:30", 0)])]),
    ]
    events: list[tuple[str, dt.datetime, list[object]]] = []
    for emp_id, name, rate, device, days in plan:
        person = truth.person(name, emp_id)
        for index, shifts in days:
            day = WEEK[index]
            hours = Decimal(0)
            for start, end, next_day in shifts:
                clock_in = dt.datetime.combine(day, _clock(start))
                clock_out = dt.datetime.combine(day + dt.timedelta(days=next_day), _clock(end))
                minutes = int((clock_out - clock_in).total_seconds() // 60)
                assert minutes % 6 == 0, "whole tenths of an hour keep the truth exact"
                hours += D(minutes) / 60
                for moment, direction in ((clock_in, "IN"), (clock_out, "OUT")):
                    events.append((device, moment, [emp_id, name, f"{moment.month}/{moment.day}/{moment.year}",
                                                    _twelve_hour(moment.time()), direction, device, rate]))
            person.add(day, hours, money(hours * D(rate)))
    events.sort(key=lambda e: (e[0], e[1]))  # as the clocks upload them: device by device
    # The truth lists people in the order the file first shows them, as the reader reports them.
    first_seen = {ident: n for n, ident in reversed(list(enumerate(values[0] for _, _, values in events)))}
    truth.people.sort(key=lambda person: first_seen[person.employee_id])
    rows: list[list[object]] = [["Employee ID", "Employee", "Date", "Time", "Direction", "Device", "Pay Rate"]]
    rows += [values for _, _, values in events]
    save_csv(rows, path)
    return truth


__all__ = ["punch_events_csv"]
