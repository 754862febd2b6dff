"""Fixture files built at test time, so every test states the exact bytes it reads."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
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


MIB = 1 << 20


def lying_zip(members: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    """A zip written byte by byte: (name, payload, method, crc, compressed size, declared size)."""
    out, central = bytearray(), bytearray()
    for name, payload, method, crc, compressed, declared in members:
        offset, encoded = len(out), name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, compressed, declared, len(encoded), 0)
        out += encoded + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, compressed, declared,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    directory = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), directory, 0)
    return bytes(out)


def deflate(content: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def lying_workbook(real_sheet_size: int, declared_sheet_size: int) -> bytes:
    """A real workbook whose sheet part inflates to ``real_sheet_size`` bytes of XML but
    declares ``declared_sheet_size``."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(lambda wb: wb.active.append(["a", 1]))))
    head = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1"><v>1</v></c></row>')
    tail = b"</sheetData></worksheet>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload, crc = packer.compress(head), zlib.crc32(head)
    padding = b" " * MIB
    for _ in range((real_sheet_size - len(head) - len(tail)) // MIB):
        payload += packer.compress(padding)
        crc = zlib.crc32(padding, crc)
    payload += packer.compress(tail) + packer.flush()
    crc = zlib.crc32(tail, crc)
    members = []
    for info in source.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            members.append((info.filename, payload, 8, crc, len(payload), declared_sheet_size))
        else:
            content = source.read(info.filename)
            packed = deflate(content)
            members.append((info.filename, packed, 8, zlib.crc32(content), len(packed), len(content)))
    return lying_zip(members)
