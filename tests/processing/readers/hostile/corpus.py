"""A corpus of hostile and broken spreadsheet files, generated at test time.

    .venv/bin/python -m tests.processing.readers.hostile.corpus OUTDIR    # write every file

Each ``HostileFile`` names what it attacks and what a correct pipeline does with it: read
it (``READ``: exit 0 with a result) or refuse it with one of the stable codes given. The
expectations follow from how each file is built, never from running the program. Files
hold a marker (``SECRET``) in cells, names or sheet names, which no error message may echo.

Classes: empty and tiny files; binary junk; markup saved as .xls; zips that are not
workbooks; truncated and bit-flipped workbooks; decompression bombs and zips lying about
sizes, encryption or compression; OLE2 containers; far-apart cells and lying dimensions;
numbers and dates no timecard holds; formulas; CSV encodings and CSV abuse; XML entity
tricks; many sheets; styles, shared strings and merges out of range.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from processing import errors
from tests.processing.readers.builders import (
    MAIN_NS,
    MIB,
    deflate,
    lying_workbook,
    lying_zip,
    ole2_with_stream_named,
    rewrite_parts,
    single_sheet_xlsx,
    with_sheet_xml,
    worksheet_xml,
    xls_bytes,
    xlsx_bytes,
)

SECRET = "SSN 123-45-6789"
READ = "READ"  # the file must be read: exit 0 with a result
# Refusals the readers give for damaged input; which one depends on where the damage falls.
DAMAGED = frozenset({errors.CORRUPT_FILE, errors.UNSUPPORTED_FORMAT, errors.DECOMPRESSION_LIMIT, errors.NO_DATA,
                     errors.UNRECOGNIZED_LAYOUT, errors.ENCRYPTED_FILE, errors.EMPTY_FILE})
NOTHING_TO_READ = frozenset({errors.NO_DATA, errors.UNRECOGNIZED_LAYOUT})


@dataclass(frozen=True)
class HostileFile:
    name: str  # the file name, also the test id
    attack: str  # what it tries, in a few words
    build: Callable[[], bytes]
    accept: frozenset[str]  # READ and/or stable error codes

    def bytes(self) -> bytes:
        return self.build()


# --------------------------------------------------------------------------- base files


def timecard_xlsx(rows: int = 5, stray: str | None = None, extra: Callable | None = None) -> bytes:
    """A long-format timecard: Employee / Date / Hours / Rate, one row per day."""

    def build(wb):
        ws = wb.active
        ws.title = "Week"
        ws.append(["Employee", "Date", "Hours", "Rate", "Note"])
        for index in range(rows):
            ws.append([f"Worker {index % 3}", dt.date(2026, 3, 2) + dt.timedelta(days=index % 5), 8, 20, SECRET])
        if stray:
            ws[stray] = SECRET
        if extra:
            extra(wb)

    return xlsx_bytes(build)


def timecard_csv(rows: int = 5, encoding: str = "utf-8", bom: bool = False) -> bytes:
    lines = ["Employee,Date,Hours,Rate,Note"]
    lines += [f"Worker {i % 3},03/{2 + i % 5:02d}/2026,8,20,{SECRET}" for i in range(rows)]
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding] + data
    return data


def timecard_xls() -> bytes:
    def build(book):
        sheet = book.add_sheet("Week")
        for col, title in enumerate(["Employee", "Date", "Hours", "Rate"]):
            sheet.write(0, col, title)
        for row in range(1, 6):
            sheet.write(row, 0, f"Worker {row % 3}")
            sheet.write(row, 1, f"03/0{1 + row}/2026")
            sheet.write(row, 2, 8)
            sheet.write(row, 3, 20)

    return xls_bytes(build)


_HEADER = "".join(
    f'<c r="{col}1" t="inlineStr"><is><t>{title}</t></is></c>'
    for col, title in zip("ABCD", ["Employee", "Date", "Hours", "Rate"], strict=True)
)


def timecard_rows_xml(values: list[tuple[str, str, str]]) -> str:
    """Sheet XML rows under the header: (date serial, hours, rate) as raw <v> texts."""
    rows = [f'<row r="1">{_HEADER}</row>']
    for index, (date, hours, rate) in enumerate(values, start=2):
        rows.append(
            f'<row r="{index}"><c r="A{index}" t="inlineStr"><is><t>Worker {index}</t></is></c>'
            f'<c r="B{index}"><v>{date}</v></c><c r="C{index}"><v>{hours}</v></c><c r="D{index}"><v>{rate}</v></c></row>'
        )
    return "".join(rows)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _flag_encrypted(data: bytes) -> bytes:
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset] |= 0x1
            at = out.find(signature, at + 4)
    return bytes(out)


def _set_method(data: bytes, method: int) -> bytes:
    """Claim another compression method (bzip2 = 12, lzma = 14, unknown = 99) for every member."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset : at + offset + 2] = method.to_bytes(2, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def _flip(data: bytes, fraction: float, seed: int) -> bytes:
    """Overwrite 64 bytes at ``fraction`` of the file with noise."""
    rnd = random.Random(seed)
    out = bytearray(data)
    at = int(len(out) * fraction)
    for i in range(at, min(at + 64, len(out))):
        out[i] = rnd.randrange(256)
    return bytes(out)


