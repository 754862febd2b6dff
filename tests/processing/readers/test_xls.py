from __future__ import annotations

import datetime as dt

import pytest
import xlwt

from processing.readers import ReadLimits, read_workbook
from processing.workbook import CellError
from tests.processing.readers.builders import xls_bytes


def _timesheet(book) -> None:
    date_style = xlwt.easyxf(num_format_str="mm/dd/yyyy")
    time_style = xlwt.easyxf(num_format_str="h:mm AM/PM")
    duration_style = xlwt.easyxf(num_format_str="[h]:mm")
    money_style = xlwt.easyxf(num_format_str='"$"#,##0.00')
    ws = book.add_sheet("Timesheet")
    ws.write_merge(0, 0, 0, 3, "Weekly Timesheet")
    ws.write(1, 0, "Date")
    ws.write(1, 1, "Start")
    ws.write(1, 2, "Hours")
    ws.write(1, 3, "Pay")
    ws.write(2, 0, dt.date(2026, 3, 2), date_style)
    ws.write(2, 1, dt.time(8, 30), time_style)
    ws.write(2, 2, 1.5, duration_style)
    ws.write(2, 3, 212.5, money_style)
    ws.write(3, 0, True)
    ws.write(3, 1, xlwt.Formula("1/0"))
    ws.row(4).hidden = True
    ws.write(4, 0, "note")
    ws.col(5).hidden = True
    hidden = book.add_sheet("Rates")
    hidden.visibility = 1
    hidden.write(0, 0, 15)


@pytest.fixture(scope="module")
def workbook():
    return read_workbook("timesheet.xls", xls_bytes(_timesheet))


def test_sheets_in_order_with_hidden_flag(workbook):
    assert workbook.format == "xls"
    assert [(s.name, s.index, s.hidden) for s in workbook.sheets] == [
        ("Timesheet", 0, False),
        ("Rates", 1, True),
    ]
    assert workbook.date1904 is False


def test_values_dates_times_durations(workbook):
    sheet = workbook.sheets[0]
    assert sheet.value(0, 0) == "Weekly Timesheet"
    assert sheet.value(2, 0) == dt.date(2026, 3, 2)
    assert sheet.cell(2, 0).number_format == "mm/dd/yyyy"
    assert sheet.value(2, 1) == dt.time(8, 30)
    assert sheet.value(2, 2) == dt.timedelta(hours=36)
    assert sheet.value(2, 3) == 212.5
    assert sheet.cell(2, 3).number_format == '"$"#,##0.00'
    assert sheet.value(3, 0) is True


def test_formula_without_cached_result_reads_as_blank_not_zero(workbook):
    # xlwt stores no computed result (xlrd reports an empty string); xlrd cannot give the
    # formula text of BIFF files, so the cell is simply blank, never a made-up 0.
    cell = workbook.sheets[0].cell(3, 1)
    assert cell.value is None
    assert cell.formula is None


def test_structure(workbook):
    sheet = workbook.sheets[0]
    assert sheet.merged == [(0, 0, 0, 3)]
    assert sheet.hidden_rows == {4}
    assert sheet.hidden_columns == {5}


def test_error_cells_are_cell_errors():
    # xlwt cannot write a cached error, so patch xlrd's view: an XL_CELL_ERROR of code 7
    import xlrd

    from processing.readers import xls as xls_reader

    original = xlrd.sheet.Sheet.row_types

    def with_error(self, rowx, *args, **kwargs):
        types = list(original(self, rowx, *args, **kwargs))
        if self.name == "E" and rowx == 0:
            types[0] = xlrd.XL_CELL_ERROR
        return types

    original_values = xlrd.sheet.Sheet.row_values

    def error_values(self, rowx, *args, **kwargs):
        values = list(original_values(self, rowx, *args, **kwargs))
        if self.name == "E" and rowx == 0:
            values[0] = 7
        return values

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(xlrd.sheet.Sheet, "row_types", with_error)
        patch.setattr(xlrd.sheet.Sheet, "row_values", error_values)
        data = xls_bytes(lambda book: book.add_sheet("E").write(0, 0, 1.0))
        sheets, _date1904 = xls_reader.read_xls(data, ReadLimits())
    assert sheets[0].value(0, 0) == CellError("#DIV/0!")
