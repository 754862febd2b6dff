"""The reader's output: every sheet of a file as a grid of typed cells.

Readers (processing/readers/) produce it; layout detection and extraction consume it.
Row and column indexes are 0-based here; spreadsheet row numbers shown to people are
``row + 1``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CellError:
    """An Excel error value (#REF!, #DIV/0!, #VALUE! ...). Never a number."""

    code: str


CellValue = None | str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | CellError


@dataclass(frozen=True)
class Cell:
    value: CellValue = None
    number_format: str | None = None
    formula: str | None = None  # the formula text when the cell had one ("=B2+1")


EMPTY_CELL = Cell()


@dataclass
class Sheet:
    name: str
    index: int
    rows: list[list[Cell]]  # ragged allowed; missing cells are empty
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    # merged ranges as (first_row, first_col, last_row, last_col), inclusive, 0-based;
    # the value sits in the top-left cell only, as in the file.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, col: int) -> Cell:
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return EMPTY_CELL

    def value(self, row: int, col: int) -> CellValue:
        return self.cell(row, col).value

    def merged_value(self, row: int, col: int) -> CellValue:
        """The value shown at (row, col): a merged range's top-left value anywhere inside it."""
        for r0, c0, r1, c1 in self.merged:
            if r0 <= row <= r1 and c0 <= col <= c1:
                return self.value(r0, c0)
        return self.value(row, col)


@dataclass
class Workbook:
    name: str
    format: str  # "xlsx" | "xlsm" | "xls" | "csv"
    sha256: str
    size: int
    sheets: list[Sheet]
    date1904: bool = False
    encoding: str | None = None  # csv only
    delimiter: str | None = None  # csv only


__all__ = ["Cell", "CellError", "CellValue", "EMPTY_CELL", "Sheet", "Workbook"]
