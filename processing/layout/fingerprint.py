"""Layout fingerprints: the key under which a reviewer-confirmed column mapping is stored.

Two files share a fingerprint when their header rows read the same in the same places,
whatever the dates in them: next week's file of the same template maps the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from processing.layout.grid import date_at, non_empty_columns
from processing.layout.roles import normalize_header
from processing.values import clean_text
from processing.workbook import CellError, Sheet


def _token(sheet: Sheet, row: int, col: int) -> str:
    value = sheet.merged_value(row, col)
    if isinstance(value, CellError):
        return "<error>"
    if date_at(sheet, row, col) is not None or (sheet.cell(row, col).formula and value is None):
        return "<date>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "<n>"
    text = normalize_header(clean_text(value))
    return re.sub(r"\d+", "<n>", text)


def fingerprint(sheet: Sheet, header_rows: Iterable[int]) -> str:
    """A stable hash of the normalized header texts and their positions.

    ``header_rows`` are 0-based row indexes (as in processing.workbook). Dates and numbers
    in headers are replaced by placeholders, so the week a file covers does not matter.
    """
    parts: list[str] = []
    for offset, row in enumerate(sorted(header_rows)):
        for col in non_empty_columns(sheet, row):
            token = _token(sheet, row, col)
            if token:
                parts.append(f"{offset}:{col}:{token}")
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()
    return digest[:24]


__all__ = ["fingerprint"]
