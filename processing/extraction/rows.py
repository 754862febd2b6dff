"""Row-per-record tables: long format (family 4), punch exports (family 6) and the
one-sheet-per-employee timesheet (family 5, where the person is named in the banner).

Each data row is one shift or one day for one person. Rows without a date are notes,
legends or footers; rows labelled TOTAL become stated totals, never entries.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from processing.extraction.common import cell_hours, cell_money, cell_number, is_total_label, source
from processing.extraction.records import RateBook, Record, SheetResult
from processing.layout.grid import column_dates_are_ambiguous, column_is_dayfirst, column_letter, date_at
from processing.layout.schema import Layout
from processing.model import Issue, StatedTotal
from processing.values import (
    clean_text,
    is_non_work_marker,
    join_name,
    minutes_between,
    normalize_employee_id,
    normalize_name,
    parse_break_hours,
    parse_state,
    parse_time,
    parse_timestamp,
    round_money,
    to_decimal,
)
from processing.workbook import CellError


def _row_name(layout: Layout, row: int) -> str | None:
    sheet = layout.sheet
    col = layout.first("employee")
    if col is not None:
        return normalize_name(sheet.merged_value(row, col))
    first, last = layout.first("first_name"), layout.first("last_name")
    if last is not None:
        return join_name(sheet.value(row, first) if first is not None else "", sheet.value(row, last))
    return None


def _number(layout: Layout, row: int, role: str, *, money: bool = False) -> Decimal | None:
    col = layout.first(role)
    if col is None:
        return None
    cell = layout.sheet.cell(row, col)
    return cell_money(cell) if money else cell_hours(cell) if role.endswith("hours") else cell_number(cell)


def _total_row_label(layout: Layout, row: int) -> bool:
    sheet = layout.sheet
    for col in range(min(len(sheet.rows[row]) if row < sheet.n_rows else 0, 6)):  # n_columns is O(rows)
        value = sheet.value(row, col)
        # cheap first-letter test before the regex: this runs for every row of long tables
        if isinstance(value, str) and value.lstrip()[:1] in "TtGgSsWw" and value.strip() and is_total_label(value):
            return True
    return False


def extract_rows(layout: Layout, rates: RateBook) -> SheetResult:
    """A long table or a punch export: every data row names its person."""
    result = SheetResult()
    if layout.data_rows is not None:
        read_rows(layout, range(layout.data_rows[0], layout.data_rows[1] + 1), rates, result)
    return result


def read_rows(layout: Layout, rows: range, rates: RateBook, result: SheetResult,
              fixed_name: str | None = None, fixed_id: str | None = None) -> None:
    """Records and totals of the given rows; ``fixed_name`` when the person is named above the table."""
    sheet = layout.sheet
    date_col = layout.first("date")
    dayfirst = date_col is not None and column_is_dayfirst(sheet, date_col, rows)
    ids_to_names: dict[str, str] = {}
    last_name_seen: str | None = None
    since_total: list[str] = []  # people listed since the last total row: whom a subtotal covers
    since_seen: set[str] = set()
    id_col = layout.first("employee_id")
    seen_rows: dict[tuple, int] = {}
    if date_col is not None and column_dates_are_ambiguous(sheet, date_col, rows):
        result.issues.append(Issue(
            code="AMBIGUOUS_DATE_ORDER", severity="warning",
            message=(f"Dates in column {column_letter(date_col)} on sheet {sheet.index + 1} could be month/day or "
                     "day/month and nothing in the file says which; they were read month first. Write dates as "
                     "YYYY-MM-DD to remove the doubt"),
            details={"column": column_letter(date_col)}, sheet=sheet.index + 1))
    for row in rows:
        if row >= sheet.n_rows:
            break
        name = fixed_name or _row_name(layout, row)
        emp_id = fixed_id or (normalize_employee_id(sheet.merged_value(row, id_col)) if id_col is not None else None)
        if _total_row_label(layout, row):
            owner, covers = _total_owner(layout, row, fixed_name, name, since_total)
            _add_total(layout, row, result, owner, covers)
            since_total, since_seen = [], set()
            continue
        if date_col is not None:
            work_date = date_at(sheet, row, date_col, date1904=layout.date1904, period=layout.period,
                                dayfirst=dayfirst)
        else:  # a punch stamped with its date: the shift belongs to the date it started
            stamp = parse_timestamp(sheet.value(row, layout.first("time_in")), date1904=layout.date1904) \
                if layout.first("time_in") is not None else None
            work_date = stamp.date() if stamp else None
        if work_date is None:
            if date_col is not None and name and sheet.value(row, date_col) not in (None, "") \
                    and _has_work_values(layout, row):
                _unreadable_date(layout, row, date_col, result)
            continue
        if name is None and emp_id and emp_id in ids_to_names:
            name = ids_to_names[emp_id]
        if name is None and fixed_name is None and last_name_seen and emp_id is None:
            name = last_name_seen  # a continuation row under a person's first row
        if name is None:
            name = f"Employee {emp_id}" if emp_id else None
        if name is None:
            continue
        if _repeats_a_row(layout, row, seen_rows, result, name, work_date):
            continue
        last_name_seen = name
        if name not in since_seen:
            since_seen.add(name)
            since_total.append(name)
        if emp_id:
            ids_to_names.setdefault(emp_id, name)
        record = _record(layout, row, name, emp_id, work_date, rates)
        if record is not None:
            result.records.append(record)


WORK_VALUE_ROLES = ("hours", "time_in", "time_out", "straight_hours", "overtime_hours", "double_time_hours",
                    "wage_amount")


def _has_work_values(layout: Layout, row: int) -> bool:
    """Whether a row records work (a number or a time under a work column), not a repeated header."""
    for role in WORK_VALUE_ROLES:
        for col in layout.columns_with(role):
            value = layout.sheet.value(row, col)
            if value is None or isinstance(value, CellError):
                continue
            if not isinstance(value, str) or parse_time(value) is not None or to_decimal(value) is not None:
                return True
    return False


def _unreadable_date(layout: Layout, row: int, col: int, result: SheetResult) -> None:
    """A row of work whose date cannot be read is never dropped in silence."""
    ref = f"{column_letter(col)}{row + 1}"
    result.issues.append(Issue(
        code="UNREADABLE_DATE", severity="error",
        message=(f"Row {row + 1} on sheet {layout.sheet.index + 1}: the date in cell {ref} cannot be read, so the "
                 "row was not counted. Write it as a date (YYYY-MM-DD or MM/DD/YYYY)"),
        details={"cell": ref}, sheet=layout.sheet.index + 1, row=row + 1, cells=[ref]))


def _repeats_a_row(layout: Layout, row: int, seen: dict[tuple, int], result: SheetResult, name: str,
                   work_date: dt.date) -> bool:
    """An exact copy of an earlier row (every cell the same) is reported once and counted once."""
    key = tuple(cell.value if not isinstance(cell.value, float) else round(cell.value, 9)
                for cell in layout.sheet.rows[row])
    first = seen.setdefault(key, row)
    if first == row:
        return False
    result.issues.append(Issue(
        code="DUPLICATE_ENTRY", severity="warning", employee=name, date=work_date,
        message=(f"Row {row + 1} on sheet {layout.sheet.index + 1} repeats row {first + 1} cell for cell; it was "
                 "counted once. Remove the copy, or correct it if it was meant to differ"),
        details={"row": row + 1, "repeats_row": first + 1}, sheet=layout.sheet.index + 1, row=row + 1))
    return True


def _span(layout: Layout) -> tuple[int, int]:
    return (layout.data_rows[0], layout.data_rows[1] + 1) if layout.data_rows else (0, 0)


def _record(layout: Layout, row: int, name: str, emp_id: str | None, work_date: dt.date,
            rates: RateBook) -> Record | None:
    sheet = layout.sheet
    record = Record(employee=name, employee_id=emp_id, date=work_date, source=source(sheet.name, row))
    in_col, out_col = layout.first("time_in"), layout.first("time_out")
    if in_col is not None and out_col is not None:
        start, end = parse_time(sheet.value(row, in_col)), parse_time(sheet.value(row, out_col))
        stamp_in = parse_timestamp(sheet.value(row, in_col), date1904=layout.date1904)
        stamp_out = parse_timestamp(sheet.value(row, out_col), date1904=layout.date1904)
        if stamp_in and stamp_out and stamp_out > stamp_in:
            start, end = stamp_in.time(), stamp_out.time()
        if start is not None and end is not None:
            minutes = minutes_between(start, end)
            if stamp_in and stamp_out and stamp_out > stamp_in:
                minutes = int((stamp_out - stamp_in).total_seconds() // 60)  # stamps may span days
            break_col = layout.first("break")
            if break_col is not None:
                unpaid = parse_break_hours(sheet.value(row, break_col), header=layout.headers.get(break_col, ""))
                if unpaid is not None:
                    minutes -= int((unpaid * 60).to_integral_value())
            record.minutes = minutes
            record.stated_hours_total = _number(layout, row, "hours")
    record.straight_hours = _number(layout, row, "straight_hours")
    record.overtime_hours = _number(layout, row, "overtime_hours")
    record.double_time_hours = _number(layout, row, "double_time_hours")
    if record.minutes is None:
        record.hours = _number(layout, row, "hours")
        parts = (record.straight_hours, record.overtime_hours, record.double_time_hours)
        if any(h is not None for h in parts) and (record.hours is None or layout.first("straight_hours") is not None):
            # ST + OT + DT are the hours; a Total Hours column beside all three is the row's own total,
            # checked. (Hours beside an OT column alone is the total that OT is part of.)
            if record.hours is not None:
                record.stated_hours_total = record.hours
            record.hours = sum((h or Decimal(0) for h in parts), Decimal(0))
    state_col = layout.first("work_state")
    if state_col is not None:
        record.work_state = parse_state(sheet.value(row, state_col))
    position_col = layout.first("position")
    position = sheet.value(row, position_col) if position_col is not None else None
    info = rates.find(name, emp_id, position if isinstance(position, str) else None)
    record.hourly_rate = _first_known(_number(layout, row, "hourly_rate", money=True), info and info.hourly_rate)
    record.day_rate = _first_known(_number(layout, row, "day_rate", money=True), info and info.day_rate)
    wages = _number(layout, row, "wage_amount", money=True)
    if wages is not None:
        record.pay = record.wage_subtotal = wages
    if record.minutes is None and record.hours is None and not wages and not _worked_without_hours(layout, row):
        return None  # OFF / HM / blank hours with no (or zero) wages: not a worked day
    _price(record)
    return record


def _first_known(*values: Decimal | None) -> Decimal | None:
    return next((v for v in values if v is not None), None)


def _worked_without_hours(layout: Layout, row: int) -> bool:
    """A dated row with no hours or wages: worked only if it says so (not OFF, HM, blank)."""
    for role in ("hours", "time_in"):
        col = layout.first(role)
        if col is not None:
            value = layout.sheet.value(row, col)
            if not is_non_work_marker(value) and not isinstance(value, CellError):
                return True
    return layout.first("day_rate") is not None and layout.first("hours") is None and layout.first("time_in") is None


def _price(record: Record) -> None:
    """Implied wages when the row states none: OT premiums when split, else hours x rate, else day rate."""
    if record.pay is not None:
        return
    rate = record.hourly_rate
    if rate is not None and (record.overtime_hours or record.double_time_hours):
        straight = record.straight_hours
        if straight is None and record.hours is not None:  # "Hours 10, OT 2": 8 of them straight
            straight = record.straight_hours = record.hours - (record.overtime_hours or 0) \
                - (record.double_time_hours or 0)
        record.pay = round_money(rate * (straight or 0) + rate * Decimal("1.5") * (record.overtime_hours or 0)
                                 + rate * 2 * (record.double_time_hours or 0))
    elif rate is not None:
        record.implied_rate = rate
    elif record.day_rate is not None:
        record.pay = record.day_rate


def _total_owner(layout: Layout, row: int, fixed_name: str | None, name: str | None,
                 since_total: list[str]) -> tuple[str | None, list[str] | None]:
    """Whose total a TOTAL/Subtotal row states: the sheet's person, the person named on the row,
    the one person listed since the previous total, or (a sheet total) the people it covers."""
    if fixed_name:
        return fixed_name, None
    if name and not is_total_label(name):
        return name, None
    label = " ".join(clean_text(layout.sheet.value(row, c)) for c in range(6))
    if "grand" in label.lower() or not since_total:
        return None, None
    if len(since_total) == 1:
        return since_total[0], None
    return None, list(since_total)


def _add_total(layout: Layout, row: int, result: SheetResult, employee: str | None,
               covers: list[str] | None = None) -> None:
    sheet = layout.sheet
    for measure, role, money in (("hours", "hours", False), ("pay", "wage_amount", True)):
        value = _number(layout, row, role, money=money)
        if value is None and measure == "hours" and layout.first("hours") is None:
            parts = [_number(layout, row, r) for r in ("straight_hours", "overtime_hours", "double_time_hours")]
            if any(p is not None for p in parts):
                value = sum((p or Decimal(0) for p in parts), Decimal(0))
        if value is None:
            continue
        col = layout.first(role)
        if employee:
            result.totals.append(StatedTotal(measure=measure, value=value, scope="employee", employee=employee,
                                             sheet=sheet.name, source=source(sheet.name, row, col)))
        else:
            result.totals.append(StatedTotal(measure=measure, value=value, scope="sheet", sheet=sheet.name,
                                             covers=covers, source=source(sheet.name, row, col)))


__all__ = ["extract_rows", "read_rows"]
