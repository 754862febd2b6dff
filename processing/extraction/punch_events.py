"""Clock event logs: one row per clock-in or clock-out (Employee, Date, Time, Direction), not per shift.

Events are grouped by person (employee id first, else name), put in time order whatever the row
order (logs often come grouped by device), and paired: each IN with the next OUT. A shift belongs to
the date of its IN (an overnight OUT falls on the next date); an OUT then IN mid-day is an unpaid break.
An IN with no OUT, or an OUT with no IN, is reported (UNPAIRED_PUNCH), never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from processing.extraction.common import source
from processing.extraction.records import RateBook, Record, SheetResult
from processing.layout.grid import date_at
from processing.layout.schema import Layout
from processing.model import Issue
from processing.values import clean_text, normalize_employee_id, normalize_name, parse_money, parse_time

MAX_SHIFT = dt.timedelta(hours=24)


def direction_of(value: object) -> str | None:
    text = clean_text(value).lower().replace("-", " ").replace("_", " ")
    if text in ("in", "clock in", "punch in", "i", "start", "on"):
        return "in"
    if text in ("out", "clock out", "punch out", "o", "end", "off"):
        return "out"
    return None


def _events(layout: Layout) -> dict[tuple, list[tuple[dt.datetime, str, int]]]:
    sheet = layout.sheet
    date_col, time_col, dir_col = layout.first("date"), layout.first("punch_time"), layout.first("punch_direction")
    name_col, id_col = layout.first("employee"), layout.first("employee_id")
    people: dict[tuple, list[tuple[dt.datetime, str, int]]] = defaultdict(list)
    self_names: dict[tuple, str] = {}
    for row in range(layout.data_rows[0], layout.data_rows[1] + 1):
        direction = direction_of(sheet.value(row, dir_col))
        day = date_at(sheet, row, date_col, date1904=layout.date1904, period=layout.period)
        at = parse_time(sheet.value(row, time_col))
        name = normalize_name(sheet.value(row, name_col)) if name_col is not None else None
        emp_id = normalize_employee_id(sheet.value(row, id_col)) if id_col is not None else None
        if direction is None or day is None or at is None or not (name or emp_id):
            continue
        key = (emp_id, None) if emp_id else (None, name)
        self_names.setdefault(key, name or f"Employee {emp_id}")
        people[key].append((dt.datetime.combine(day, at), direction, row))
    return {(key, self_names[key]): events for key, events in people.items()}


def extract_punch_events(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    if layout.data_rows is None:
        return result
    sheet = layout.sheet
    rate_col = layout.first("hourly_rate")
    for ((emp_id, _), name), events in _events(layout).items():
        events.sort()
        info = rates.find(name, emp_id)
        opened: tuple[dt.datetime, int] | None = None
        for at, direction, row in events:
            if direction == "in":
                if opened is not None:
                    _unpaired(result, sheet.index + 1, opened[1], name, opened[0].date(), "an IN with no OUT before "
                              "the next IN")
                opened = (at, row)
                continue
            if opened is None or at - opened[0] > MAX_SHIFT or at <= opened[0]:
                _unpaired(result, sheet.index + 1, row, name, at.date(), "an OUT with no IN before it")
                opened = None
                continue
            start, start_row = opened
            opened = None
            rate = parse_money(sheet.value(start_row, rate_col)) if rate_col is not None else None
            rate = rate or (info.hourly_rate if info else None)
            minutes = int((at - start).total_seconds() // 60)
            record = Record(employee=name, employee_id=emp_id, date=start.date(), minutes=minutes,
                            hourly_rate=rate, source=source(sheet.name, start_row, layout.first("punch_time")))
            if rate is not None:
                record.implied_rate = rate
            result.records.append(record)
        if opened is not None:
            _unpaired(result, sheet.index + 1, opened[1], name, opened[0].date(), "an IN with no OUT after it")
    return result


def _unpaired(result: SheetResult, sheet_position: int, row: int, name: str, day: dt.date, what: str) -> None:
    result.issues.append(Issue(
        code="UNPAIRED_PUNCH", severity="warning", employee=name, date=day,
        message=(f"Row {row + 1} on sheet {sheet_position} is {what}; no shift was counted for it. Add the "
                 "missing punch or confirm the day"),
        details={"row": row + 1}, sheet=sheet_position, row=row + 1))


__all__ = ["direction_of", "extract_punch_events"]
