"""Numbers no spreadsheet can compute with (NaN, infinities, subnormals) become #NUM! cells.

Other tools write them into files (<v>NaN</v>, <v>INF</v>, <v>1e309</v>, <v>5e-324</v>);
read as floats they turned into blanks or 0 downstream. As Excel's #NUM! error they are
reported as unreadable cells, and the file goes to review.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from processing.readers import read_workbook
from processing.readers.cells import INVALID_NUMBER, checked_number
from processing.readers.serials import convert_serial
from processing.workbook import CellError
from tests.processing.readers.builders import single_sheet_xlsx, xls_bytes


def _row(r: int, value: str, style: str = "") -> str:
    return f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c><c r="B{r}"{style}><v>{value}</v></c></row>'


@pytest.mark.parametrize("text", ["NaN", "INF", "-INF", "inf", "1e309", "-1e309", "5e-324"])
def test_xlsx_numbers_past_float_range_read_as_num_errors(text):
    data = single_sheet_xlsx(_row(1, "8") + _row(2, text))
    sheet = read_workbook("week.xlsx", data).sheets[0]
    assert sheet.value(0, 1) == 8
    assert sheet.value(1, 1) == CellError("#NUM!")


def test_xlsx_date_formatted_nan_is_a_num_error_not_a_crash():
    # s="1" in openpyxl's default styles is no date; build one with a date style instead
    import openpyxl

    from tests.processing.readers.builders import with_sheet_xml, worksheet_xml, xlsx_bytes

    def build(wb):
        ws = wb.active
        ws["A1"] = dt.date(2026, 3, 2)
        ws["A2"] = dt.date(2026, 3, 3)

    base = xlsx_bytes(build)
    styled = openpyxl.load_workbook(__import__("io").BytesIO(base))["Sheet"]["A1"].style_id
    data = with_sheet_xml(base, worksheet_xml(
        f'<row r="1"><c r="A1" s="{styled}"><v>46083</v></c></row>'
        f'<row r="2"><c r="A2" s="{styled}"><v>NaN</v></c></row>'))
    sheet = read_workbook("week.xlsx", data).sheets[0]
    assert sheet.value(0, 0) == dt.date(2026, 3, 2)
    assert sheet.value(1, 0) == CellError("#NUM!")


@pytest.mark.parametrize("number_format", ["[h]:mm", "h:mm", "m/d/yy h:mm"])
@pytest.mark.parametrize("text", ["NaN", "INF", "1e309", "5e-324"])
def test_xlsx_time_and_duration_formatted_specials_are_num_errors_not_zero_hours(number_format, text):
    # calamine converts formatted cells itself: NaN under [h]:mm must not become 0:00
    import io

    import openpyxl

    from tests.processing.readers.builders import with_sheet_xml, worksheet_xml, xlsx_bytes

    def build(wb):
        wb.active["A1"] = 0.5
        wb.active["A1"].number_format = number_format

    base = xlsx_bytes(build)
    style = openpyxl.load_workbook(io.BytesIO(base)).active["A1"].style_id
    data = with_sheet_xml(base, worksheet_xml(
        f'<row r="1"><c r="A1" s="{style}"><v>0.5</v></c><c r="B1" s="{style}"><v>{text}</v></c></row>'))
    sheet = read_workbook("week.xlsx", data).sheets[0]
    # serial 0.5 under a date format: calamine counts from 1899-12-30, serials.py (the xls and
    # sparse paths) from 1899-12-31 for serials before the fake 1900-02-29; both are no payroll date
    assert sheet.value(0, 0) in (dt.timedelta(hours=12), dt.time(12, 0), dt.datetime(1899, 12, 30, 12, 0),
                                 dt.datetime(1899, 12, 31, 12, 0))
    assert sheet.value(0, 1) == CellError("#NUM!")


def test_xls_nan_and_infinity_read_as_num_errors():
    def build(book):
        sheet = book.add_sheet("Week")
        sheet.write(0, 0, 8.0)
        sheet.write(1, 0, float("nan"))
        sheet.write(2, 0, float("inf"))

    sheet = read_workbook("week.xls", xls_bytes(build)).sheets[0]
    assert sheet.value(0, 0) == 8
    assert sheet.value(1, 0) == CellError("#NUM!")
    assert sheet.value(2, 0) == CellError("#NUM!")


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 5e-324, -5e-324])
def test_checked_number_refuses_what_excel_cannot_hold(value):
    assert checked_number(value) is INVALID_NUMBER


@pytest.mark.parametrize("value", [0.0, -0.0, 8.5, 1e308, 2.2250738585072014e-308, 1.7e-15])
def test_checked_number_keeps_real_numbers(value):
    assert checked_number(value) == value


@pytest.mark.parametrize("number_format", ["[h]:mm", "h:mm", "yyyy-mm-dd", "m/d/yy h:mm"])
def test_serial_conversion_never_raises(number_format):
    for value in (math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324):
        converted = convert_serial(value, number_format, False)
        assert converted is INVALID_NUMBER or isinstance(converted, (float, dt.timedelta, dt.time, dt.date))
    assert convert_serial(1e308, "[h]:mm", False) == 1e308  # no duration anyone worked: left a number
