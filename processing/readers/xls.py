"""Legacy .xls (BIFF) through xlrd, which also gives hidden and merged cells.

``formatting_info=True`` is what makes xlrd keep merged ranges, row/column visibility
and each cell's number format; BIFF caps a sheet at 65,536 x 256 cells, so memory is
bounded whatever the file claims.
"""

from __future__ import annotations

import logging
import struct

import xlrd
from xlrd.biffh import XLRDError, error_text_from_code

from processing.errors import ENCRYPTED_FILE, InputError
from processing.readers.cells import CellCache, error_value
from processing.readers.limits import ReadLimits, check_cells, check_columns, check_rows, check_sheets, sheet_label
from processing.readers.number_formats import GENERAL, classify
from processing.readers.package import corrupt
from processing.readers.serials import convert_serial
from processing.workbook import EMPTY_CELL, Cell, Sheet

log = logging.getLogger(__name__)


def read_xls(data: bytes, limits: ReadLimits) -> tuple[list[Sheet], bool]:
    book = _open(data)
    try:
        check_sheets(book.nsheets, limits)
        date1904 = book.datemode == 1
        formats = _xf_formats(book)
        sheets = []
        cells = 0
        for index in range(book.nsheets):
            sheet = _read_sheet(book, index, formats, date1904, limits)
            cells += sum(len(row) for row in sheet.rows)
            check_cells(cells, limits)
            sheets.append(sheet)
    except InputError:
        raise
    except (
        XLRDError,
        AssertionError,
        IndexError,
        KeyError,
        ValueError,
        struct.error,
    ) as exc:
        log.info("xls sheet unreadable: %s", type(exc).__name__)
        raise corrupt() from None
    finally:
        book.release_resources()
    return sheets, date1904


def _open(data: bytes) -> xlrd.book.Book:
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_NullLog())
    except XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise InputError(
                ENCRYPTED_FILE,
                "The workbook is password-protected. Remove the password in Excel, save, and upload again.",
            ) from None
        log.info("xls unreadable: %s", type(exc).__name__)
        raise corrupt() from None
    except Exception as exc:  # noqa: BLE001 - xlrd raises assorted errors on damaged files
        log.info("xls unreadable: %s", type(exc).__name__)
        raise corrupt() from None


class _NullLog:
    """xlrd writes warnings (which can quote cell text) to a logfile; drop them."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        return None


def _xf_formats(book: xlrd.book.Book) -> list[str | None]:
    formats: list[str | None] = []
    for xf in book.xf_list:
        fmt = book.format_map.get(xf.format_key)
        code = fmt.format_str if fmt is not None else None
        formats.append(code if code and code != GENERAL else None)
    return formats


def _read_sheet(
    book: xlrd.book.Book,
    index: int,
    formats: list[str | None],
    date1904: bool,
    limits: ReadLimits,
) -> Sheet:
    sheet = book.sheet_by_index(index)
    check_rows(sheet_label(index), sheet.nrows, limits)
    check_columns(sheet_label(index), sheet.ncols, limits)
    cache = CellCache()
    rows: list[list[Cell]] = []
    for r in range(sheet.nrows):
        types = sheet.row_types(r)
        values = sheet.row_values(r)
        row: list[Cell] = []
        for c, (cell_type, value) in enumerate(zip(types, values, strict=True)):
            if cell_type in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                row.append(EMPTY_CELL)
                continue
            xf_index = sheet.cell_xf_index(r, c)
            number_format = formats[xf_index] if 0 <= xf_index < len(formats) else None
            if cell_type == xlrd.XL_CELL_ERROR:
                row.append(
                    Cell(
                        error_value(error_text_from_code.get(value, "#VALUE!")),
                        number_format,
                    )
                )
                continue
            if cell_type == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif cell_type in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE) and classify(number_format):
                value = convert_serial(value, number_format, date1904)
            elif cell_type == xlrd.XL_CELL_TEXT and value == "":
                row.append(EMPTY_CELL)
                continue
            row.append(cache.formatted(value, number_format) if number_format else cache.row([value])[0])
        rows.append(row)
    merged = [(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
    hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden and r < limits.max_rows}
    hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden and c < limits.max_columns}
    result = Sheet(
        name=sheet.name,
        index=index,
        rows=rows,
        hidden=sheet.visibility != 0,
        hidden_rows=hidden_rows,
        hidden_columns=hidden_columns,
        merged=merged,
    )
    book.unload_sheet(index)
    return result
