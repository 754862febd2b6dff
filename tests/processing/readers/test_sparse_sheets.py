"""Sheets whose few filled cells span a huge rectangle are read sparse, never as a dense grid.

calamine allocates A1..furthest-cell densely: one cell at A1 and one at ALL200000 asked it
for 6.4 GB and aborted the process (SIGABRT, no Python exception to catch).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from processing.readers import read_workbook, xlsx
from processing.readers.limits import ReadLimits
from processing.readers.sheet_scan import scan_sheet
from tests.processing.readers.builders import single_sheet_xlsx, worksheet_xml, xlsx_bytes

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def _timecard(stray: str | None = None) -> bytes:
    def build(wb):
        ws = wb.active
        ws.title = "Week"
        ws.append(["Employee", "Date", "Hours", "Rate"])
        for day in range(5):
            ws.append(["Worker", dt.date(2026, 3, 2 + day), 8, 20])
        if stray:
            ws[stray] = "stray note"

    return xlsx_bytes(build)


@pytest.mark.parametrize("quote", ['"', "'"])  # single quotes take the exact (ElementTree) scanner
def test_the_extent_counts_filled_cells_not_the_claimed_dimension(quote):
    q = quote
    xml = worksheet_xml(
        f"<row r={q}1{q}><c r={q}A1{q}><v>1</v></c><c r={q}C1{q} s={q}0{q}/></row>"
        f"<row r={q}9{q}><c r={q}E9{q}><v>2</v></c></row>",
        head='<dimension ref="A1:XFD200000"/>',
    ).encode()
    structure = scan_sheet(xml, "Sheet 1", [], ReadLimits())
    assert (structure.last_row, structure.last_column, structure.cell_count) == (9, 5, 2)


def test_far_apart_cells_within_the_limits_are_read_without_a_dense_grid(monkeypatch):
    asked: list[set[int]] = []
    real = xlsx._calamine_values
    monkeypatch.setattr(xlsx, "_calamine_values", lambda *a, **k: asked.append(k["skip"]) or real(*a, **k))
    data = single_sheet_xlsx(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="200000"><c r="ALL200000"><v>2</v></c></row>',
        head='<dimension ref="A1:XFD200000"/>',
    )
    sheet = read_workbook("far.xlsx", data).sheets[0]
    assert asked == [{0}]  # calamine was not asked for the sheet
    assert sheet.value(0, 0) == 1
    assert sheet.value(199_999, 999) == 2
    assert sheet.n_rows == 200_000
    # ragged rows: memory follows the cells, not the 200M-cell rectangle
    assert sum(len(row) for row in sheet.rows) == 1 + 1000


def test_a_timecard_with_one_stray_far_cell_reads_like_the_clean_one():
    clean = read_workbook("week.xlsx", _timecard()).sheets[0]
    stray = read_workbook("week.xlsx", _timecard("ALL199000")).sheets[0]
    for row in range(clean.n_rows):
        for col in range(clean.n_columns):
            assert stray.cell(row, col) == clean.cell(row, col), (row, col)
    assert stray.value(198_999, 999) == "stray note"


@pytest.mark.parametrize("reader", ["fast", "exact"])
@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.xlsx")))
def test_the_sparse_reader_gives_the_same_cells_as_calamine(sample, reader, monkeypatch):
    data = (SAMPLES / sample).read_bytes()
    dense = read_workbook(sample, data)
    monkeypatch.setattr(xlsx, "DENSE_GRID_BUDGET", 0)  # every sheet through sparse_values
    if reader == "exact":  # as for a writer without r="..." on every cell: ElementTree
        from processing.readers import sheet_scan

        monkeypatch.setattr(sheet_scan, "_fast_scan_applies", lambda xml, prefix: False)
    sparse = read_workbook(sample, data)
    for dense_sheet, sparse_sheet in zip(dense.sheets, sparse.sheets, strict=True):
        rows = max(dense_sheet.n_rows, sparse_sheet.n_rows)
        columns = max(dense_sheet.n_columns, sparse_sheet.n_columns)
        for row in range(rows):
            for col in range(columns):
                assert sparse_sheet.cell(row, col) == dense_sheet.cell(row, col), (sample, row, col)


@pytest.mark.parametrize("reader", ["fast", "exact"])
def test_types_through_the_sparse_reader(reader, monkeypatch):
    def build(wb):
        ws = wb.active
        ws["A1"] = dt.date(2026, 3, 2)
        ws["A2"] = dt.datetime(2026, 3, 2, 8, 30)
        ws["A3"] = dt.time(8, 30)
        ws["A4"] = 0.35
        ws["A4"].number_format = "[h]:mm"
        ws["A5"] = True
        ws["A6"] = "text"
        ws["A7"] = 8.5
        ws["A8"] = "Smith & <Jones>"

    monkeypatch.setattr(xlsx, "DENSE_GRID_BUDGET", 0)
    if reader == "exact":
        from processing.readers import sheet_scan

        monkeypatch.setattr(sheet_scan, "_fast_scan_applies", lambda xml, prefix: False)
    sheet = read_workbook("t.xlsx", xlsx_bytes(build)).sheets[0]
    assert [sheet.value(r, 0) for r in range(8)] == [
        dt.date(2026, 3, 2),
        dt.datetime(2026, 3, 2, 8, 30),
        dt.time(8, 30),
        dt.timedelta(hours=8, minutes=24),
        True,
        "text",
        8.5,
        "Smith & <Jones>",
    ]


def test_filled_cells_past_the_cell_limit_are_refused():
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}"><v>2</v></c></row>' for r in range(1, 31))
    from processing.errors import TOO_MANY_CELLS, InputError

    with pytest.raises(InputError) as caught:
        read_workbook("w.xlsx", single_sheet_xlsx(rows), ReadLimits(max_cells=50))
    assert caught.value.code == TOO_MANY_CELLS
    assert read_workbook("w.xlsx", single_sheet_xlsx(rows), ReadLimits(max_cells=60)).sheets[0].n_rows == 30


def test_with_a_grid_budget_the_scan_bounds_the_extent_cheaply_and_exactly_only_when_needed():
    narrow = worksheet_xml("".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="C{r}"><v>2</v></c></row>'
                                   for r in range(1, 101))).encode()
    bounded = scan_sheet(narrow, "Sheet 1", [], ReadLimits(), grid_budget=1000)
    assert bounded.last_row == 100 and 3 <= bounded.last_column <= 10  # a bound: within 1000 cells
    assert bounded.grid_cells <= 1000
    # a cell past budget // rows columns makes the scan measure the real extent
    stray = narrow.replace(b"</row></sheetData>", b'<c r="Z100"><v>3</v></c></row></sheetData>')
    exact = scan_sheet(stray, "Sheet 1", [], ReadLimits(), grid_budget=1000)
    assert (exact.last_row, exact.last_column, exact.cell_count) == (100, 26, 201)
    assert exact.grid_cells > 1000
