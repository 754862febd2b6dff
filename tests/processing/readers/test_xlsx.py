from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processing.readers import formula_eval, read_workbook
from processing.readers.sheet_scan import _fast_scan_applies
from processing.workbook import CellError
from tests.processing.readers.builders import (
    MAIN_NS,
    rewrite_parts,
    set_cached_value,
    single_sheet_xlsx,
    xlsx_bytes,
)


def _timecard(wb) -> None:
    ws = wb.active
    ws.title = "Week 12"
    ws.append(["Employee", "Date", "In", "Hours", "Rate", "Pay"])
    ws.append(["Smith, Jane", dt.date(2026, 3, 2), dt.time(8, 30), 8.5, 25.0, None])
    ws["F2"] = "=D2*E2"
    ws["D3"] = 1.5
    ws["D3"].number_format = "[h]:mm"
    ws["E2"].number_format = '"$"#,##0.00'
    ws["A5"] = "TOTAL"
    ws.merge_cells("A7:C7")
    ws["A7"] = "Approved by"
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["C"].hidden = True
    hidden = wb.create_sheet("Rates")
    hidden.sheet_state = "hidden"
    hidden["A1"] = 15
    very_hidden = wb.create_sheet("Config")
    very_hidden.sheet_state = "veryHidden"
    very_hidden["A1"] = "x"
    wb.create_sheet("Summary")["B2"] = "Summary"


@pytest.fixture(scope="module")
def timecard_xlsx() -> bytes:
    return xlsx_bytes(_timecard)


@pytest.fixture(scope="module")
def timecard(timecard_xlsx):
    return read_workbook("week12.xlsx", timecard_xlsx)


def test_every_sheet_in_order_with_index_and_hidden_flag(timecard):
    assert [(s.name, s.index, s.hidden) for s in timecard.sheets] == [
        ("Week 12", 0, False),
        ("Rates", 1, True),
        ("Config", 2, True),
        ("Summary", 3, False),
    ]
    assert timecard.format == "xlsx"
    assert timecard.date1904 is False
    assert timecard.encoding is None and timecard.delimiter is None


def test_file_identity(timecard, timecard_xlsx):
    import hashlib

    assert timecard.sha256 == hashlib.sha256(timecard_xlsx).hexdigest()
    assert timecard.size == len(timecard_xlsx)
    assert timecard.name == "week12.xlsx"


def test_typed_values_and_number_formats(timecard):
    sheet = timecard.sheets[0]
    assert sheet.value(0, 0) == "Employee"
    assert sheet.value(1, 0) == "Smith, Jane"
    assert sheet.value(1, 1) == dt.date(2026, 3, 2)
    assert sheet.value(1, 2) == dt.time(8, 30)
    assert sheet.value(1, 3) == 8.5
    assert sheet.value(2, 3) == dt.timedelta(hours=36)  # [h]:mm duration over 24 h
    assert sheet.cell(2, 3).number_format == "[h]:mm"
    assert sheet.cell(1, 4).number_format == '"$"#,##0.00'
    assert sheet.cell(1, 3).number_format is None  # General
    assert sheet.value(4, 0) == "TOTAL"
    assert sheet.value(3, 0) is None


def test_structure_hidden_rows_columns_and_merges(timecard):
    sheet = timecard.sheets[0]
    assert sheet.hidden_rows == {3}
    assert sheet.hidden_columns == {2}
    assert sheet.merged == [(6, 0, 6, 2)]
    assert sheet.merged_value(6, 2) == "Approved by"


def test_formula_without_cached_value_is_evaluated_and_keeps_its_text(timecard):
    cell = timecard.sheets[0].cell(1, 5)
    assert cell.formula == "=D2*E2"
    assert cell.value == pytest.approx(212.5)


def test_cached_formula_value_is_used_without_evaluating(timecard_xlsx, monkeypatch):
    data = set_cached_value(timecard_xlsx, "F2", "999.5")

    def must_not_run(*args, **kwargs):
        raise AssertionError("evaluation must not run when every formula has a cached value")

    monkeypatch.setattr("processing.readers.xlsx.evaluate_formulas", must_not_run)
    cell = read_workbook("cached.xlsx", data).sheets[0].cell(1, 5)
    assert cell.value == 999.5  # the file's value, not a recomputation (212.5)
    assert cell.formula == "=D2*E2"


def test_failed_evaluation_leaves_na_not_a_number(timecard_xlsx, monkeypatch):
    monkeypatch.setattr(formula_eval, "MAX_EVALUATION_CELLS", 0)
    cell = read_workbook("big.xlsx", timecard_xlsx).sheets[0].cell(1, 5)
    assert cell.value == CellError("#N/A")
    assert cell.formula == "=D2*E2"


