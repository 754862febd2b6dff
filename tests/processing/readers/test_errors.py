"""Every refusal: the right code, fast, and a message that never quotes the file's cells."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
import xlwt

from core.operational_settings import OperationalSettings
from processing import errors
from processing.errors import InputError
from processing.readers import ReadLimits, read_workbook
from tests.processing.readers.builders import (
    ole2_with_stream_named,
    rewrite_parts,
    single_sheet_xlsx,
    xlsx_bytes,
)

SECRET = "SSN 123-45-6789"
MIB = 1024 * 1024


def refuse(name: str, data: bytes, limits: ReadLimits | None = None) -> InputError:
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_workbook(name, data, limits)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"refusing took {elapsed:.2f}s"
    assert SECRET not in caught.value.message
    assert caught.value.message.strip()
    return caught.value


def _grid_xlsx(rows: int, cols: int) -> bytes:
    def build(wb):
        ws = wb.active
        ws["A1"] = SECRET
        for r in range(2, rows + 1):
            ws.append([r] * cols)
        ws.cell(row=1, column=cols, value=SECRET)

    return xlsx_bytes(build)


def test_limits_from_settings():
    settings = OperationalSettings(
        upload_size_limit_mb=3,
        max_uncompressed_mb=7,
        max_rows_per_sheet=123,
        max_columns_per_sheet=45,
    )
    assert ReadLimits.from_settings(settings) == ReadLimits(
        max_bytes=3 * MIB, max_uncompressed_bytes=7 * MIB, max_rows=123, max_columns=45
    )
    assert ReadLimits() == ReadLimits(16 * MIB, 200 * MIB, 200_000, 1_000, 5_000_000, 250)


def test_empty_file():
    assert refuse("week.xlsx", b"").code == errors.EMPTY_FILE


def test_file_too_large():
    data = b"a,b\n" * 1000
    error = refuse("big.csv", data, ReadLimits(max_bytes=1000))
    assert error.code == errors.FILE_TOO_LARGE


def test_binary_junk_named_csv_is_unsupported():
    junk = bytes((i * 37 + 11) % 256 for i in range(20_000))
    assert refuse("punches.csv", junk).code == errors.UNSUPPORTED_FORMAT


def test_binary_without_nul_bytes_is_unsupported():
    junk = bytes(1 + (i * 37 + 11) % 255 for i in range(20_000))
    assert b"\x00" not in junk
    assert refuse("punches.csv", junk).code == errors.UNSUPPORTED_FORMAT


def test_html_saved_as_xls_is_unsupported():
    page = f"<html><body><table><tr><td>{SECRET}</td></tr></table></body></html>".encode()
    assert refuse("report.xls", page).code == errors.UNSUPPORTED_FORMAT


def test_zip_that_is_not_a_workbook_is_unsupported():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", SECRET)
    assert refuse("photos.xlsx", out.getvalue()).code == errors.UNSUPPORTED_FORMAT


def test_corrupt_zip():
    data = b"PK\x03\x04" + bytes(range(256)) * 8
    assert refuse("week.xlsx", data).code == errors.CORRUPT_FILE


def test_truncated_xlsx():
    data = _grid_xlsx(200, 5)
    assert refuse("week.xlsx", data[: len(data) // 2]).code == errors.CORRUPT_FILE


def test_xlsx_whose_sheet_is_not_xml():
    base = xlsx_bytes(lambda wb: wb.active.append([SECRET]))
    data = rewrite_parts(
        base,
        {"xl/worksheets/sheet1.xml": lambda _x: b"\x00\x01garbage<<<" + SECRET.encode()},
    )
    assert refuse("week.xlsx", data).code == errors.CORRUPT_FILE


def test_xlsx_missing_its_sheet_part_has_no_data_rather_than_crashing():
    base = xlsx_bytes(lambda wb: wb.active.append([SECRET]))
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(info.filename, source.read(info.filename))
    assert refuse("week.xlsx", out.getvalue()).code in (
        errors.NO_DATA,
        errors.CORRUPT_FILE,
    )


def test_truncated_xls():
    book = xlwt.Workbook()
    sheet = book.add_sheet("Week")
    for r in range(300):
        sheet.write(r, 0, SECRET)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    assert refuse("week.xls", data[: len(data) // 2]).code == errors.CORRUPT_FILE


def test_encrypted_ooxml_in_ole2_container():
    assert refuse("locked.xlsx", ole2_with_stream_named("EncryptedPackage")).code == errors.ENCRYPTED_FILE


def test_truncated_encrypted_ooxml_is_still_named_encrypted():
    data = ole2_with_stream_named("EncryptedPackage")
    cut = data.find("EncryptedPackage".encode("utf-16-le")) + 40
    assert refuse("locked.xlsx", data[:cut]).code == errors.ENCRYPTED_FILE


def test_ole2_that_is_not_a_workbook_is_unsupported():
    assert refuse("letter.xls", ole2_with_stream_named("WordDocument")).code == errors.UNSUPPORTED_FORMAT


@pytest.fixture(scope="module")
def zero_bomb() -> bytes:
    """A valid workbook whose sheet is 300 MB of zeros: ~1.4 MB on disk."""
    base = xlsx_bytes(lambda wb: wb.active.append([SECRET]))
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with archive.open(info.filename, "w", force_zip64=True) as member:
                    chunk = bytes(MIB)
                    for _ in range(300):
                        member.write(chunk)
            else:
                archive.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def test_decompression_bomb_declared_total(zero_bomb):
    assert len(zero_bomb) < 2 * MIB
    assert refuse("bomb.xlsx", zero_bomb).code == errors.DECOMPRESSION_LIMIT


def test_decompression_bomb_ratio_even_within_total(zero_bomb):
    limits = ReadLimits(max_uncompressed_bytes=1024 * MIB)
    assert refuse("bomb.xlsx", zero_bomb, limits).code == errors.DECOMPRESSION_LIMIT


def test_uncompressed_limit_for_an_honest_workbook():
    data = _grid_xlsx(2000, 10)
    error = refuse("week.xlsx", data, ReadLimits(max_uncompressed_bytes=100_000))
    assert error.code == errors.DECOMPRESSION_LIMIT


def test_too_many_rows_xlsx():
    error = refuse("week.xlsx", _grid_xlsx(30, 3), ReadLimits(max_rows=20))
    assert error.code == errors.TOO_MANY_ROWS


def test_too_many_columns_xlsx():
    error = refuse("week.xlsx", _grid_xlsx(3, 30), ReadLimits(max_columns=20))
    assert error.code == errors.TOO_MANY_COLUMNS


def test_far_away_cell_is_refused_before_calamine_allocates_the_grid():
    # calamine builds a dense grid up to the furthest reference; for XFD1048576 that is
    # ~17 billion cells and the process aborts. The scan must refuse it first.
    data = single_sheet_xlsx(
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>{SECRET}</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    assert refuse("far.xlsx", data).code in (
        errors.TOO_MANY_ROWS,
        errors.TOO_MANY_COLUMNS,
    )
    wide = single_sheet_xlsx('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>')
    assert refuse("wide.xlsx", wide).code == errors.TOO_MANY_COLUMNS


def test_far_away_cell_without_fast_path_is_refused_too():
    # single quotes force the exact (ElementTree) scanner
    data = single_sheet_xlsx("<row r='1'><c r='A1'><v>1</v></c></row><row r='900000'><c r='A900000'><v>1</v></c></row>")
    assert refuse("far.xlsx", data).code == errors.TOO_MANY_ROWS


def test_formatted_but_empty_far_cells_do_not_count_as_rows():
    data = single_sheet_xlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="A900000" s="0"/></row>')
    assert read_workbook("styled.xlsx", data).sheets[0].value(0, 0) == 1


def test_too_many_rows_and_columns_csv():
    rows = "\n".join(",".join([SECRET] * 3) for _ in range(30)).encode()
    assert refuse("p.csv", rows, ReadLimits(max_rows=20)).code == errors.TOO_MANY_ROWS
    wide = ",".join([SECRET] * 30).encode()
    assert refuse("p.csv", wide, ReadLimits(max_columns=20)).code == errors.TOO_MANY_COLUMNS


def test_too_many_rows_and_columns_xls():
    book = xlwt.Workbook()
    sheet = book.add_sheet("Week")
    for r in range(30):
        for c in range(3):
            sheet.write(r, c, SECRET)
    sheet.write(0, 29, SECRET)
    out = io.BytesIO()
    book.save(out)
    assert refuse("w.xls", out.getvalue(), ReadLimits(max_rows=20)).code == errors.TOO_MANY_ROWS
    assert refuse("w.xls", out.getvalue(), ReadLimits(max_columns=20)).code == errors.TOO_MANY_COLUMNS


def test_workbook_whose_only_sheet_is_empty_has_no_data():
    assert refuse("blank.xlsx", xlsx_bytes(lambda wb: None)).code == errors.NO_DATA


def test_workbook_with_only_blank_strings_has_no_data():
    data = single_sheet_xlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>   </t></is></c></row>')
    assert refuse("blank.xlsx", data).code == errors.NO_DATA


def test_csv_with_only_separators_has_no_data():
    assert refuse("blank.csv", b",,,\n,,,\n\n").code == errors.NO_DATA


def test_xls_with_empty_sheets_has_no_data():
    book = xlwt.Workbook()
    book.add_sheet("One")
    book.add_sheet("Two")
    out = io.BytesIO()
    book.save(out)
    assert refuse("blank.xls", out.getvalue()).code == errors.NO_DATA


def test_unbalanced_quote_is_not_fatal_but_a_huge_field_is():
    # an unbalanced quote just swallows the rest of the line in csv module semantics
    huge = b'id,note\n1,"' + b"x" * 200_000 + b'"\n'
    assert refuse("p.csv", huge).code == errors.CORRUPT_FILE


def test_messages_name_sheets_by_position_not_by_their_possibly_personal_names():
    def build(wb):
        wb.active.title = "Summary"
        person = wb.create_sheet("Jane Doe")
        for r in range(1, 31):
            person.cell(row=r, column=1, value=SECRET)

    error = refuse("team.xlsx", xlsx_bytes(build), ReadLimits(max_rows=20))
    assert error.code == errors.TOO_MANY_ROWS
    assert "Jane Doe" not in error.message
    assert "Sheet 2" in error.message and "20" in error.message


def test_zip_with_the_encrypted_flag_is_encrypted_not_an_internal_error():
    # zipfile raises RuntimeError ("password required") for such members; it was INTERNAL_ERROR
    base = bytearray(xlsx_bytes(lambda wb: wb.active.append([SECRET])))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = base.find(signature)
        while at >= 0:
            base[at + flag_offset] |= 0x1
            at = base.find(signature, at + 4)
    assert refuse("locked.xlsx", bytes(base)).code == errors.ENCRYPTED_FILE


def test_too_many_sheets():
    def build(wb):
        for index in range(12):
            wb.create_sheet(f"Person {index}")["A1"] = SECRET

    error = refuse("crew.xlsx", xlsx_bytes(build), ReadLimits(max_sheets=10))
    assert error.code == errors.TOO_MANY_SHEETS
    assert "13 sheets" in error.message and "10" in error.message


def test_shared_strings_claiming_two_billion_entries_do_not_abort_the_process():
    # calamine reserved uniqueCount entries up front: 51 GB, then SIGABRT. Run in a child so
    # that a regression fails this test instead of killing the test run.
    from processing.isolation import ChildLimits, run_isolated
    from tests.processing.readers.hostile.corpus import MAIN_NS, _shared_strings_xlsx

    data = _shared_strings_xlsx(
        f'<sst xmlns="{MAIN_NS}" count="2147483647" uniqueCount="2147483647"><si><t>Employee</t></si></sst>',
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    )
    sheet = run_isolated(read_workbook, "week.xlsx", data, limits=ChildLimits(cpu_seconds=20, memory_bytes=512 * MIB))
    assert sheet.sheets[0].value(0, 0) == "Employee"


def test_too_many_cells_csv_and_xls():
    rows = "\n".join(",".join(["8"] * 10) for _ in range(30)).encode()
    assert refuse("p.csv", rows, ReadLimits(max_cells=250)).code == errors.TOO_MANY_CELLS
    assert read_workbook("p.csv", rows, ReadLimits(max_cells=300)).sheets[0].n_rows == 30
    book = xlwt.Workbook()
    for name in ("One", "Two"):
        sheet = book.add_sheet(name)
        for r in range(10):
            for c in range(10):
                sheet.write(r, c, SECRET)
    out = io.BytesIO()
    book.save(out)
    assert refuse("w.xls", out.getvalue(), ReadLimits(max_cells=150)).code == errors.TOO_MANY_CELLS
    assert len(read_workbook("w.xls", out.getvalue(), ReadLimits(max_cells=200)).sheets) == 2
