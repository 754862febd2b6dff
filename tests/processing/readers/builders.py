"""Fixture files built at test time, so every test states the exact bytes it reads."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import openpyxl

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_bytes(build: Callable[[openpyxl.Workbook], None]) -> bytes:
    workbook = openpyxl.Workbook()
    build(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rewrite_parts(
    data: bytes,
    edits: dict[str, Callable[[bytes], bytes]],
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """Copy a zip, passing the named members through ``edits`` and adding ``extra`` ones."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in edits:
                content = edits[info.filename](content)
            target.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def with_sheet_xml(data: bytes, sheet_xml: str, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    return rewrite_parts(data, {part: lambda _old: sheet_xml.encode()})


def worksheet_xml(sheet_data: str, tail: str = "", head: str = "") -> str:
    return (
        f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{head}<sheetData>{sheet_data}</sheetData>{tail}</worksheet>'
    )


def single_sheet_xlsx(sheet_data: str, tail: str = "", head: str = "") -> bytes:
    """A one-sheet workbook (saved by openpyxl) whose sheet XML is exactly as given."""
    base = xlsx_bytes(lambda wb: wb.active.__setattr__("title", "Data"))
    return with_sheet_xml(base, worksheet_xml(sheet_data, tail, head))


def set_cached_value(data: bytes, ref: str, value: str, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """Give an openpyxl-written formula cell (no cached value) the value Excel would have saved."""

    def edit(xml: bytes) -> bytes:
        pattern = re.compile(rb'(<c r="' + ref.encode() + rb'"[^>]*>\s*<f>.*?</f>)\s*<v\s*/>', re.DOTALL)
        new, count = pattern.subn(rb"\1<v>" + value.encode() + rb"</v>", xml)
        assert count == 1, f"no uncached formula at {ref}"
        return new

    return rewrite_parts(data, {part: edit})


def xls_bytes(build: Callable[[object], None]) -> bytes:
    import xlwt

    book = xlwt.Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ole2_with_stream_named(name: str) -> bytes:
    """A real OLE2 container (written by xlwt) whose one stream is renamed to ``name``.

    Enough to stand in for an encrypted OOXML file (stream "EncryptedPackage") or a Word
    document ("WordDocument") without needing Office to make one.
    """
    data = bytearray(xls_bytes(lambda book: book.add_sheet("S").write(0, 0, 1)))
    old = "Workbook".encode("utf-16-le") + b"\x00\x00"
    at = data.find(old)
    assert at > 0
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    assert len(encoded) <= 64
    data[at : at + 64] = encoded.ljust(64, b"\x00")
    data[at + 64 : at + 66] = len(encoded).to_bytes(2, "little")
    return bytes(data)
