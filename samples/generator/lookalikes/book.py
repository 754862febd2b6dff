"""An openpyxl workbook that remembers the cached value of every formula it is given.

Real payroll workbooks are saved by Excel, so every formula cell carries its last computed
value; readers take that cached value. openpyxl writes formulas without one, so each
``formula`` call records the value Excel would have cached and ``save`` writes it in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from samples.generator.writers import FIXED_ZIP_TIME, save_xlsx

# Formula results that are not numbers: the cell's type attribute says how to read <v>.
TEXT_RESULT = "str"
ERROR_RESULT = "e"

EXCEL_EPOCH = dt.date(1899, 12, 30)


def serial(day: dt.date) -> int:
    """The 1900-system serial Excel stores for a date (valid after 1 March 1900)."""
    return (day - EXCEL_EPOCH).days


def cached_text(value: object) -> str:
    """A numeric cached value as Excel writes it in <v>: dates as serials, floats in full."""
    if isinstance(value, dt.datetime):
        return str(serial(value.date()))
    if isinstance(value, dt.date):
        return str(serial(value))
    if isinstance(value, bool):
        raise TypeError("boolean cached values need t=\"b\"; not used by the samples")
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


class Book:
    """A workbook whose formula cells keep a numeric cached value."""

    def __init__(self) -> None:
        self.workbook = Workbook()
        self._first_unused = True
        self._cached: dict[str, dict[str, str]] = {}
        self._typed: dict[str, dict[str, tuple[str, str]]] = {}  # part -> ref -> (type, text)

    def sheet(self, title: str, state: str = "visible") -> Worksheet:
        if self._first_unused:
            ws = self.workbook.active
            ws.title = title
            self._first_unused = False
        else:
            ws = self.workbook.create_sheet(title)
        ws.sheet_state = state
        return ws

    def formula(self, ws: Worksheet, row: int, column: int, text: str, cached: object,
                number_format: str | None = None):
        """Write ``text`` (starting with '=') in a cell whose saved value is ``cached``."""
        cell = ws.cell(row=row, column=column, value=text)
        if number_format:
            cell.number_format = number_format
        part = f"xl/worksheets/sheet{self.workbook.worksheets.index(ws) + 1}.xml"
        if isinstance(cached, str):  # "" or a message: a text result; "#N/A" and the like: an error
            kind = ERROR_RESULT if cached.startswith("#") else TEXT_RESULT
            self._typed.setdefault(part, {})[cell.coordinate] = (kind, cached)
        else:
            self._cached.setdefault(part, {})[cell.coordinate] = cached_text(cached)
        return cell

    def save(self, path: Path) -> None:
        save_xlsx(self.workbook, path, cached=self._cached)
        if self._typed or path.suffix.lower() == ".xlsm":
            self._write_typed_results(path)

    def _write_typed_results(self, path: Path) -> None:
        """Give text and error formula results their cached value and cell type, as Excel saves them (and an
        .xlsm its macro-enabled content type)."""
        source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename in self._typed:
                    text = data.decode("utf-8")
                    for ref, (kind, value) in self._typed[item.filename].items():
                        escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        text = re.sub(rf'<c r="{ref}"([^>]*)>(<f>[^<]*</f>)<v ?/>',
                                      rf'<c r="{ref}"\g<1> t="{kind}">\g<2><v>{escaped}</v>', text)
                    data = text.encode("utf-8")
                if item.filename == "[Content_Types].xml" and path.suffix.lower() == ".xlsm":
                    # A macro-enabled workbook says so in its content types, as Excel writes an .xlsm.
                    data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = item.external_attr
                target.writestr(info, data)
        path.write_bytes(out.getvalue())


__all__ = ["Book", "cached_text", "serial"]