def test_evaluated_date_formula_comes_back_as_a_date():
    def build(wb):
        ws = wb.active
        ws["A1"] = dt.date(2026, 3, 2)
        ws["B1"] = "=A1+1"
        ws["B1"].number_format = "yyyy-mm-dd"

    sheet = read_workbook("dates.xlsx", xlsx_bytes(build)).sheets[0]
    assert sheet.value(0, 1) == dt.date(2026, 3, 3)
    assert sheet.cell(0, 1).formula == "=A1+1"


def test_error_cells_become_cell_errors_never_numbers():
    data = single_sheet_xlsx(
        '<row r="1">'
        '<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        '<c r="B1" t="e"><v>#REF!</v></c>'
        '<c r="C1" t="inlineStr"><is><t>#N/A</t></is></c>'
        '<c r="D1" t="e"><f>VLOOKUP(1,E:E,2)</f><v>#N/A</v></c>'
        '<c r="E1"><v>7</v></c>'
        "</row>"
    )
    sheet = read_workbook("errors.xlsx", data).sheets[0]
    assert sheet.value(0, 0) == CellError("#DIV/0!")
    assert sheet.cell(0, 0).formula == "=1/0"
    assert sheet.value(0, 1) == CellError("#REF!")
    assert sheet.value(0, 2) == "#N/A"  # typed as text: stays text
    assert sheet.value(0, 3) == CellError("#N/A")
    assert sheet.value(0, 4) == 7


def test_shared_formulas_are_translated_per_cell():
    data = single_sheet_xlsx(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>'
    )
    sheet = read_workbook("shared.xlsx", data).sheets[0]
    assert [sheet.cell(r, 1).formula for r in range(3)] == ["=A1*2", "=A2*2", "=A3*2"]
    assert [sheet.value(r, 1) for r in range(3)] == [2, 4, 6]


def test_formula_cached_empty_string_is_blank_not_uncomputed(monkeypatch):
    monkeypatch.setattr(
        "processing.readers.xlsx.evaluate_formulas",
        lambda *a, **k: (_ for _ in ()).throw(AssertionError("nothing to evaluate")),
    )
    data = single_sheet_xlsx(
        '<row r="1"><c r="A1" t="str"><f>IF(1=2,"x","")</f><v></v></c><c r="B1"><v>1</v></c></row>'
    )
    cell = read_workbook("blank.xlsx", data).sheets[0].cell(0, 0)
    assert cell.value is None
    assert cell.formula == '=IF(1=2,"x","")'


def test_date1904_workbook():
    base = xlsx_bytes(lambda wb: wb.active.__setattr__("title", "Data"))
    data = rewrite_parts(
        base,
        {
            "xl/workbook.xml": lambda xml: xml.replace(b"<workbookPr />", b'<workbookPr date1904="1"/>').replace(
                b"<workbookPr/>", b'<workbookPr date1904="1"/>'
            ),
            "xl/worksheets/sheet1.xml": lambda _xml: (
                f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" s="0"><v>1</v></c>'
                '<c r="B1" s="1"><v>1</v></c></row></sheetData></worksheet>'
            ).encode(),
            "xl/styles.xml": lambda xml: xml.replace(
                b'<cellXfs count="1">',
                b'<cellXfs count="2">',
            ).replace(
                b"</cellXfs>",
                b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>',
            ),
        },
    )
    workbook = read_workbook("mac.xlsx", data)
    assert workbook.date1904 is True
    assert workbook.sheets[0].value(0, 1) == dt.date(1904, 1, 2)  # serial 1 is 1900-01-01 in the 1900 system


def test_xlsm_is_detected_by_content():
    base = xlsx_bytes(lambda wb: wb.active.append(["a"]))
    data = rewrite_parts(
        base,
        {
            "[Content_Types].xml": lambda xml: xml.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            )
        },
        extra={"xl/vbaProject.bin": b"\x00" * 64},
    )
    assert read_workbook("renamed.xlsx", data).format == "xlsm"
    # and the name is only a hint: an xlsx named .csv is still read as xlsx
    assert read_workbook("export.csv", base).format == "xlsx"


SHEET_DATA = (
    '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" s="1"><v>46083</v></c>'
    '<c r="C1" t="e"><v>#VALUE!</v></c></row>'
    '<row r="2" hidden="1"><c r="A2"><f>1+1</f><v>2</v></c></row>'
)


def _styled(xml_sheet: str) -> bytes:
    data = single_sheet_xlsx(
        xml_sheet,
        tail='<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>',
        head='<cols><col min="2" max="2" hidden="1" width="9"/></cols>',
    )
    return rewrite_parts(
        data,
        {
            "xl/styles.xml": lambda xml: xml.replace(b'<cellXfs count="1">', b'<cellXfs count="2">').replace(
                b"</cellXfs>",
                b'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>',
            )
        },
    )


