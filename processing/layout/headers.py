"""Finding header rows: the row (or rows) naming the columns of a table, the row of dates
heading the day columns of a grid, and the column of dates heading the rows of a
transposed grid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from processing.layout.grid import BANNER_SCAN_ROWS, date_at, non_empty_columns, text_at
from processing.layout.roles import RoleMatch, match_role
from processing.values import MONTHS, clean_text, parse_money, to_decimal
from processing.workbook import Sheet

MIN_GRID_DATES = 3


@dataclass
class TableHeader:
    """A row-per-record table's header: which rows, and each column's text and role."""

    rows: list[int]  # 0-based, top to bottom
    texts: dict[int, str]
    roles: dict[int, RoleMatch] = field(default_factory=dict)

    @property
    def last_row(self) -> int:
        return self.rows[-1]

    def columns_with(self, role: str) -> list[int]:
        return [c for c, m in sorted(self.roles.items()) if m.role == role]

    def first(self, role: str) -> int | None:
        found = self.columns_with(role)
        return found[0] if found else None

    def has(self, *roles: str) -> bool:
        return all(self.first(r) is not None for r in roles)


def _row_roles(sheet: Sheet, row: int) -> dict[int, RoleMatch]:
    roles: dict[int, RoleMatch] = {}
    for col in non_empty_columns(sheet, row):
        value = sheet.value(row, col)
        if not isinstance(value, str):
            continue
        match = match_role(value)
        if match.role:
            roles[col] = match
    return roles


def _score(roles: dict[int, RoleMatch]) -> float:
    distinct: dict[str, float] = {}
    for match in roles.values():
        distinct[match.role] = max(distinct.get(match.role, 0.0), match.confidence)
    return sum(distinct.values())


def find_table_header(sheet: Sheet, *, scan_rows: int = BANNER_SCAN_ROWS) -> TableHeader | None:
    """The row naming at least two columns with known roles (best score wins, earliest on ties),
    joined with a super-header row above it when the file has a two-row header."""
    best_row, best_score = None, 0.0
    for row in range(min(sheet.n_rows, scan_rows)):
        roles = _row_roles(sheet, row)
        texts = [c for c in non_empty_columns(sheet, row) if isinstance(sheet.value(row, c), str)]
        if len(roles) < 2 or len(roles) * 2 < len(texts) * 0.8:
            continue  # a sentence in the banner matching two words is not a header
        score = _score(roles)
        if score > best_score + 1e-9:
            best_row, best_score = row, score
    if best_row is None:
        return None
    rows = [best_row]
    if best_row > 0 and _is_super_header(sheet, best_row - 1, best_row):
        rows.insert(0, best_row - 1)
    texts: dict[int, str] = {}
    roles: dict[int, RoleMatch] = {}
    for col in sorted(set().union(*(non_empty_columns(sheet, r) for r in rows))):
        lower = text_at(sheet, rows[-1], col, merged=False)
        upper = text_at(sheet, rows[0], col) if len(rows) > 1 else ""
        combined = " ".join(t for t in (upper, lower) if t)
        texts[col] = combined
        candidates = [match_role(lower), match_role(combined)] if upper else [match_role(lower)]
        if upper and not lower:
            candidates.append(match_role(upper))
        chosen = max(candidates, key=lambda m: m.confidence)
        # "Hours / ST" is straight time: the lower, more specific text wins on a tie.
        if chosen.role:
            roles[col] = chosen
    return TableHeader(rows=rows, texts=texts, roles=roles)


def _is_super_header(sheet: Sheet, row: int, header_row: int) -> bool:
    """A group label row over the header ('Hours' spanning ST/OT/DT), not a banner title."""
    columns = non_empty_columns(sheet, row)
    header_columns = set(non_empty_columns(sheet, header_row))
    if not columns or not header_columns:
        return False
    width = max(header_columns) - min(header_columns) + 1
    for r0, c0, _, c1 in sheet.merged:
        if r0 == row and (c1 - c0 + 1) >= 0.8 * width:
            return False  # a title across the whole table
    if any(not isinstance(sheet.value(row, c), str) for c in columns):
        return False
    texts = [clean_text(sheet.value(row, c)) for c in columns]
    if any(t.endswith(":") or ": " in t or to_decimal(t) is not None or parse_money(t) is not None for t in texts):
        return False  # "Employee: | Smith, Jane | Rate: | $20" is a banner line, not a group label
    if any(c not in header_columns for c in columns):
        return False
    spans = [m for m in sheet.merged if m[0] == row and m[3] > m[1]]
    return bool(spans) or len(columns) >= 2


@dataclass
class DateHeader:
    """A row of dates heading day columns (wide grids and blocks)."""

    row: int
    dates: dict[int, dt.date]  # column -> date


def find_date_header_row(
    sheet: Sheet,
    *,
    date1904: bool,
    period: tuple[dt.date, dt.date] | None,
    scan_rows: int = BANNER_SCAN_ROWS,
) -> DateHeader | None:
    """The first row holding dates in at least three columns, consecutive in time."""
    for row in range(min(sheet.n_rows, scan_rows)):
        dates: dict[int, dt.date] = {}
        for col in range(len(sheet.rows[row]) if row < sheet.n_rows else 0):  # n_columns is O(rows)
            cell = sheet.cell(row, col)
            if cell.value is None and not cell.formula:
                continue
            found = date_at(sheet, row, col, date1904=date1904, period=period)
            if found:
                dates[col] = found
        if len(dates) >= MIN_GRID_DATES and _plausible_run(list(dates.values())):
            return DateHeader(row=row, dates=dates)
        days = _day_numbers(sheet, row, period) or _weekday_names(sheet, row, period)
        if days:
            return DateHeader(row=row, dates=days)
    return None


_MONTH_LABEL_RE = re.compile(r"\b([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?\b")


def _month_label(sheet: Sheet, row: int, columns: list[int]) -> tuple[int, int | None] | None:
    """A month name ('March', 'Mar 2026') in a label row above day-of-month numbers."""
    for label_row in (row - 1, row - 2):
        if label_row < 0:
            continue
        for col in sorted(set(columns) | set(range(min(columns)))):
            text = clean_text(sheet.merged_value(label_row, col))
            for match in _MONTH_LABEL_RE.finditer(text):
                month = MONTHS.get(match.group(1).lower())
                if month:
                    return month, int(match.group(2)) if match.group(2) else None
    return None


_WEEKDAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
             "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6,
             "sunday": 6}


def _weekday_names(sheet: Sheet, row: int, period: tuple[dt.date, dt.date] | None) -> dict[int, dt.date] | None:
    """Day columns headed Mon..Sun only, on a sheet whose name or banner states its week: each weekday
    takes the date it has inside that week. Without a stated week the names date nothing."""
    if period is None or (period[1] - period[0]).days > 6:
        return None
    found: dict[int, int] = {}
    for col in range(len(sheet.rows[row]) if row < sheet.n_rows else 0):
        value = sheet.value(row, col)
        day = _WEEKDAYS.get(clean_text(value).lower().rstrip(".")) if isinstance(value, str) else None
        if day is not None:
            found[col] = day
    if len(found) < MIN_GRID_DATES or len(set(found.values())) != len(found):
        return None
    week = {(period[0] + dt.timedelta(days=i)).weekday(): period[0] + dt.timedelta(days=i)
            for i in range((period[1] - period[0]).days + 1)}
    if not all(day in week for day in found.values()):
        return None
    return {col: week[day] for col, day in found.items()}


def _day_numbers(sheet: Sheet, row: int, period: tuple[dt.date, dt.date] | None) -> dict[int, dt.date] | None:
    """Day-of-month numbers (1..31) under a month label row, or inside the stated period."""
    numbers: dict[int, int] = {}
    for col in range(len(sheet.rows[row]) if row < sheet.n_rows else 0):
        value = sheet.value(row, col)
        if isinstance(value, bool):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, int) and 1 <= value <= 31:
            numbers[col] = value
    if len(numbers) < MIN_GRID_DATES:
        return None
    columns = sorted(numbers)
    sequence = [numbers[c] for c in columns]
    wraps = sum(1 for a, b in zip(sequence, sequence[1:], strict=False) if b <= a)
    if wraps > 1 or any(b == a for a, b in zip(sequence, sequence[1:], strict=False)):
        return None
    label = _month_label(sheet, row, columns)
    if label is None and period is None:
        return None
    month, year = label if label else (period[0].month, period[0].year)
    if year is None:
        year = period[0].year if period else None
    if year is None:
        return None
    dates: dict[int, dt.date] = {}
    previous = 0
    for col in columns:
        if numbers[col] <= previous:
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
        previous = numbers[col]
        try:
            dates[col] = dt.date(year, month, numbers[col])
        except ValueError:
            return None
    if period and not all(period[0] - dt.timedelta(days=7) <= d <= period[1] + dt.timedelta(days=7)
                          for d in dates.values()):
        return None
    return dates


def _plausible_run(dates: list[dt.date]) -> bool:
    """Day columns cover at most a couple of months and do not repeat much."""
    return (max(dates) - min(dates)).days <= 62 and len(set(dates)) >= MIN_GRID_DATES


def find_date_column(
    sheet: Sheet,
    *,
    date1904: bool,
    period: tuple[dt.date, dt.date] | None,
    max_columns: int = 4,
) -> tuple[int, dict[int, dt.date]] | None:
    """A column (among the first few) holding dates down its rows: (column, row -> date)."""
    for col in range(min(sheet.n_columns, max_columns)):
        dates: dict[int, dt.date] = {}
        for row in range(sheet.n_rows):
            cell = sheet.cell(row, col)
            if cell.value is None and not cell.formula:
                continue
            found = date_at(sheet, row, col, date1904=date1904, period=period)
            if found:
                dates[row] = found
        if len(dates) >= MIN_GRID_DATES and _plausible_run(list(dates.values())):
            return col, dates
    return None


def label_of(sheet: Sheet, row: int, max_columns: int = 3) -> str:
    """The first text in a row's first columns (its label, e.g. 'TOTAL' or 'Rate')."""
    for col in range(max_columns):
        value = sheet.merged_value(row, col)
        if isinstance(value, str) and clean_text(value):
            return clean_text(value)
    return ""


__all__ = [
    "DateHeader",
    "MIN_GRID_DATES",
    "TableHeader",
    "find_date_column",
    "find_date_header_row",
    "find_table_header",
    "label_of",
]
