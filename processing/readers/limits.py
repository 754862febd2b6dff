"""How much a single upload may make the readers do, and the checks that enforce it.

Every check here runs on cheap facts (byte length, declared sizes, cell references)
before a parser materialises anything, so that a hostile or oversized file is refused
in milliseconds instead of exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from processing.errors import (
    FILE_TOO_LARGE,
    TOO_MANY_CELLS,
    TOO_MANY_COLUMNS,
    TOO_MANY_ROWS,
    TOO_MANY_SHEETS,
    InputError,
)

if TYPE_CHECKING:
    from core.operational_settings import OperationalSettings

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 16 * MIB
    max_uncompressed_bytes: int = 200 * MIB
    max_rows: int = 200_000
    max_columns: int = 1_000
    # Filled cells in the whole workbook (not the rectangle they span): what memory and
    # extraction time follow. 200k punch rows x 10 columns is 2M.
    max_cells: int = 5_000_000
    # Sheets in one workbook; each costs a layout detection and, for a per-employee
    # workbook, one timecard. A one-sheet-per-employee file for a 200-person crew fits.
    max_sheets: int = 250

    @classmethod
    def from_settings(cls, settings: OperationalSettings) -> ReadLimits:
        return cls(
            max_bytes=settings.upload_size_limit_mb * MIB,
            max_uncompressed_bytes=settings.max_uncompressed_mb * MIB,
            max_rows=settings.max_rows_per_sheet,
            max_columns=settings.max_columns_per_sheet,
        )


def _mib(n: int) -> str:
    return f"{n / MIB:.1f} MB"


def check_file_size(size: int, limits: ReadLimits) -> None:
    if size > limits.max_bytes:
        raise InputError(
            FILE_TOO_LARGE,
            f"The file is {_mib(size)}; the limit is {_mib(limits.max_bytes)}. "
            "Split it into smaller files (for example one pay period per file).",
        )


def sheet_label(index: int) -> str:
    """How messages name a sheet: by position, because sheet names are often employee
    names (one sheet per person) and messages must not echo personal data."""
    return f"Sheet {index + 1}"


def check_rows(sheet_label: str, n_rows: int, limits: ReadLimits) -> None:
    if n_rows > limits.max_rows:
        raise InputError(
            TOO_MANY_ROWS,
            f"{sheet_label} reaches row {n_rows}; the limit is {limits.max_rows} rows per sheet. "
            "Delete unused rows at the bottom or split the sheet.",
        )


def check_cells(n_cells: int, limits: ReadLimits) -> None:
    if n_cells > limits.max_cells:
        raise InputError(
            TOO_MANY_CELLS,
            f"The file has {n_cells:,} filled cells; the limit is {limits.max_cells:,}. "
            "Split it into smaller files (for example one pay period or one crew per file).",
        )


def check_sheets(n_sheets: int, limits: ReadLimits) -> None:
    if n_sheets > limits.max_sheets:
        raise InputError(
            TOO_MANY_SHEETS,
            f"The workbook has {n_sheets} sheets; the limit is {limits.max_sheets}. "
            "Delete unused or hidden sheets, or split the workbook into several files.",
        )


def check_columns(sheet_label: str, n_columns: int, limits: ReadLimits) -> None:
    if n_columns > limits.max_columns:
        raise InputError(
            TOO_MANY_COLUMNS,
            f"{sheet_label} reaches column {n_columns}; the limit is {limits.max_columns} columns "
            "per sheet. Delete unused columns on the right or split the sheet.",
        )
