"""A spreadsheet's bytes -> the detected model and its rows keyed by canonical field.

CSV, xlsx and xls all go through ``processing.readers.read_workbook``; the first sheet with
data is the table. Row numbers are the ones a person sees in the file (header = row 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from processing.onboarding.detect import Detection, detect_model
from processing.onboarding.validation import RawRow, is_blank
from processing.readers import ReadLimits, read_workbook
from processing.workbook import CellError, Sheet


@dataclass
class ParsedFile:
    detection: Detection
    rows: list[RawRow]
    sha256: str
    format: str


def sheet_values(sheet: Sheet) -> list[list[Any]]:
    # An Excel error cell (#REF!) is no value: it is reported as a blank (REQUIRED or skipped).
    return [[None if isinstance(c.value, CellError) else c.value for c in row] for row in sheet.rows]


def first_table(sheets: list[Sheet]) -> list[list[Any]]:
    for sheet in sheets:
        values = sheet_values(sheet)
        if any(not is_blank(v) for row in values for v in row):
            return values
    return []


def rows_for(detection: Detection, grid: list[list[Any]]) -> list[RawRow]:
    start = 1 if detection.has_header else 0
    rows = []
    for index in range(start, len(grid)):
        cells = grid[index]
        if all(is_blank(v) for v in cells):
            continue  # blank lines are not rows
        mapped = {name: cells[col] for col, name in enumerate(detection.columns) if name and col < len(cells)}
        rows.append(RawRow(index + 1, mapped))
    return rows


def parse_file(name: str, data: bytes, *, model: str | None = None, limits: ReadLimits | None = None) -> ParsedFile:
    """Raises InputError (unreadable file), DetectionError or UnknownModel."""
    workbook = read_workbook(name, data, limits)
    grid = first_table(workbook.sheets)
    detection = detect_model(grid, name, forced=model)
    return ParsedFile(detection, rows_for(detection, grid), workbook.sha256, workbook.format)


__all__ = ["ParsedFile", "first_table", "parse_file", "rows_for", "sheet_values"]
