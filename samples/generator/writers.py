"""Writing sample files byte-for-byte reproducibly (fixed zip timestamps and document dates)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

FIXED_ZIP_TIME = (2026, 1, 5, 9, 0, 0)
FIXED_ISO = "2026-01-05T09:00:00Z"


def save_xlsx(workbook: Workbook, path: Path, cached: dict[str, dict[str, str]] | None = None) -> None:
    """Save, then rewrite the zip with fixed timestamps so the bytes never change between runs.

    ``cached`` ({sheet part: {cell ref: value}}) stores a cached result in formula cells, as
    Excel does when it saves; openpyxl alone writes formulas with no cached value."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if cached and item.filename in cached:
                text = data.decode("utf-8")
                for ref, value in cached[item.filename].items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v ?/>', rf"\g<1>\g<2><v>{value}</v>", text)
                data = text.encode("utf-8")
            if item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", rf"\g<1>{FIXED_ISO}\g<3>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, data)
    path.write_bytes(out.getvalue())


def save_csv(rows: list[list[object]], path: Path, *, encoding: str = "utf-8", delimiter: str = ",",
             bom: bool = False) -> None:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    data = text.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


__all__ = ["save_csv", "save_xlsx"]
