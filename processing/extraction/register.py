"""Registers and rate sheets (family 7) and summary sheets.

A register says who earns what (hourly, daily, weekly, annual, exempt or not), either with
employees as columns and rate labels down the first column, or one row per employee. It
never creates entries: its rates price the day cells of the other sheets.

A summary sheet repeats per-employee totals; they become stated totals, never entries.
"""

from __future__ import annotations

from decimal import Decimal

from processing.extraction.common import cell_hours, cell_money, is_total_label, source
from processing.extraction.records import EmployeeInfo, SheetResult
from processing.layout.grid import non_empty_columns, text_at
from processing.layout.roles import match_role
from processing.layout.schema import Layout
from processing.model import StatedTotal
from processing.values import (
    join_name,
    name_key,
    normalize_employee_id,
    normalize_name,
    parse_bool,
    parse_money,
    parse_state,
)

_INFO_ROLES = {"hourly_rate": "hourly_rate", "day_rate": "day_rate", "weekly_rate": "weekly_salary",
               "salary": "annual_salary", "exempt": "exempt", "employee_id": "employee_id",
               "work_state": "work_state"}


def _set(info: EmployeeInfo, role: str, value: object) -> None:
    attr = _INFO_ROLES.get(role)
    if attr is None or getattr(info, attr) is not None:
        return
    if attr == "exempt":
        parsed = parse_bool(value)
    elif attr == "employee_id":
        parsed = normalize_employee_id(value)
    elif attr == "work_state":
        parsed = parse_state(value)
    else:
        parsed = parse_money(value)
    setattr(info, attr, parsed)


def extract_register(layout: Layout) -> SheetResult:
    result = SheetResult()
    sheet = layout.sheet
    table = layout.detection.table
    if table is not None and (table.has("employee") or table.has("last_name")) and layout.data_rows:
        for row in range(layout.data_rows[0], layout.data_rows[1] + 1):
            name = _row_name(layout, row)
            if not name or is_total_label(name):
                continue
            info = result.info_for(name)
            position_col = layout.first("position")
            row_info = EmployeeInfo(name=name)
            for col, match in layout.roles.items():
                _set(row_info, match.role or "", sheet.value(row, col))
            info.update(row_info)
            position = sheet.value(row, position_col) if position_col is not None else None
            if isinstance(position, str) and position.strip():
                info.by_position.setdefault(name_key(position), row_info)
        return result
    # employees as columns
    label_rows: dict[int, str] = {}
    name_row = None
    for row in range(sheet.n_rows):
        role = match_role(text_at(sheet, row, 0)).role
        if role == "employee" and name_row is None:
            name_row = row
        elif role:
            label_rows[row] = role
    if name_row is None:
        rows = [r for r in range(sheet.n_rows) if len(non_empty_columns(sheet, r)) >= 2 and r not in label_rows]
        if not rows:
            return result
        name_row = rows[0]
    for col in non_empty_columns(sheet, name_row):
        value = sheet.merged_value(name_row, col)
        if col == 0 or not isinstance(value, str) or match_role(value).role:
            continue
        name = normalize_name(value)
        if not name:
            continue
        info = result.info_for(name)
        column_info = EmployeeInfo(name=name)
        position = None
        for row, role in label_rows.items():
            _set(column_info, role, sheet.value(row, col))
            if role == "position":
                position = sheet.value(row, col)
        info.update(column_info)
        if isinstance(position, str) and position.strip():
            info.by_position.setdefault(name_key(position), column_info)
    return result


def _row_name(layout: Layout, row: int) -> str | None:
    col = layout.first("employee")
    if col is not None:
        return normalize_name(layout.sheet.merged_value(row, col))
    first, last = layout.first("first_name"), layout.first("last_name")
    if last is not None:
        return join_name(layout.sheet.value(row, first) if first is not None else "", layout.sheet.value(row, last))
    return None


def extract_summary(layout: Layout) -> SheetResult:
    """Per-employee totals of a summary sheet; its TOTAL row covers everyone it lists."""
    result = SheetResult()
    sheet = layout.sheet
    if layout.data_rows is None:
        return result
    names: list[str] = []
    grand: list[tuple[str, Decimal, int, int]] = []
    for row in range(layout.data_rows[0], layout.data_rows[1] + 1):
        name = _row_name(layout, row)
        label_total = any(is_total_label(sheet.value(row, c)) for c in range(min(3, len(sheet.rows[row])))
                          if isinstance(sheet.value(row, c), str))
        for col, match in layout.roles.items():
            measure = {"hours": "hours", "wage_amount": "pay"}.get(match.role or "")
            if measure is None:
                continue
            cell = sheet.cell(row, col)
            value = cell_hours(cell) if measure == "hours" else cell_money(cell)
            if value is None:
                continue
            if label_total or not name:
                grand.append((measure, value, row, col))
            else:
                # sheet=None: a summary's total sums the person's entries on every sheet
                result.totals.append(StatedTotal(measure=measure, value=value, scope="employee", employee=name,
                                                 sheet=None, source=source(sheet.name, row, col)))
        if name and not label_total:
            names.append(name)
            info = result.info_for(name)
            for col, match in layout.roles.items():
                _set(info, match.role or "", sheet.value(row, col))
    for measure, value, row, col in grand:
        result.totals.append(StatedTotal(measure=measure, value=value, scope="sheet", sheet=None,
                                         covers=list(names), source=source(sheet.name, row, col)))
    return result


__all__ = ["extract_register", "extract_summary"]
