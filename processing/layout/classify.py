"""Which layout family a sheet belongs to (spreadsheets.md), from its header evidence.

Order matters: a long table also has a column of dates, and a wide grid's header row also
names a few columns, so the most specific evidence is tested first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from processing.layout.grid import date_at, non_empty_columns, text_at
from processing.layout.headers import (
    DateHeader,
    TableHeader,
    find_date_column,
    find_date_header_row,
    find_table_header,
)
from processing.layout.roles import match_role, normalize_header
from processing.values import parse_timestamp
from processing.workbook import Sheet

INSTRUCTION_NAMES = re.compile(r"instruction|read ?me|how to|legend|help|notes?$|lists?$|lookup|dropdown|codes", re.I)
SUMMARY_NAMES = re.compile(r"summary|recap|totals?$|overview", re.I)
REGISTER_NAMES = re.compile(r"register|rates?$|rate sheet|roster|staff|salar", re.I)

# Row labels of a block-per-employee sheet, mapped to what the row carries.
BLOCK_LABELS: dict[str, str] = {
    "paid hours": "hours", "hours": "hours", "total hours": "hours", "hours worked": "hours",
    "regular": "straight_hours", "regular hours": "straight_hours", "reg hours": "straight_hours",
    "straight": "straight_hours", "straight time": "straight_hours", "st": "straight_hours",
    "overtime": "overtime_hours", "ot": "overtime_hours", "overtime hours": "overtime_hours",
    "ot hours": "overtime_hours",
    "double time": "double_time_hours", "dt": "double_time_hours", "double time hours": "double_time_hours",
    "labor cost": "pay", "labor": "pay", "wages": "pay", "pay": "pay", "gross pay": "pay", "gross": "pay",
    "amount": "pay", "daily pay": "pay",
}
REGISTER_ROW_ROLES = frozenset({"hourly_rate", "day_rate", "weekly_rate", "salary", "exempt", "position"})


@dataclass
class Detection:
    family: str
    table: TableHeader | None = None
    date_header: DateHeader | None = None
    date_column: tuple[int, dict[int, dt.date]] | None = None
    label_column: int | None = None  # block sheets: the column holding PAID HOURS / OVERTIME ...
    confidence: float = 0.0
    method: str = "rules"


def _date_column_has_dates(sheet: Sheet, header: TableHeader, date1904: bool, period) -> bool:
    col = header.first("date")
    if col is None:
        return False
    for row in range(header.last_row + 1, min(sheet.n_rows, header.last_row + 60)):
        if date_at(sheet, row, col, date1904=date1904, period=period):
            return True
    return False


def _stamps(sheet: Sheet, header: TableHeader, date1904: bool) -> bool:
    """Time-in cells that carry their date too ('03/02/2026 10:00 PM'): a punch export."""
    col = header.first("time_in")
    rows = range(header.last_row + 1, min(sheet.n_rows, header.last_row + 30))
    return any(parse_timestamp(sheet.value(r, col), date1904=date1904) for r in rows)


def find_block_label_column(sheet: Sheet, start_row: int, max_columns: int = 6) -> int | None:
    """The column whose cells below the date header repeat block labels (PAID HOURS, OVERTIME...)."""
    for col in range(max_columns):
        seen: dict[str, int] = {}
        for row in range(start_row, sheet.n_rows):
            label = BLOCK_LABELS.get(normalize_header(text_at(sheet, row, col, merged=False)))
            if label:
                seen[label] = seen.get(label, 0) + 1
        if len(seen) >= 2 and max(seen.values()) >= 2:
            return col
        if len(seen) >= 2 and sum(seen.values()) >= 2 and sheet.n_rows - start_row <= 6:
            return col
    return None


def _is_register_by_columns(sheet: Sheet, max_rows: int = 30) -> bool:
    """Employees across, rate labels down the first column: Position / Weekly Rate / Daily Rate."""
    labels = set()
    for row in range(min(sheet.n_rows, max_rows)):
        match = match_role(text_at(sheet, row, 0))
        if match.role in REGISTER_ROW_ROLES:
            labels.add(match.role)
    return len(labels & {"hourly_rate", "day_rate", "weekly_rate", "salary"}) >= 1 and len(labels) >= 2


_FIND = object()


def classify(sheet: Sheet, *, date1904: bool, period: tuple[dt.date, dt.date] | None,
             table: TableHeader | None | object = _FIND) -> Detection:
    """The sheet's family. ``table`` is its table header when the caller already has it (with a
    reviewer's stored mapping applied); by default it is looked for here."""
    if sheet.n_rows == 0 or not any(non_empty_columns(sheet, r) for r in range(sheet.n_rows)):
        return Detection("empty", confidence=1.0)
    if table is _FIND:
        table = find_table_header(sheet)
    if table and table.has("date") and _date_column_has_dates(sheet, table, date1904, period):
        has_person = table.has("employee") or table.has("last_name") or table.has("employee_id")
        has_work = any(table.first(r) is not None for r in (
            "time_in", "time_out", "hours", "straight_hours", "overtime_hours", "wage_amount", "day_rate"))
        if has_person and table.has("time_in", "time_out"):
            return Detection("punch", table=table, confidence=0.95)
        if has_person and has_work:
            return Detection("long", table=table, confidence=0.9)
        if has_work and not SUMMARY_NAMES.search(sheet.name):
            return Detection("per_employee", table=table, confidence=0.85)
    if table and not table.has("date") and table.has("time_in", "time_out") and _stamps(sheet, table, date1904):
        has_person = table.has("employee") or table.has("last_name") or table.has("employee_id")
        if has_person:
            return Detection("punch", table=table, confidence=0.9)
    date_header = find_date_header_row(sheet, date1904=date1904, period=period)
    if date_header:
        label_col = find_block_label_column(sheet, date_header.row + 1)
        if label_col is not None:
            return Detection("block", table=table, date_header=date_header, label_column=label_col,
                             confidence=0.85)
        return Detection("wide_grid", table=table, date_header=date_header, confidence=0.85)
    date_column = find_date_column(sheet, date1904=date1904, period=period)
    if date_column:
        return Detection("transposed", table=table, date_column=date_column, confidence=0.8)
    if _is_register_by_columns(sheet):
        return Detection("register", table=table, confidence=0.75)
    if table and (table.has("employee") or table.has("last_name")):
        rate_roles = {"hourly_rate", "day_rate", "weekly_rate", "salary", "exempt"}
        total_roles = {"hours", "wage_amount", "total_due"}
        roles = {m.role for m in table.roles.values()}
        if roles & total_roles:
            return Detection("summary", table=table, confidence=0.8)
        if roles & rate_roles:
            return Detection("register", table=table, confidence=0.75)
    if INSTRUCTION_NAMES.search(sheet.name):
        return Detection("instructions", confidence=0.7)
    return Detection("unrecognized", table=table, confidence=0.0)


__all__ = ["BLOCK_LABELS", "Detection", "INSTRUCTION_NAMES", "SUMMARY_NAMES", "classify",
           "find_block_label_column"]
