"""The schema record of one sheet: family, header rows, data block, column roles and types.

``build_layout`` is the loss-register stage for one sheet: it classifies the sheet (through the
family registry, processing.families), picks
header rows, applies a stored reviewer mapping when the layout fingerprint is known, and
returns both the working ``Layout`` (used by extraction) and the ``SheetSchema`` record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from processing.evidence.table_roles import apply_content_evidence
from processing.layout.detection import Detection
from processing.layout.fingerprint import fingerprint
from processing.layout.grid import column_index, column_letter, find_period, non_empty_columns, row_is_empty, text_at
from processing.layout.headers import find_table_header
from processing.layout.roles import SENSITIVE, RoleMatch, match_role, normalize_header
from processing.model import ColumnSchema, SheetSchema
from processing.values import clean_text, is_non_work_marker, parse_duration_hours, parse_money, parse_time, to_decimal
from processing.workbook import CellError, Sheet

GRID_LABEL_ROLES = {"day_type", "city", "work_state", "weekday", "position", "notes"}
Period = tuple[dt.date, dt.date]


@dataclass
class Layout:
    sheet: Sheet
    family: str
    detection: Detection
    period: Period | None
    date1904: bool
    header_rows: list[int]  # 0-based
    roles: dict[int, RoleMatch]  # column -> role (date columns of grids are not here)
    headers: dict[int, str]  # column -> header text
    data_rows: tuple[int, int] | None  # 0-based inclusive
    fingerprint: str | None = None
    notes: list[str] = field(default_factory=list)
    period_from_days: bool = False  # the period is the span of the grid's day columns (no banner states one)

    def columns_with(self, role: str) -> list[int]:
        return [c for c, m in sorted(self.roles.items()) if m.role == role]

    def first(self, role: str) -> int | None:
        """The first column with ``role`` (asked once per cell: cached, roles are final here)."""
        cache = self.__dict__.setdefault("_first", {})
        if role not in cache:
            found = self.columns_with(role)
            cache[role] = found[0] if found else None
        return cache[role]

    @property
    def sensitive_columns(self) -> set[int]:
        return {c for c, m in self.roles.items() if m.role == SENSITIVE}


def _grid_extra_rows(sheet: Sheet, date_row: int, date_cols: list[int]) -> list[int]:
    """Rows next to a grid's date row that describe each day (weekday, SHOW/TRAVEL, city, state)."""
    extra: list[int] = []

    def describes_days(row: int) -> bool:
        if row < 0 or row >= sheet.n_rows or row_is_empty(sheet, row):
            return False
        values = [sheet.value(row, c) for c in date_cols]
        filled = [v for v in values if v is not None and clean_text(v) != ""]
        if len(filled) < max(1, len(date_cols) // 2):
            return False
        if any(not isinstance(v, str) or parse_duration_hours(v) is not None for v in filled):
            return False
        first_date = min(date_cols)
        labels = [text_at(sheet, row, c) for c in range(first_date) if text_at(sheet, row, c)]
        if not labels:
            return True
        role = match_role(labels[-1]).role
        return role in GRID_LABEL_ROLES or role is None and len(labels) == 1 and len(labels[0]) < 12 \
            and all(not any(ch.isdigit() for ch in lab) for lab in labels) and _looks_like_label(labels[0])

    row = date_row - 1
    while describes_days(row):
        extra.insert(0, row)
        row -= 1
    row = date_row + 1
    while describes_days(row):
        extra.append(row)
        row += 1
    return extra


def _label_row_above(sheet: Sheet, date_row: int, first_date_col: int, header_rows: list[int]) -> list[int]:
    """The row above a date row when it labels the columns before the days (a two-row header: "Occupation"
    above, the dates below): its words name columns the date row leaves blank."""
    row = date_row - 1
    if row < 0 or row in header_rows:
        return []
    labels = [c for c in non_empty_columns(sheet, row) if c < first_date_col and isinstance(sheet.value(row, c), str)]
    return [row] if len(labels) >= 2 and sum(1 for c in labels if match_role(sheet.value(row, c)).role) >= 2 else []


def _looks_like_label(text: str) -> bool:
    return normalize_header(text) in {"day", "type", "city", "state", "location", "zip", "venue", "dow",
                                      "weekday", "day type", "work state"}


def _row_header_roles(sheet: Sheet, rows: list[int], skip: set[int],
                      main_row: int) -> tuple[dict[int, RoleMatch], dict[int, str]]:
    """Column roles of a grid: from its date row first; the per-day rows' labels (Day Type,
    City, State in the first column) describe rows, not columns."""
    roles: dict[int, RoleMatch] = {}
    texts: dict[int, str] = {}
    for row in [main_row, *(r for r in rows if r != main_row)]:
        for col in non_empty_columns(sheet, row):
            if col in skip or col in roles:
                continue
            value = sheet.merged_value(row, col)
            if isinstance(value, str):
                match = match_role(value)
                texts.setdefault(col, clean_text(value))
                if match.role and (row == main_row or match.role not in GRID_LABEL_ROLES - {"position"}):
                    roles[col] = match
    return roles, texts


def _apply_stored_mapping(mapping: dict, headers: dict[int, str], roles: dict[int, RoleMatch]) -> None:
    """A reviewer's mapping: keys are header texts, column letters or column indexes."""
    by_key = {normalize_header(k): v for k, v in mapping.items()}
    positional = {int(k) for k in by_key if k.isdigit()}
    positional |= {column_index(k) for k in by_key if re.fullmatch(r"[a-z]{1,3}", k)}
    for col in set(headers) | set(roles) | positional:
        for key in (normalize_header(headers.get(col, "")), str(col), column_letter(col).lower()):
            if key and key in by_key:
                role = by_key[key]
                roles[col] = RoleMatch(role or None, 1.0, "stored_mapping")
                break
    for col in [c for c, m in roles.items() if m.role is None]:
        del roles[col]


def _data_block(sheet: Sheet, start: int) -> tuple[int, int] | None:
    last = None
    for row in range(start, sheet.n_rows):
        if not row_is_empty(sheet, row):
            last = row
    return (start, last) if last is not None else None


def build_layout(sheet: Sheet, *, date1904: bool = False, mappings: dict[str, dict] | None = None,
                 classify) -> Layout:
    """The working layout of one sheet; ``classify`` (processing.families.classify) picks its family."""
    period = find_period(sheet)
    table = find_table_header(sheet)
    table_key = fingerprint(sheet, table.rows) if table else None
    if table is not None and mappings and table_key in mappings:
        # A reviewer's mapping decides the roles, so it also decides the family.
        _apply_stored_mapping(mappings[table_key], table.texts, table.roles)
    evidence_notes = apply_content_evidence(sheet, table.roles, table.last_row + 1) if table is not None else []
    detection = classify(sheet, date1904=date1904, period=period, table=table)
    family = detection.family
    roles: dict[int, RoleMatch] = {}
    headers: dict[int, str] = {}
    header_rows: list[int] = []
    data_rows = None
    if detection.date_header is not None:
        date_row, dates = detection.date_header.row, detection.date_header.dates
        extra = _grid_extra_rows(sheet, date_row, sorted(dates))
        header_rows = sorted({date_row, *extra})
        label_rows = [*header_rows, *_label_row_above(sheet, date_row, min(dates), header_rows)]
        roles, headers = _row_header_roles(sheet, label_rows, skip=set(dates), main_row=date_row)
        data_rows = _data_block(sheet, header_rows[-1] + 1)
    elif detection.date_column is not None:
        col, dates = detection.date_column
        first_date_row = min(dates)
        header_rows = [r for r in range(first_date_row) if not row_is_empty(sheet, r)
                       and len(non_empty_columns(sheet, r)) >= 2]
        data_rows = (first_date_row, max(dates))
    elif detection.table is not None:
        header_rows = list(detection.table.rows)
        roles, headers = dict(detection.table.roles), dict(detection.table.texts)
        data_rows = _data_block(sheet, header_rows[-1] + 1)
    print_key = fingerprint(sheet, header_rows) if header_rows else None
    if mappings and print_key in mappings and print_key != table_key:
        _apply_stored_mapping(mappings[print_key], headers, roles)
    period_from_days = False
    if period is None and detection.date_header is not None:
        # A grid's day columns are the days it accounts for, worked or not: its period when no banner says.
        days = sorted(detection.date_header.dates.values())
        if (days[-1] - days[0]).days <= 6:
            period, period_from_days = (days[0], days[-1]), True
    return Layout(sheet=sheet, family=family, detection=detection, period=period, date1904=date1904,
                  header_rows=header_rows, roles=roles, headers=headers, data_rows=data_rows,
                  fingerprint=print_key, notes=evidence_notes, period_from_days=period_from_days)


def _column_type(sheet: Sheet, col: int, rows: range, role: str | None) -> str:
    kinds: dict[str, int] = {}
    for row in rows:
        value = sheet.value(row, col)
        if value is None or isinstance(value, CellError) or (isinstance(value, str) and is_non_work_marker(value)):
            continue
        if isinstance(value, (dt.date, dt.datetime)):
            kind = "date"
        elif isinstance(value, (dt.time, dt.timedelta)) or (isinstance(value, str) and parse_time(value)):
            kind = "time" if role in {"time_in", "time_out"} else "duration"
        elif isinstance(value, str) and "$" in value and parse_money(value) is not None:
            kind = "money"
        elif to_decimal(value) is not None:
            kind = "money" if role in {"hourly_rate", "day_rate", "weekly_rate", "salary", "wage_amount",
                                       "per_diem", "reimbursement", "deduction", "total_due", "bonus"} else "number"
        else:
            kind = "text"
        kinds[kind] = kinds.get(kind, 0) + 1
    if not kinds:
        return "empty"
    return max(kinds, key=kinds.get)


def build_schema(layout: Layout) -> SheetSchema:
    sheet = layout.sheet
    rows = range(layout.data_rows[0], min(layout.data_rows[1] + 1, layout.data_rows[0] + 200)) \
        if layout.data_rows else range(0)
    columns: list[ColumnSchema] = []
    date_cols = layout.detection.date_header.dates if layout.detection.date_header else {}
    for col in sorted(set(layout.roles) | set(layout.headers) | set(date_cols)):
        match = layout.roles.get(col)
        if col in date_cols:
            columns.append(ColumnSchema(index=col, letter=column_letter(col),
                                        header=date_cols[col].isoformat(), role="day", type="number",
                                        confidence=0.9, method="value"))
            continue
        role = match.role if match else None
        header = None if role == SENSITIVE and not layout.headers.get(col) else layout.headers.get(col)
        columns.append(ColumnSchema(
            index=col, letter=column_letter(col), header=header, role=role,
            type="text" if role == SENSITIVE else _column_type(sheet, col, rows, role),
            confidence=match.confidence if match else 0.0, method=match.method if match else "none"))
    methods = {c.method for c in columns if c.role}
    method = "stored_mapping" if "stored_mapping" in methods else layout.detection.method
    notes = list(layout.notes)
    hidden_rows = len([r for r in sheet.hidden_rows if layout.data_rows and layout.data_rows[0] <= r <= layout.data_rows[1]])
    if hidden_rows:
        notes.append(f"{hidden_rows} hidden row(s) in the data block were read like visible rows")
    if sheet.hidden_columns:
        notes.append(f"hidden columns: {', '.join(column_letter(c) for c in sorted(sheet.hidden_columns))}")
    if layout.sensitive_columns:
        notes.append("sensitive columns ignored: "
                     + ", ".join(column_letter(c) for c in sorted(layout.sensitive_columns)))
    return SheetSchema(
        sheet=sheet.name, hidden=sheet.hidden, family=layout.family,
        header_rows=[r + 1 for r in layout.header_rows],
        data_rows=(layout.data_rows[0] + 1, layout.data_rows[1] + 1) if layout.data_rows else None,
        columns=columns, confidence=layout.detection.confidence, method=method,
        fingerprint=layout.fingerprint, notes=notes)


__all__ = ["Detection", "Layout", "build_layout", "build_schema"]
