"""Small helpers every family extractor shares: reading a day cell, spotting total rows."""

from __future__ import annotations

import re
from decimal import Decimal

from processing.layout.grid import column_letter
from processing.model import SourceRef
from processing.values import clean_text, is_worked_marker, parse_duration_hours, parse_money, to_decimal
from processing.workbook import Cell, CellError

_TOTAL_RE = re.compile(r"^(grand\s+)?(sub\s*-?\s*)?totals?\b|^week(ly)?\s+total|^sum\b|^total\s", re.IGNORECASE)


def is_total_label(text: object) -> bool:
    return bool(_TOTAL_RE.match(clean_text(text)))


def source(sheet: str, row: int, col: int | None = None) -> SourceRef:
    return SourceRef(sheet=sheet, row=row + 1, column=column_letter(col) if col is not None else None)


def is_duration_format(cell: Cell) -> bool:
    """A number formatted as [h]:mm or h:mm is a fraction of a day, not hours."""
    fmt = (cell.number_format or "").lower()
    return "h" in fmt and ":" in fmt and "m" in fmt


def cell_hours(cell: Cell) -> Decimal | None:
    if isinstance(cell.value, CellError):
        return None
    return parse_duration_hours(cell.value, fraction_of_day=is_duration_format(cell)
                                and isinstance(cell.value, (int, float)) and cell.value < 2)


def cell_money(cell: Cell) -> Decimal | None:
    if isinstance(cell.value, CellError):
        return None
    return parse_money(cell.value)


def cell_number(cell: Cell) -> Decimal | None:
    """A plain or currency number in a cell ('$250', '8.5', 1)."""
    if isinstance(cell.value, CellError):
        return None
    value = to_decimal(cell.value)
    return value if value is not None else parse_money(cell.value)


def cell_is_worked_marker(cell: Cell) -> bool:
    return is_worked_marker(cell.value)


__all__ = ["cell_hours", "cell_is_worked_marker", "cell_money", "cell_number", "is_duration_format",
           "is_total_label", "source"]