def _zero_bomb(megabytes: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(timecard_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with archive.open(info.filename, "w", force_zip64=True) as member:
                    for _ in range(megabytes):
                        member.write(bytes(MIB))
            else:
                archive.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def _many_sheets(count: int, hidden: bool = False) -> bytes:
    """``count`` one-day timesheets, written as raw parts (openpyxl takes seconds for 1,000)."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_type = f"{rel}/worksheet"
    sheet_xml = worksheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Hours</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2026-03-02</t></is></c><c r="B2"><v>8</v></c></row>'
    ).encode()
    sheets = "".join(
        f'<sheet name="{SECRET[:4]} {index}" sheetId="{index + 1}" r:id="rId{index + 1}"'
        + (' state="hidden"' if hidden and index else "") + "/>"
        for index in range(count)
    )
    members = {
        "[Content_Types].xml": (
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": f'<workbook xmlns="{MAIN_NS}" xmlns:r="{rel}"><sheets>{sheets}</sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="{sheet_type}" Target="worksheets/sheet{i + 1}.xml"/>'
                      for i in range(count))
            + "</Relationships>"
        ).encode(),
    }
    for index in range(count):
        members[f"xl/worksheets/sheet{index + 1}.xml"] = sheet_xml
    return _zip(members)


def _billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol" + (str(i - 1) if i > 1 else "") + ";"}' + ("&lol" + (str(i - 1) if i > 1 else "") + ";") * 9 + '">'
        for i in range(1, 10)
    )
    xml = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
           f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
           "</row></sheetData></worksheet>")
    return with_sheet_xml(timecard_xlsx(), xml)


def _external_entity() -> bytes:
    xml = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c>'
           "</row></sheetData></worksheet>")
    return with_sheet_xml(timecard_xlsx(), xml)


def _formula_sheet(formulas: dict[str, str]) -> bytes:
    def build(wb):
        ws = wb.active
        ws.append(["Employee", "Date", "Hours", "Rate", "Pay"])
        for row in range(2, 7):
            ws.append([f"Worker {row}", dt.date(2026, 3, row), 8, 20, f"=C{row}*D{row}"])
        for ref, formula in formulas.items():
            ws[ref] = formula

    return xlsx_bytes(build)


def _styles_edit(edit: Callable[[bytes], bytes]) -> bytes:
    return rewrite_parts(timecard_xlsx(), {"xl/styles.xml": edit})


def _shared_strings_xlsx(sst: str, cells: str) -> bytes:
    base = single_sheet_xlsx(cells)
    source = zipfile.ZipFile(io.BytesIO(base))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    members["xl/sharedStrings.xml"] = sst.encode()
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    return _zip(members)


def _merges(ranges: list[str]) -> bytes:
    tail = f'<mergeCells count="{len(ranges)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in ranges) + "</mergeCells>"
    return single_sheet_xlsx(timecard_rows_xml([("46083", "8", "20")] * 5), tail=tail)


def _punch_csv(rows: int, people: int) -> bytes:
    lines = ["Employee ID,Name,Date,Time In,Time Out,Break,Rate"]
    for i in range(rows):
        person = i % people
        day = dt.date(2026, 3, 2) + dt.timedelta(days=(i // people) % 7)
        lines.append(f"E{person:05d},Person {person},{day:%m/%d/%Y},08:00,16:30,30,{20 + person % 10}.00")
    return ("\n".join(lines) + "\n").encode()


# --------------------------------------------------------------------------- the corpus


def _files() -> Iterator[HostileFile]:
    any_damage = DAMAGED | {READ}

    # empty and tiny
    yield HostileFile("empty.xlsx", "0 bytes", lambda: b"", frozenset({errors.EMPTY_FILE}))
    yield HostileFile("empty.csv", "0 bytes", lambda: b"", frozenset({errors.EMPTY_FILE}))
    yield HostileFile("one-byte.csv", "1 byte", lambda: b"x", NOTHING_TO_READ)
    yield HostileFile("whitespace.csv", "blanks only", lambda: b" \r\n\t\r\n" * 50, frozenset({errors.NO_DATA}))
    yield HostileFile("bom-only.csv", "a UTF-8 BOM and nothing", lambda: b"\xef\xbb\xbf", frozenset({errors.NO_DATA}))
    yield HostileFile("separators.csv", "delimiters only", lambda: b",,,,\n,,\n" * 100, frozenset({errors.NO_DATA}))
    yield HostileFile("pk-only.xlsx", "zip magic, no zip", lambda: b"PK\x03\x04", frozenset({errors.CORRUPT_FILE}))
    yield HostileFile("ole-only.xls", "OLE2 magic, no container", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                      frozenset({errors.CORRUPT_FILE}))
    yield HostileFile("empty-zip.xlsx", "an empty zip archive", lambda: _zip({}),
                      frozenset({errors.CORRUPT_FILE, errors.UNSUPPORTED_FORMAT}))

    # binary junk under every name
    for seed in range(10):
        for suffix in ("csv", "xlsx", "xls"):
            def junk(seed=seed) -> bytes:
                rnd = random.Random(seed)
                return bytes(rnd.randrange(256) for _ in range(20_000))

            yield HostileFile(f"junk-{seed}.{suffix}", "random bytes", junk, frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("junk-no-nul.csv", "binary without NUL bytes",
                      lambda: bytes(1 + (i * 37 + 11) % 255 for i in range(20_000)), frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("png-named.xlsx", "an image renamed", lambda: b"\x89PNG\r\n\x1a\n" + bytes(2000),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("pdf-named.csv", "a PDF renamed", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20,
                      frozenset({errors.UNSUPPORTED_FORMAT}))

    # markup saved as spreadsheets
    for suffix in ("xls", "xlsx", "csv"):
        yield HostileFile(f"html-page.{suffix}", "a web page under a spreadsheet name",
                          lambda: f"<html><body><table><tr><td>{SECRET}</td></tr></table></body></html>".encode(),
                          frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("xml-2003.xls", "an XML Spreadsheet 2003 file",
                      lambda: f'<?xml version="1.0"?><Workbook><Worksheet><Table><Row><Cell>{SECRET}</Cell></Row>'
                              "</Table></Worksheet></Workbook>".encode(), frozenset({errors.UNSUPPORTED_FORMAT}))

    # zips that are not workbooks
    yield HostileFile("plain-zip.xlsx", "a zip of text files", lambda: _zip({"readme.txt": SECRET.encode()}),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("ods.xlsx", "an OpenDocument spreadsheet",
                      lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                    "content.xml": b"<x/>"}, zipfile.ZIP_STORED), frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("xlsb.xlsx", "a binary workbook", lambda: _zip({"xl/workbook.bin": b"\x00" * 100}),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("docx.xlsx", "a Word document", lambda: _zip({"word/document.xml": b"<w/>"}),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("nested-zip.xlsx", "a workbook inside a zip", lambda: _zip({"inner.xlsx": timecard_xlsx()}),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("workbook-without-sheets.xlsx", "a workbook part and nothing else",
                      lambda: _zip({"xl/workbook.xml": f'<workbook xmlns="{MAIN_NS}"/>'.encode()}),
                      frozenset({errors.NO_DATA, errors.CORRUPT_FILE}))

    # truncated and damaged workbooks: every cut point is refused or (rarely) still reads
    for fraction in (0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97, 0.995):
        yield HostileFile(f"truncated-{int(fraction * 1000):03d}.xlsx", "cut short",
                          lambda f=fraction: (lambda d: d[: int(len(d) * f)])(timecard_xlsx(40)), DAMAGED)
        yield HostileFile(f"truncated-{int(fraction * 1000):03d}.xls", "cut short",
                          lambda f=fraction: (lambda d: d[: int(len(d) * f)])(timecard_xls()), DAMAGED)
        yield HostileFile(f"truncated-{int(fraction * 1000):03d}.csv", "cut short",
                          lambda f=fraction: (lambda d: d[: max(1, int(len(d) * f))])(timecard_csv(40)),
                          any_damage)
    for index in range(20):
        yield HostileFile(f"flipped-{index:02d}.xlsx", "64 noisy bytes inside the zip",
                          lambda i=index: _flip(timecard_xlsx(40), (i + 0.5) / 20, i), any_damage)
    for index in range(8):
        yield HostileFile(f"flipped-{index:02d}.xls", "64 noisy bytes inside the OLE2 container",
                          lambda i=index: _flip(timecard_xls(), (i + 0.5) / 8, i), any_damage)

    # decompression bombs and lying zips
    yield HostileFile("bomb-300mb.xlsx", "300 MB of zeros in 1.4 MB", lambda: _zero_bomb(300),
                      frozenset({errors.DECOMPRESSION_LIMIT}))
    yield HostileFile("bomb-ratio.xlsx", "40 MB of zeros: a ratio no sheet has", lambda: _zero_bomb(40),
                      frozenset({errors.DECOMPRESSION_LIMIT}))
    for real_mb in (8, 64, 200):
        yield HostileFile(f"lying-size-{real_mb}mb.xlsx", "a part declaring 50 KB that inflates further",
                          lambda r=real_mb: lying_workbook(r * MIB, 50_000), frozenset({errors.DECOMPRESSION_LIMIT}))
    yield HostileFile("lying-bigger.xlsx", "a part declaring more than it holds",
                      lambda: lying_workbook(2 * MIB, 3 * MIB), frozenset({errors.CORRUPT_FILE, errors.DECOMPRESSION_LIMIT}))
    yield HostileFile("lying-compressed-size.xlsx", "a compressed size past the end of the file",
                      lambda: _lying_compressed_size(), DAMAGED | {READ})  # the data itself is intact
    yield HostileFile("lying-content-types.xlsx", "[Content_Types].xml inflating past its size",
                      lambda: _lying_content_types(), frozenset({errors.DECOMPRESSION_LIMIT}))
    yield HostileFile("encrypted-flag.xlsx", "zip members flagged encrypted", lambda: _flag_encrypted(timecard_xlsx()),
                      frozenset({errors.ENCRYPTED_FILE}))
    for method in (12, 14, 99):
        yield HostileFile(f"method-{method}.xlsx", "a compression method no spreadsheet uses",
                          lambda m=method: _set_method(timecard_xlsx(), m), DAMAGED)
    yield HostileFile("declared-total.xlsx", "declared sizes past the unpacked limit", lambda: _declared_total(),
                      frozenset({errors.DECOMPRESSION_LIMIT, errors.CORRUPT_FILE}))

    # OLE2 containers
    yield HostileFile("encrypted-ooxml.xlsx", "an encrypted OOXML package",
                      lambda: ole2_with_stream_named("EncryptedPackage"), frozenset({errors.ENCRYPTED_FILE}))
    yield HostileFile("encrypted-cut.xlsx", "an encrypted package cut short",
                      lambda: (lambda d: d[: d.find("EncryptedPackage".encode("utf-16-le")) + 40])(
                          ole2_with_stream_named("EncryptedPackage")), frozenset({errors.ENCRYPTED_FILE}))
    yield HostileFile("word.xls", "a Word document", lambda: ole2_with_stream_named("WordDocument"),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("ole-junk.xls", "OLE2 magic then noise",
                      lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(random.Random(5).randrange(256) for _ in range(9000)),
                      frozenset({errors.CORRUPT_FILE}))

    # far-apart cells and lying dimensions
    far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="200000"><c r="ALL200000"><v>2</v></c></row>'
    yield HostileFile("far-cells.xlsx", "A1 and ALL200000 under a dimension of A1:XFD200000",
                      lambda: single_sheet_xlsx(far, head='<dimension ref="A1:XFD200000"/>'), NOTHING_TO_READ)
    yield HostileFile("far-cells-corners.xlsx", "cells in the four corners of the limits",
                      lambda: single_sheet_xlsx(
                          '<row r="1"><c r="A1"><v>1</v></c><c r="ALL1"><v>1</v></c></row>'
                          '<row r="200000"><c r="A200000"><v>1</v></c><c r="ALL200000"><v>1</v></c></row>'),
                      NOTHING_TO_READ)
    yield HostileFile("xfd-1048576.xlsx", "the last cell Excel has",
                      lambda: single_sheet_xlsx('<row r="1"><c r="A1"><v>1</v></c></row>'
                                                '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
                      frozenset({errors.TOO_MANY_ROWS, errors.TOO_MANY_COLUMNS}))
    yield HostileFile("dimension-lie.xlsx", "two cells under a dimension of the whole sheet",
                      lambda: single_sheet_xlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>',
                                                head='<dimension ref="A1:XFD1048576"/>'), NOTHING_TO_READ)
    yield HostileFile("claim-xfd100000.xlsx", "cells across 100,000 rows and 1,000 columns",
                      lambda: single_sheet_xlsx("".join(
                          f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="ALL{r}"><v>{r}</v></c></row>'
                          for r in range(1, 100_001, 2000)), head='<dimension ref="A1:XFD100000"/>'), NOTHING_TO_READ)
    for stray in ("ALL199000", "ZZ150000", "K100000", "ALL6", "A199999"):
        yield HostileFile(f"timecard-stray-{stray}.xlsx", "a real timecard with one stray far cell",
                          lambda s=stray: timecard_xlsx(stray=s), frozenset({READ}))
    yield HostileFile("styled-far-rows.xlsx", "formatted empty cells to row 900,000",
                      lambda: single_sheet_xlsx(timecard_rows_xml([("46083", "8", "20")] * 5)
                                                + '<row r="900000"><c r="A900000" s="0"/></row>'), frozenset({READ}))
    yield HostileFile("hidden-everything.xlsx", "hidden rows and columns to the limits",
                      lambda: single_sheet_xlsx(timecard_rows_xml([("46083", "8", "20")] * 5)
                                                + "".join(f'<row r="{r}" hidden="1"/>' for r in range(10, 5000)),
                                                head='<cols><col min="6" max="16384" hidden="1"/></cols>'), frozenset({READ}))

    # numbers and dates no timecard holds
    for label, hours, rate in (("nan-hours", "NaN", "20"), ("inf-rate", "8", "INF"), ("neg-inf-rate", "8", "-INF"),
                               ("1e309-hours", "1e309", "20"), ("subnormal-hours", "5e-324", "20"),
                               ("1e308-rate", "8", "1e308"), ("1e308-hours", "1e308", "20"),
                               ("huge-negative", "-1e300", "20")):
        yield HostileFile(f"{label}.xlsx", "a number no timecard holds",
                          lambda h=hours, r=rate: single_sheet_xlsx(timecard_rows_xml(
                              [("46083", "8", "20"), ("46084", h, r), ("46085", "8", "20")])),
                          frozenset({READ}))
    for text in ("INF", "NaN", "1e309"):
        yield HostileFile(f"duration-{text.lower()}.xlsx", "a special number under an [h]:mm format",
                          lambda t=text: _duration_special(t), frozenset({READ}))
    for label, hours, rate in (("nan", "NaN", "20"), ("inf", "8", "inf"), ("infinity", "8", "-Infinity"),
                               ("1e309", "1e309", "20"), ("5e-324", "5e-324", "20"), ("1e308", "8", "1e308"),
                               ("long-digits", "9" * 400, "20")):
        yield HostileFile(f"csv-{label}.csv", "a number no timecard holds, as text",
                          lambda h=hours, r=rate: (f"Employee,Date,Hours,Rate\nA,03/02/2026,8,20\n"
                                                   f"B,03/03/2026,{h},{r}\n").encode(), frozenset({READ}))
    for label, value, cell_type in (("date-9999", "9999-12-31T23:59:59", ' t="d"'), ("date-junk", "yesterday", ' t="d"'),
                                    ("date-year-0", "0000-00-00", ' t="d"'), ("serial-huge", "2958466", ""),
                                    ("serial-negative", "-1", ""), ("serial-max", "2958465.99999", "")):
        yield HostileFile(f"{label}.xlsx", "a date past any payroll",
                          lambda v=value, t=cell_type: single_sheet_xlsx(
                              timecard_rows_xml([("46083", "8", "20")])
                              + f'<row r="3"><c r="A3" t="inlineStr"><is><t>W</t></is></c><c r="B3"{t}><v>{v}</v></c>'
                                '<c r="C3"><v>8</v></c><c r="D3"><v>20</v></c></row>'),
                          frozenset({READ}) | NOTHING_TO_READ)
    for label, text in (("csv-date-9999", "12/31/9999"), ("csv-date-0000", "0000-00-00"), ("csv-date-13-45", "2026-13-45")):
        yield HostileFile(f"{label}.csv", "a date past any payroll, as text",
                          lambda t=text: f"Employee,Date,Hours,Rate\nA,03/02/2026,8,20\nB,{t},8,20\n".encode(),
                          frozenset({READ}) | NOTHING_TO_READ)

    # formulas
    yield HostileFile("formulas-uncached.xlsx", "formulas saved without values", lambda: _formula_sheet({}), frozenset({READ}))
    yield HostileFile("formula-circular.xlsx", "a circular reference",
                      lambda: _formula_sheet({"G1": "=G2+1", "G2": "=G1+1"}), frozenset({READ}))
    yield HostileFile("formula-rept.xlsx", "a formula building a 32k-character string",
                      lambda: _formula_sheet({f"G{r}": '=REPT("x",32767)' for r in range(1, 40)}), frozenset({READ}))
    yield HostileFile("formula-ref-errors.xlsx", "formulas referencing nothing",
                      lambda: _formula_sheet({"E3": "=#REF!*2", "E4": "=Missing!A1"}), frozenset({READ}))
    yield HostileFile("formula-chain.xlsx", "a 600-cell dependency chain",
                      lambda: _formula_sheet({f"H{r}": f"=H{r - 1}+1" for r in range(2, 600)}), frozenset({READ}))
    yield HostileFile("formula-big-range.xlsx", "SUM over a whole column range",
                      lambda: _formula_sheet({"G1": "=SUM(A1:ALL200000)"}), frozenset({READ}))

    # CSV encodings and abuse
    yield HostileFile("utf16le-bom.csv", "Excel's Unicode Text export", lambda: timecard_csv(encoding="utf-16-le", bom=True),
                      frozenset({READ}))
    yield HostileFile("utf16be-bom.csv", "UTF-16 big-endian with a BOM", lambda: timecard_csv(encoding="utf-16-be", bom=True),
                      frozenset({READ}))
    yield HostileFile("utf16le-no-bom.csv", "UTF-16 without a BOM", lambda: timecard_csv(encoding="utf-16-le"),
                      frozenset({READ}))
    yield HostileFile("utf8-bom.csv", "UTF-8 with a BOM", lambda: timecard_csv(bom=True), frozenset({READ}))
    yield HostileFile("cp1252.csv", "Windows-1252", lambda: timecard_csv().replace(b"Worker", "Müller".encode("cp1252")),
                      frozenset({READ}))
    yield HostileFile("utf32.csv", "UTF-32 with a BOM", lambda: b"\xff\xfe\x00\x00" + timecard_csv().decode().encode("utf-32-le"),
                      frozenset({READ, errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("nul-inside.csv", "NUL bytes inside text", lambda: timecard_csv().replace(b"Worker", b"Wor\x00ker"),
                      frozenset({errors.UNSUPPORTED_FORMAT}))
    yield HostileFile("huge-field.csv", "one 200 KB quoted field", lambda: b'id,note\n1,"' + b"x" * 200_000 + b'"\n',
                      frozenset({errors.CORRUPT_FILE}))
    yield HostileFile("unbalanced-quote.csv", "a quote never closed", lambda: b'Employee,Date,Hours\n"A,03/02/2026,8\n' * 3,
                      frozenset({READ}) | NOTHING_TO_READ | {errors.CORRUPT_FILE})
    yield HostileFile("wide.csv", "2,000 columns", lambda: (",".join(["8"] * 2000) + "\n").encode() * 3,
                      frozenset({errors.TOO_MANY_COLUMNS}))
    yield HostileFile("tall.csv", "210,000 one-column rows", lambda: b"8\n" * 210_000, frozenset({errors.TOO_MANY_ROWS}))
    yield HostileFile("control-chars.csv", "control characters everywhere",
                      lambda: bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15]) * 2000, frozenset({errors.UNSUPPORTED_FORMAT}))
    for delimiter in (";", "\t", "|"):
        yield HostileFile(f"delimiter-{ord(delimiter)}.csv", "another delimiter",
                          lambda d=delimiter: timecard_csv().replace(b",", d.encode()), frozenset({READ}))
    yield HostileFile("mixed-newlines.csv", "CR, LF and CRLF mixed",
                      lambda: b"Employee,Date,Hours,Rate\rA,03/02/2026,8,20\nB,03/03/2026,8,20\r\nC,03/04/2026,8,20\r",
                      frozenset({READ}))
    yield HostileFile("punch-2000.csv", "a 2,000-row punch export", lambda: _punch_csv(2000, 200), frozenset({READ}))
    yield HostileFile("formula-injection.csv", "cells starting with = + - @",
                      lambda: b'Employee,Date,Hours,Rate\n"=HYPERLINK(""http://x"")",03/02/2026,8,20\n@SUM(1),03/03/2026,8,20\n',
                      frozenset({READ}))

    # XML tricks
    yield HostileFile("billion-laughs.xlsx", "nested entity expansion", _billion_laughs, DAMAGED)
    yield HostileFile("external-entity.xlsx", "an external entity (XXE)", _external_entity, DAMAGED)
    yield HostileFile("sheet-not-xml.xlsx", "sheet part replaced by noise",
                      lambda: rewrite_parts(timecard_xlsx(), {"xl/worksheets/sheet1.xml": lambda _x: b"\x00\x01<<<" + SECRET.encode()}),
                      frozenset({errors.CORRUPT_FILE}))
    yield HostileFile("deep-nesting.xlsx", "100,000 nested elements",
                      lambda: with_sheet_xml(timecard_xlsx(), worksheet_xml("<row r='1'>" + "<x>" * 100_000 + "</x>" * 100_000 + "</row>")),
                      DAMAGED)
    yield HostileFile("utf16-sheet-xml.xlsx", "sheet XML in UTF-16",
                      lambda: rewrite_parts(timecard_xlsx(), {"xl/worksheets/sheet1.xml":
                                            lambda x: x.decode().replace("UTF-8", "UTF-16").encode("utf-16")}),
                      frozenset({READ}) | DAMAGED)

    # many sheets
    yield HostileFile("sheets-1000.xlsx", "1,000 small timesheets", lambda: _many_sheets(1000),
                      frozenset({errors.TOO_MANY_SHEETS}))
    yield HostileFile("sheets-1000-hidden.xlsx", "1,000 hidden sheets", lambda: _many_sheets(1000, hidden=True),
                      frozenset({errors.TOO_MANY_SHEETS}))
    yield HostileFile("sheets-20.xlsx", "20 small timesheets", lambda: _many_sheets(20), frozenset({READ}))

    # styles, shared strings, merges
    yield HostileFile("styles-garbage.xlsx", "a styles part that is not XML",
                      lambda: _styles_edit(lambda _x: b"<<<not xml"), frozenset({errors.CORRUPT_FILE}))
    yield HostileFile("styles-huge-ids.xlsx", "number format ids out of range",
                      lambda: _styles_edit(lambda x: x.replace(b'numFmtId="0"', b'numFmtId="99999999999"')),
                      frozenset({READ}))
    yield HostileFile("style-index-out-of-range.xlsx", "cells naming a style that does not exist",
                      lambda: single_sheet_xlsx(timecard_rows_xml([("46083", "8", "20")]).replace('<c r="C2"', '<c r="C2" s="999999"')),
                      frozenset({READ}) | DAMAGED)
    yield HostileFile("sst-index-out-of-range.xlsx", "a shared string index past the table",
                      lambda: _shared_strings_xlsx(f'<sst xmlns="{MAIN_NS}" count="1"><si><t>Employee</t></si></sst>',
                                                   '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99999</v></c>'
                                                   '<c r="C1" t="s"><v>-1</v></c></row>'),
                      frozenset({READ}) | DAMAGED)
    yield HostileFile("sst-count-lie.xlsx", "a shared string table claiming 2^31 strings",
                      lambda: _shared_strings_xlsx(f'<sst xmlns="{MAIN_NS}" count="2147483647" uniqueCount="2147483647">'
                                                   "<si><t>Employee</t></si></sst>",
                                                   '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                      frozenset({READ}) | DAMAGED)
    yield HostileFile("merge-whole-sheet.xlsx", "one merge over the whole sheet", lambda: _merges(["A1:XFD1048576"]),
                      frozenset({READ}) | NOTHING_TO_READ)
    yield HostileFile("merges-20000.xlsx", "20,000 merged ranges",
                      lambda: _merges([f"F{r}:G{r}" for r in range(1, 20_001)]), frozenset({READ}) | NOTHING_TO_READ)
    yield HostileFile("merge-garbage.xlsx", "merge references that are not references",
                      lambda: _merges(["ZZZZZZ0:A", "::", "A1:B2:C3", ""]), frozenset({READ, errors.CORRUPT_FILE}))

    # legacy xls
    yield HostileFile("xls-timecard.xls", "an ordinary legacy workbook", timecard_xls, frozenset({READ}))
    yield HostileFile("xls-nan.xls", "NaN and infinity in a legacy workbook", lambda: _xls_specials(), frozenset({READ}))
    yield HostileFile("xls-too-many-columns.xls", "a legacy sheet 256 columns wide",
                      lambda: xls_bytes(_wide_xls_sheet),
                      frozenset({READ, errors.UNRECOGNIZED_LAYOUT}))


def _wide_xls_sheet(book) -> None:
    sheet = book.add_sheet("W")
    for col in range(256):
        sheet.write(0, col, 1)


def _duration_special(text: str) -> bytes:
    """A timecard whose Hours column is formatted [h]:mm, one cell holding ``text``."""

    def build(wb):
        ws = wb.active
        ws.append(["Employee", "Date", "Hours", "Rate"])
        for row in range(2, 5):
            ws.append([f"Worker {row}", dt.date(2026, 3, row), 0.3333333, 20])
            ws[f"C{row}"].number_format = "[h]:mm"

    base = xlsx_bytes(build)
    return rewrite_parts(base, {"xl/worksheets/sheet1.xml": lambda x: x.replace(b"<v>0.3333333</v>", f"<v>{text}</v>".encode(), 1)})


def _xls_specials() -> bytes:
    def build(book):
        sheet = book.add_sheet("Week")
        for col, title in enumerate(["Employee", "Date", "Hours", "Rate"]):
            sheet.write(0, col, title)
        for row, (hours, rate) in enumerate(((8.0, 20.0), (float("nan"), 20.0), (8.0, float("inf"))), start=1):
            sheet.write(row, 0, f"Worker {row}")
            sheet.write(row, 1, f"03/0{1 + row}/2026")
            sheet.write(row, 2, hours)
            sheet.write(row, 3, rate)

    return xls_bytes(build)


def _lying_compressed_size() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(timecard_xlsx()))
    members = []
    for info in source.infolist():
        content = source.read(info.filename)
        packed = deflate(content)
        members.append((info.filename, packed, 8, zlib.crc32(content), len(packed) * 1000, len(content)))
    return lying_zip(members)


def _lying_content_types() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(timecard_xlsx()))
    members = []
    for info in source.infolist():
        content = source.read(info.filename)
        if info.filename == "[Content_Types].xml":
            content = content + b" " * (64 * MIB)
            packed = deflate(content)
            members.append((info.filename, packed, 8, zlib.crc32(content), len(packed), 2000))
        else:
            packed = deflate(content)
            members.append((info.filename, packed, 8, zlib.crc32(content), len(packed), len(content)))
    return lying_zip(members)


def _declared_total() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(timecard_xlsx()))
    members = []
    for info in source.infolist():
        content = source.read(info.filename)
        packed = deflate(content)
        members.append((info.filename, packed, 8, zlib.crc32(content), len(packed), len(content)))
    filler = deflate(b" " * MIB)
    for index in range(300):  # each declares 1 MB, a ratio a sheet can have: 300 MB in total
        members.append((f"xl/media/image{index}.bin", filler, 8, 0, max(len(filler), MIB // 100), MIB))
    return lying_zip(members)


CORPUS: tuple[HostileFile, ...] = tuple(_files())


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in CORPUS:
        path = folder / item.name
        path.write_bytes(item.bytes())
        paths.append(path)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    written = write_corpus(target)
    print(f"{len(written)} files in {target}")
    _ = openpyxl  # the builders need it installed; imported here so a missing package fails early
