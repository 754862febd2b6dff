"""Each sheet as a bounded markdown table: header and data rows, banner stripped,
sensitive columns (SSN, EIN, bank details) removed and anything shaped like an SSN masked.
This is what an optional LLM extractor or a reviewer sees; it never carries sensitive data.
"""

from __future__ import annotations

import datetime as dt
import re

from processing.layout.grid import row_is_empty
from processing.layout.roles import is_sensitive_header
from processing.layout.schema import Layout
from processing.values import clean_text
from processing.workbook import CellError, CellValue

MAX_ROWS = 500
MAX_COLUMNS = 60
_SSN_RE = re.compile(r"\b\d{3}-\d{2}-\d{4}\b|\b\*{3}-\*{2}-\d{4}\b|\bx{3}-x{2}-\d{4}\b", re.IGNORECASE)


def format_value(value: CellValue) -> str:
    if isinstance(value, CellError):
        return "#ERROR"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat() if isinstance(value, dt.date) else value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    text = clean_text(value)
    text = _SSN_RE.sub("[redacted]", text)
    return text.replace("|", "\\|")


def _sensitive_rows_and_columns(layout: Layout) -> tuple[set[int], set[int]]:
    sheet = layout.sheet
    columns = set(layout.sensitive_columns)
    rows: set[int] = set()
    for row in range(min(sheet.n_rows, MAX_ROWS + 50)):
        for col in range(min(len(sheet.rows[row]), MAX_COLUMNS)):
            value = sheet.value(row, col)
            if isinstance(value, str) and len(value) < 40 and is_sensitive_header(value):
                if row in layout.header_rows or layout.data_rows and row < layout.data_rows[0]:
                    columns.add(col)
                else:
                    rows.add(row)  # a label down the side: the whole row is sensitive
    return rows, columns


def sheet_markdown(layout: Layout) -> str:
    sheet = layout.sheet
    if sheet.n_rows == 0:
        return ""
    drop_rows, drop_columns = _sensitive_rows_and_columns(layout)
    start = layout.header_rows[0] if layout.header_rows else (layout.data_rows[0] if layout.data_rows else 0)
    if layout.family == "per_employee":
        start = 0  # the banner names the employee (and rate): without it the table is anonymous
    columns = [c for c in range(min(sheet.n_columns, MAX_COLUMNS)) if c not in drop_columns]
    rows = [r for r in range(start, sheet.n_rows) if r not in drop_rows and not row_is_empty(sheet, r)]
    rows = rows[: MAX_ROWS + 1]
    if not rows or not columns:
        return ""
    lines = []
    for index, row in enumerate(rows):
        cells = [format_value(sheet.merged_value(row, c) if row in layout.header_rows else sheet.value(row, c))
                 for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    return "\n".join(lines) + "\n"


__all__ = ["MAX_ROWS", "format_value", "sheet_markdown"]
