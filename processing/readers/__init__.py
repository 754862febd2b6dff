"""File readers: bytes of an uploaded spreadsheet -> ``processing.workbook.Workbook``.

    from processing.readers import read_workbook, ReadLimits
    workbook = read_workbook("week12.xlsx", data, ReadLimits.from_settings(settings))

The format is decided from the content (detect.py), never from the name alone. Every
refusal is an ``InputError`` with a stable code from processing.errors and a message
that says what to fix and never quotes cell contents.
"""

from __future__ import annotations

import hashlib

from processing.errors import NO_DATA, InputError
from processing.readers.detect import detect_format
from processing.readers.limits import ReadLimits, check_file_size
from processing.workbook import Sheet, Workbook

# The format readers are imported when a file of their format arrives: xlsx/xls pull in
# calamine, openpyxl's format table and xlrd, which a CSV never needs (the CLI starts faster).


def read_workbook(name: str, data: bytes, limits: ReadLimits | None = None) -> Workbook:
    limits = limits or ReadLimits()
    data = bytes(data)  # bytearray / memoryview from upload handlers; no copy for bytes
    check_file_size(len(data), limits)
    file_format = detect_format(name, data)
    encoding = delimiter = None
    date1904 = False
    if file_format in ("xlsx", "xlsm"):
        from processing.readers.xlsx import read_xlsx

        sheets, date1904 = read_xlsx(data, file_format, limits)
    elif file_format == "xls":
        from processing.readers.xls import read_xls

        sheets, date1904 = read_xls(data, limits)
    else:
        from processing.readers.csv_reader import read_csv

        sheet, encoding, delimiter = read_csv(name, data, limits)
        sheets = [sheet]
    if not any(_has_data(sheet) for sheet in sheets):
        raise InputError(
            NO_DATA,
            "The file has no filled-in cells"
            + (" on any sheet" if len(sheets) > 1 else "")
            + ". Check that you uploaded the saved timecard, not an empty template.",
        )
    return Workbook(
        name=name,
        format=file_format,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        sheets=sheets,
        date1904=date1904,
        encoding=encoding,
        delimiter=delimiter,
    )


def _has_data(sheet: Sheet) -> bool:
    for row in sheet.rows:
        for cell in row:
            value = cell.value
            if value is not None and not (isinstance(value, str) and not value.strip()):
                return True
    return False


__all__ = ["ReadLimits", "read_workbook"]
