"""Turning raw parser values into ``Cell`` objects, cheaply.

A 50k-row sheet has ~350k cells, and constructing a frozen dataclass costs about 2 us, more
than calamine spends per cell. Cells are immutable, so identical plain values (the same
name, date, rate or "OFF" repeated down a column) share one instance.
"""

from __future__ import annotations

import math
import sys
from typing import Any

from processing.workbook import EMPTY_CELL, Cell, CellError

EXCEL_ERROR_CODES = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)
# What an uncomputable formula becomes: Excel's own "value not available".
UNAVAILABLE = CellError("#N/A")
# What a number Excel itself could never compute with becomes (NaN, an infinity, a
# subnormal such as 5e-324, all writable into a file by other tools): Excel's "#NUM!",
# which the extraction reports as an unreadable cell instead of reading it as 0 or blank.
INVALID_NUMBER = CellError("#NUM!")
_SMALLEST_NORMAL_FLOAT = sys.float_info.min


def checked_number(value: float) -> float | CellError:
    """``value`` itself, or INVALID_NUMBER when no spreadsheet could hold it."""
    if math.isfinite(value) and (value == 0 or abs(value) >= _SMALLEST_NORMAL_FLOAT):
        return value
    return INVALID_NUMBER


def error_value(code: str) -> CellError:
    code = code.strip().upper()
    return CellError(code if code in EXCEL_ERROR_CODES else "#VALUE!")


class CellCache:
    """Shares one Cell per distinct plain value within a read."""

    def __init__(self) -> None:
        # One dict per value type: 1 == 1.0 == True share a hash, and a shared Cell must
        # hold exactly the parser's value. Per-type dicts also avoid building a key tuple
        # per cell, which is most of the cost of this loop.
        self._by_type: dict[type, dict[Any, Cell]] = {}
        self._formatted: dict[tuple[type, Any, str], Cell] = {}

    def row(self, values: list[Any]) -> list[Cell]:
        by_type = self._by_type
        out: list[Cell] = []
        append = out.append
        for value in values:
            if value == "" or value is None:
                append(EMPTY_CELL)
                continue
            kind = type(value)
            cells = by_type.get(kind)
            if cells is None:
                cells = by_type[kind] = {}
            cell = cells.get(value)
            if cell is None:
                # Checked once per distinct value (a cache miss), not once per cell.
                plain = checked_number(value) if kind is float else value
                cell = cells[value] = Cell(plain)
            append(cell)
        return out

    def formatted(self, value: Any, number_format: str) -> Cell:
        key = (type(value), value, number_format)
        cell = self._formatted.get(key)
        if cell is None:
            plain = checked_number(value) if type(value) is float else value
            cell = self._formatted[key] = Cell(plain, number_format)
        return cell
