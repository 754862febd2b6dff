"""Row-per-record tables: long format (family 4), punch exports (family 6) and the
one-sheet-per-employee timesheet (family 5, where the person is named in the banner).

Each data row is one shift or one day for one person. Rows without a date are notes,
legends or footers; rows labelled TOTAL become stated totals, never entries.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from processing.extraction.common import cell_hours, cell_money, cell_number, is_total_label, source
from processing.extraction.records import EmployeeInfo, RateBook, Record, SheetResult
from processing.layout.grid import date_at, non_empty_columns
from processing.layout.roles import match_role
from processing.layout.schema import Layout
from processing.model import StatedTotal
from processing.values import (
    clean_text,
    is_non_work_marker,
    join_name,
    minutes_between,
    name_key,
    normalize_employee_id,
    normalize_name,
    parse_bool,
    parse_break_hours,
    parse_money,
    parse_state,
    parse_time,
    round_money,
)
from processing.workbook import CellError

_LABEL_VALUE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z .#/]{1,30}?)\s*[:\-–]\s*(.+)$")


def banner_fields(layout: Layout) -> dict[str, str]:
    """'Employee: Jane Smith', 'Rate | $18.50' and the like above the header: role -> text."""
    found: dict[str, str] = {}
    sheet = layout.sheet
    stop = layout.header_rows[0] if layout.header_rows else min(sheet.n_rows, 15)
    for row in range(stop):
        columns = non_empty_columns(sheet, row)
        for index, col in enumerate(columns):
            text = clean_text(sheet.value(row, col))
            match = _LABEL_VALUE_RE.match(text)
            if match and match_role(match.group(1)).role:
                found.setdefault(match_role(match.group(1)).role, match.group(2).strip())
                continue
            role = match_role(text.rstrip(":")).role if text.endswith(":") or len(columns) > 1 else None
            if role and index + 1 < len(columns):
                found.setdefault(role, clean_text(sheet.value(row, columns[index + 1])))
    return found


def _employee_from_banner(layout: Layout) -> tuple[str | None, str | None, EmployeeInfo | None]:
    fields = banner_fields(layout)
    name = normalize_name(fields.get("employee")) if fields.get("employee") else None
    if name is None and fields.get("first_name") and fields.get("last_name"):
        name = join_name(fields["first_name"], fields["last_name"])
    if name is None:
        name = normalize_name(layout.sheet.name)
    if name is None:
        return None, None, None
    info = EmployeeInfo(name=name, employee_id=normalize_employee_id(fields.get("employee_id")))
    if fields.get("hourly_rate"):
        info.hourly_rate = parse_money(fields["hourly_rate"])
    if fields.get("day_rate"):
        info.day_rate = parse_money(fields["day_rate"])
    if fields.get("exempt"):
        info.exempt = parse_bool(fields["exempt"])
    if fields.get("work_state"):
        info.work_state = parse_state(fields["work_state"])
    return name, info.employee_id, info


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


def _has_error(layout: Layout, row: int) -> bool:
    return any(isinstance(c.value, CellError) for c in layout.sheet.rows[row]) if row < layout.sheet.n_rows else False


def _total_row_label(layout: Layout, row: int) -> bool:
    sheet = layout.sheet
    for col in range(min(sheet.n_columns, 6)):
        value = sheet.value(row, col)
        if isinstance(value, str) and is_total_label(value):
            return True
    return False


def extract_rows(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    sheet = layout.sheet
    fixed_name = fixed_id = None
    if layout.family == "per_employee":
        fixed_name, fixed_id, info = _employee_from_banner(layout)
        if info is not None:
            result.info_for(fixed_name).update(info)
            known = rates.find(fixed_name, fixed_id)
            if known is not None:
                info.update(known)
            rates = RateBook({**rates.by_name, name_key(fixed_name): info})
    if layout.data_rows is None:
        return result
    date_col = layout.first("date")
    ids_to_names: dict[str, str] = {}
    last_name_seen: str | None = None
    for row in range(layout.data_rows[0], layout.data_rows[1] + 1):
        if row >= sheet.n_rows:
            break
        name = fixed_name or _row_name(layout, row)
        id_col = layout.first("employee_id")
        emp_id = fixed_id or (normalize_employee_id(sheet.merged_value(row, id_col)) if id_col is not None else None)
        if _total_row_label(layout, row):
            _add_total(layout, row, result, fixed_name or (name if name and not is_total_label(name) else None))
            continue
        work_date = date_at(sheet, row, date_col, date1904=layout.date1904, period=layout.period) \
            if date_col is not None else None
        if work_date is None:
            continue
        if name is None and emp_id and emp_id in ids_to_names:
            name = ids_to_names[emp_id]
        if name is None and layout.family != "per_employee" and last_name_seen and emp_id is None:
            name = last_name_seen  # a continuation row under a person's first row
        if name is None:
            name = f"Employee {emp_id}" if emp_id else None
        if name is None:
            continue
        last_name_seen = name
        if emp_id:
            ids_to_names.setdefault(emp_id, name)
        record = _record(layout, row, name, emp_id, work_date, rates)
        if record is not None:
            result.records.append(record)
    return result


def _record(layout: Layout, row: int, name: str, emp_id: str | None, work_date: dt.date,
            rates: RateBook) -> Record | None:
    sheet = layout.sheet
    record = Record(employee=name, employee_id=emp_id, date=work_date, source=source(sheet.name, row))
    in_col, out_col = layout.first("time_in"), layout.first("time_out")
    if in_col is not None and out_col is not None:
        start, end = parse_time(sheet.value(row, in_col)), parse_time(sheet.value(row, out_col))
        if start is not None and end is not None:
            minutes = minutes_between(start, end)
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
        if record.hours is None and any(h is not None for h in (
                record.straight_hours, record.overtime_hours, record.double_time_hours)):
            record.hours = sum((h or Decimal(0) for h in (
                record.straight_hours, record.overtime_hours, record.double_time_hours)), Decimal(0))
    state_col = layout.first("work_state")
    if state_col is not None:
        record.work_state = parse_state(sheet.value(row, state_col))
    info = rates.find(name, emp_id)
    record.hourly_rate = _number(layout, row, "hourly_rate", money=True) or (info.hourly_rate if info else None)
    record.day_rate = _number(layout, row, "day_rate", money=True) or (info.day_rate if info else None)
    wages = _number(layout, row, "wage_amount", money=True)
    if wages is not None:
        record.pay = record.wage_subtotal = wages
    if record.minutes is None and record.hours is None and wages is None:
        if not _worked_without_hours(layout, row):
            return None
    _price(record)
    return record


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
        straight = record.straight_hours or Decimal(0)
        record.pay = round_money(rate * straight + rate * Decimal("1.5") * (record.overtime_hours or 0)
                                 + rate * 2 * (record.double_time_hours or 0))
    elif rate is not None:
        record.implied_rate = rate
    elif record.day_rate is not None:
        record.pay = record.day_rate


def _add_total(layout: Layout, row: int, result: SheetResult, employee: str | None) -> None:
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
                                             source=source(sheet.name, row, col)))


__all__ = ["banner_fields", "extract_rows"]
