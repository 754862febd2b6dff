"""Evidence several families weigh: dates in a date column, a row of dates, block labels, sheet names."""

from __future__ import annotations

import re

from processing.families.base import Context
from processing.layout.grid import date_at, text_at
from processing.layout.headers import DateHeader, TableHeader, find_date_header_row
from processing.layout.labels import BLOCK_LABELS
from processing.layout.roles import match_role, normalize_header
from processing.values import parse_timestamp
from processing.workbook import Sheet

INSTRUCTION_NAMES = re.compile(r"instruction|read ?me|how to|legend|help|notes?$|lists?$|lookup|dropdown|codes", re.I)
SUMMARY_NAMES = re.compile(r"summary|recap|totals?$|overview", re.I)
WORK_ROLES = ("time_in", "time_out", "hours", "straight_hours", "overtime_hours", "wage_amount", "day_rate")
REGISTER_ROW_ROLES = frozenset({"hourly_rate", "day_rate", "weekly_rate", "salary", "exempt", "position"})
REGISTER_RATE_ROLES = frozenset({"hourly_rate", "day_rate", "weekly_rate", "salary", "exempt"})
TOTAL_ROLES = frozenset({"hours", "wage_amount", "total_due"})


def has_identity(table: TableHeader) -> bool:
    return table.has("employee") or table.has("last_name")


def date_column_has_dates(sheet: Sheet, header: TableHeader, context: Context) -> bool:
    col = header.first("date")
    if col is None:
        return False
    return any(date_at(sheet, row, col, date1904=context.date1904, period=context.period)
               for row in range(header.last_row + 1, min(sheet.n_rows, header.last_row + 60)))


def stamps_carry_dates(sheet: Sheet, header: TableHeader, context: Context) -> bool:
    """Time-in cells that carry their date too ('03/02/2026 10:00 PM'): a punch export."""
    col = header.first("time_in")
    rows = range(header.last_row + 1, min(sheet.n_rows, header.last_row + 30))
    return any(parse_timestamp(sheet.value(r, col), date1904=context.date1904) for r in rows)


def date_header(sheet: Sheet, context: Context) -> DateHeader | None:
    return context.once("date_header", lambda: find_date_header_row(
        sheet, date1904=context.date1904, period=context.period))


BLOCK_SCAN_ROWS = 300  # block labels repeat every few rows: this many rows decide, whatever the sheet's size


def find_block_label_column(sheet: Sheet, start_row: int, max_columns: int = 6) -> int | None:
    """The column whose cells below the date header repeat block labels (PAID HOURS, OVERTIME...)."""
    for col in range(max_columns):
        seen: dict[str, int] = {}
        for row in range(start_row, min(sheet.n_rows, start_row + BLOCK_SCAN_ROWS)):
            label = BLOCK_LABELS.get(normalize_header(text_at(sheet, row, col, merged=False)))
            if label:
                seen[label] = seen.get(label, 0) + 1
        if len(seen) >= 2 and max(seen.values()) >= 2:
            return col
        if len(seen) >= 2 and sum(seen.values()) >= 2 and sheet.n_rows - start_row <= 6:
            return col
    return None


def register_by_columns(sheet: Sheet, max_rows: int = 30) -> bool:
    """Employees across, rate labels down the first column: Position / Weekly Rate / Daily Rate."""
    labels = {match_role(text_at(sheet, row, 0)).role for row in range(min(sheet.n_rows, max_rows))}
    labels &= REGISTER_ROW_ROLES
    return len(labels & {"hourly_rate", "day_rate", "weekly_rate", "salary"}) >= 1 and len(labels) >= 2


__all__ = ["INSTRUCTION_NAMES", "SUMMARY_NAMES", "date_column_has_dates", "date_header",
           "find_block_label_column", "register_by_columns", "stamps_carry_dates"]