def _structure(workbook):
    sheet = workbook.sheets[0]
    return (sheet.rows, sheet.hidden_rows, sheet.hidden_columns, sheet.merged)


def test_exact_scanner_matches_fast_scanner_for_unusual_writers():
    fast = _styled(SHEET_DATA)
    # Same cells, attributes in another order and single quotes: the fast path must decline.
    reordered = SHEET_DATA.replace('<c r="B1" s="1">', "<c s='1' r='B1'>").replace(
        '<row r="2" hidden="1">', '<row hidden="1" r="2">'
    )
    assert _fast_scan_applies(SHEET_DATA.encode(), b"")
    assert not _fast_scan_applies(reordered.encode(), b"")
    first = _structure(read_workbook("fast.xlsx", fast))
    second = _structure(read_workbook("exact.xlsx", _styled(reordered)))
    assert first == second
    rows, hidden_rows, hidden_columns, merged = first
    assert rows[0][1].value == dt.date(2026, 3, 2) and rows[0][1].number_format == "mm-dd-yy"
    assert rows[0][2].value == CellError("#VALUE!")
    assert rows[1][0].formula == "=1+1" and rows[1][0].value == 2
    assert hidden_rows == {1} and hidden_columns == {1} and merged == [(2, 0, 2, 1)]


def test_prefixed_sheet_xml_is_read():
    xml = (
        f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="e"><x:v>#REF!</x:v></x:c>'
        '<x:c r="B1"><x:v>5</x:v></x:c></x:row><x:row r="2" hidden="1"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>"
    )
    base = xlsx_bytes(lambda wb: None)
    data = rewrite_parts(base, {"xl/worksheets/sheet1.xml": lambda _x: xml.encode()})
    sheet = read_workbook("prefixed.xlsx", data).sheets[0]
    assert sheet.value(0, 0) == CellError("#REF!")
    assert sheet.value(0, 1) == 5
    assert sheet.hidden_rows == {1}


_plain_values = st.one_of(
    st.none(),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=10,
    ).filter(lambda s: s.strip() == s and s != "" and not s.startswith(("=", "#"))),
    st.integers(min_value=-(10**6), max_value=10**6).map(float),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.booleans(),
)


@settings(max_examples=25, deadline=None)
@given(grid=st.lists(st.lists(_plain_values, min_size=1, max_size=5), min_size=1, max_size=6))
def test_round_trip_of_any_grid(grid):
    if all(value is None for row in grid for value in row):
        return  # NO_DATA, covered elsewhere

    def build(wb):
        ws = wb.active
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)

    sheet = read_workbook("grid.xlsx", xlsx_bytes(build)).sheets[0]
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            assert sheet.value(r, c) == value
            assert type(sheet.value(r, c)) is type(value)


def test_cells_without_references_take_their_implicit_positions():
    data = single_sheet_xlsx(
        '<row><c><v>1</v></c><c t="e"><v>#REF!</v></c></row>'
        '<row hidden="1"><c/><c><v>5</v></c><c><f>1+1</f><v>2</v></c></row>'
    )
    sheet = read_workbook("implicit.xlsx", data).sheets[0]
    assert sheet.value(0, 0) == 1
    assert sheet.value(0, 1) == CellError("#REF!")
    assert sheet.value(1, 1) == 5
    assert sheet.value(1, 2) == 2 and sheet.cell(1, 2).formula == "=1+1"
    assert sheet.hidden_rows == {1}


def test_evaluation_across_sheets_with_awkward_names():
    def build(wb):
        rates = wb.active
        rates.title = "Rates (2026)"
        rates["A1"] = 20
        week = wb.create_sheet("Week 1 - Jane")
        week["A1"] = 8
        week["B1"] = "=A1*'Rates (2026)'!A1"
        week["C1"] = '=IF(A1>40,"OT","")'

    sheet = read_workbook("cross.xlsx", xlsx_bytes(build)).sheets[1]
    assert sheet.value(0, 1) == 160
    assert sheet.cell(0, 1).formula == "=A1*'Rates (2026)'!A1"
    assert sheet.value(0, 2) is None  # evaluated to "", a blank


def test_workbook_the_evaluator_cannot_handle_reads_unknown_not_a_made_up_error():
    # formulas 1.3.4 answers #REF! for every reference once a sheet name has an apostrophe
    def build(wb):
        wb.active.title = "Jane's week"
        wb.active["A1"] = 8
        wb.active["B1"] = "=A1*2"

    cell = read_workbook("apostrophe.xlsx", xlsx_bytes(build)).sheets[0].cell(0, 1)
    assert cell.value == CellError("#N/A")
    assert cell.formula == "=A1*2"
