"""Column and formula evidence: what a column holds, what a formula adds up, who the person is."""

from __future__ import annotations

import datetime as dt

import pytest

from processing.evidence.content import profile, value_kind
from processing.evidence.formulas import parse_sum, references
from processing.evidence.identity import choose_identity
from processing.evidence.periods import sheet_name_period
from processing.workbook import Cell
from tests.processing.extraction.grids import sheet


@pytest.mark.parametrize("value, kind", [
    ("Ann Lee", "name"), ("Lee, Ann", "name"), ("CA", "state"), ("90210", "zip"), ("17:00", "time"),
    ("$300", "money"), ("300.00", "number"), ("X", "mark"), ("E1234", "id"), (None, "empty"),
    (dt.datetime(2026, 3, 2), "date"),
])
def test_value_kinds(value, kind):
    assert value_kind(value) == kind


def test_a_time_formatted_number_is_a_time_and_a_currency_format_is_money():
    assert value_kind(0.5, "h:mm AM/PM") == "time"
    assert value_kind(250, '"$"#,##0.00') == "money"


def test_sums_rows_ranges_and_signs():
    assert parse_sum("=SUM(B2:D2)").terms == {(1, 1): 1, (1, 2): 1, (1, 3): 1}
    assert parse_sum("=+B2+C2-D2").terms == {(1, 1): 1, (1, 2): 1, (1, 3): -1}
    assert parse_sum("=SUM(G9:H9)*F9").scale == (8, 5)
    for not_a_sum in ("=IF(A1>0,B1,C1)", "=VLOOKUP(A1,B:C,2)", "=Sheet2!A1+B1", "=B2*C2", None, ""):
        assert parse_sum(not_a_sum) is None, not_a_sum
    assert references("=$I6*0.5+J$4") == [(5, 8), (3, 9)]


def test_the_identity_is_the_column_of_names_not_the_state_column_headed_name():
    rows = [["Name", "Crew", "Mon"], ["CA", "Ann Lee", 8], ["OH", "Bo Diaz", 8], ["WA", "Cy Park", 8]]
    grid = sheet("s", rows)
    choice = choose_identity(grid, {0: "employee"}, [1, 2, 3], work_start=2)
    assert choice is not None and choice.column == 1


def test_a_helper_table_name_column_right_of_the_days_loses_to_the_one_before_them():
    rows = [["Last Name", "Mon", "Tue", "Name"], ["Lee", 8, 8, "Ann Lee"], ["Diaz", 8, 8, "Bo Diaz"]]
    choice = choose_identity(sheet("s", rows), {0: "last_name", 3: "employee"}, [1, 2], work_start=1)
    assert choice.column == 0


def test_no_identity_when_no_column_holds_names():
    rows = [["Id", "Mon"], ["101", 8], ["102", 8]]
    assert choose_identity(sheet("s", rows), {0: "employee_id"}, [1, 2], work_start=1) is None


def test_profiles_count_kinds_over_data_rows():
    grid = sheet("s", [["State"], ["CA"], ["OH"], [None], ["TN"]])
    column = profile(grid, 0, range(1, 5))
    assert column.filled == 3 and column.share("state") == 1.0 and column.person_like == 0.0
    assert Cell(value=None).value is None


@pytest.mark.parametrize("name, period", [
    ("6.1.26-6.7.26", (dt.date(2026, 6, 1), dt.date(2026, 6, 7))),
    ("1.25.25 - 2.1.25", (dt.date(2025, 1, 25), dt.date(2025, 2, 1))),
    ("02-09-25", (dt.date(2025, 2, 3), dt.date(2025, 2, 9))),
    ("Sheet1", None), ("2025", None), ("1.1.26-6.1.26", None),
])
def test_sheet_name_periods(name, period):
    assert sheet_name_period(name) == period
