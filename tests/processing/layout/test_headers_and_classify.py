from __future__ import annotations

import datetime as dt

import pytest

from processing.families import classify
from processing.layout.grid import date_at, find_period
from processing.layout.headers import find_date_column, find_date_header_row, find_table_header
from tests.processing.extraction.grids import sheet

D = dt.datetime


def long_rows():
    return [
        ["Acme Staffing"],
        ["Pay period 03/02/2026 - 03/08/2026"],
        [],
        ["Employee", "Date", "Hours", "Rate"],
        ["Jane Smith", D(2026, 3, 2), 8, 20],
    ]


def test_table_header_is_found_below_the_banner():
    header = find_table_header(sheet("s", long_rows()))
    assert header is not None and header.rows == [3]
    assert {c: m.role for c, m in header.roles.items()} == {0: "employee", 1: "date", 2: "hours", 3: "hourly_rate"}


def test_a_banner_sentence_is_not_a_header():
    rows = [["Employee hours and rate are confirmed by the date shown"], ["Name", "Date", "Hours"]]
    assert find_table_header(sheet("s", rows)).rows == [1]


def test_two_row_header_joins_the_group_label():
    rows = [
        ["Week Ending: 03/15/2026"],
        [None, None, "Hours", None, None, None],
        ["Employee", "Date", "Reg", "OT", "DT", "Rate"],
        ["Lucy Grant", D(2026, 3, 9), 8, None, None, 20],
    ]
    header = find_table_header(sheet("s", rows, merged=[(1, 2, 1, 4)]))
    assert header.rows == [1, 2]
    assert header.texts[3] == "Hours OT"
    assert [header.roles[c].role for c in (2, 3, 4)] == ["straight_hours", "overtime_hours", "double_time_hours"]


def test_a_title_merged_across_the_table_is_not_a_super_header():
    rows = [["Crew Timesheet", None, None], ["Name", "Date", "Hours"], ["A B", D(2026, 3, 2), 8]]
    assert find_table_header(sheet("s", rows, merged=[(0, 0, 0, 2)])).rows == [1]


def test_date_header_row_follows_chained_formulas_without_cached_values():
    rows = [["Name", "Rate", D(2026, 3, 2), "=C1+1", "=D1+1", "=E1+1", "Total"]]
    found = find_date_header_row(sheet("s", rows), date1904=False, period=None)
    assert found.row == 0
    assert found.dates == {2: dt.date(2026, 3, 2), 3: dt.date(2026, 3, 3), 4: dt.date(2026, 3, 4),
                           5: dt.date(2026, 3, 5)}


def test_date_header_row_with_serials_in_the_1904_system():
    rows = [["Name", 44621, 44622, 44623]]
    found = find_date_header_row(sheet("s", rows), date1904=True, period=None)
    assert list(found.dates.values())[0] == dt.date(2026, 3, 2)


def test_day_headers_without_a_year_use_the_period():
    rows = [["Pay period 03/02/2026 - 03/08/2026"], ["Employee", "Mon 3/2", "Tue 3/3", "Wed 3/4"]]
    grid = sheet("s", rows)
    period = find_period(grid)
    assert period == (dt.date(2026, 3, 2), dt.date(2026, 3, 8))
    found = find_date_header_row(grid, date1904=False, period=period)
    assert found.row == 1 and found.dates[3] == dt.date(2026, 3, 4)


def test_date_column_of_a_transposed_grid():
    rows = [["Name", "Ann Lee", "Bo Chen"]] + [[D(2026, 3, 16 + i), 8, 8] for i in range(5)]
    col, dates = find_date_column(sheet("s", rows), date1904=False, period=None)
    assert col == 0 and len(dates) == 5 and min(dates) == 1


def test_date_at_resolves_a_chain_and_refuses_other_formulas():
    grid = sheet("s", [[D(2026, 3, 2), "=A1+1", "=B1+1", "=SUM(A1:B1)"]])
    assert date_at(grid, 0, 2) == dt.date(2026, 3, 4)
    assert date_at(grid, 0, 3) is None


@pytest.mark.parametrize(
    ("rows", "name", "family"),
    [
        ([["Employee", "Date", "Hours"], ["A B", D(2026, 3, 2), 8]], "Sheet1", "long"),
        ([["ID", "Name", "Date", "In", "Out"], [1, "A B", D(2026, 3, 2), "9:00", "17:00"]], "Sheet1", "punch"),
        ([["Employee: A B"], ["Date", "Start", "End", "Hours"], [D(2026, 3, 2), "9:00", "17:00", 8]], "A B",
         "per_employee"),
        ([["Name", D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)], ["A B", 8, 8, 8]], "Sheet1", "wide_grid"),
        ([["Name", None, D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)],
          ["A B", "PAID HOURS", 8, 8, 8], [None, "OVERTIME", None, None, 1], [None, "LABOR COST", 80, 80, 95]],
         "Sheet1", "block"),
        ([["Name", "Ann Lee", "Bo Chen"]] + [[D(2026, 3, 16 + i), 8, 8] for i in range(3)], "Sheet1", "transposed"),
        ([["Employee", "Ann Lee", "Bo Chen"], ["Position", "Grip", "PA"], ["Daily Rate", 200, 150]], "Rates",
         "register"),
        ([["Employee", "Total Hours", "Total Pay"], ["Ann Lee", 40, 800]], "Summary", "summary"),
        ([["How to fill in this timesheet"], ["Enter your hours every day."]], "Instructions", "instructions"),
        ([], "Empty", "empty"),
        ([["hello", "world"], ["foo", "bar"]], "Sheet9", "unrecognized"),
    ],
)
def test_classify_families(rows, name, family):
    assert classify(sheet(name, rows), date1904=False, period=None).family == family
