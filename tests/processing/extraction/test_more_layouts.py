"""Rarer shapes: repeated header blocks per employee, month label over day numbers,
day-first text dates, separate first/last name columns, durations formatted [h]:mm."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.operational_settings import OperationalSettings
from processing.extraction import extract
from processing.workbook import Cell, CellError
from tests.processing.extraction.grids import sheet, workbook

D = dt.datetime
SETTINGS = OperationalSettings()


def entries(card):
    return [(e.date.isoformat(), e.hours, e.pay) for e in card.entries]


def test_repeated_header_block_per_employee_on_one_sheet():
    rows = [
        ["Crew timesheets - week ending 03/08/2026"],
        ["Employee:", "Lee, Ann", None, "Rate:", "$20.00"],
        ["Date", "In", "Out", "Hours"],
        [D(2026, 3, 2), "9:00", "17:00", 8],
        [D(2026, 3, 3), "9:00", "13:00", 4],
        [None, None, "Total", 12],
        [],
        ["Employee:", "Chen, Bo", None, "Rate:", "$25.00"],
        ["Date", "In", "Out", "Hours"],
        [D(2026, 3, 2), "22:00", "06:00", 8],
        [None, None, "Total", 8],
    ]
    extraction = extract(workbook(sheet("Crew", rows)), SETTINGS)
    ann, bo = extraction.timecards
    assert ann.employee == "Ann Lee" and bo.employee == "Bo Chen"
    assert entries(ann) == [("2026-03-02", Decimal(8), Decimal(160)), ("2026-03-03", Decimal(4), Decimal(80))]
    assert entries(bo) == [("2026-03-02", Decimal(8), Decimal(200))]
    assert [t.value for t in ann.stated_totals] == [Decimal(12)]
    assert [t.value for t in bo.stated_totals] == [Decimal(8)]
    assert any("2 employee blocks" in note for note in extraction.sheets[0].notes)


def test_month_label_row_over_day_numbers():
    rows = [["Crew Payroll"], [None, None, "March 2026"], ["Name", "Rate", 30, 31, 1],
            ["Ann Lee", 20, 8, "OFF", 6]]
    (ann,) = extract(workbook(sheet("Grid", rows)), SETTINGS).timecards
    assert entries(ann) == [("2026-03-30", Decimal(8), Decimal(160)), ("2026-04-01", Decimal(6), Decimal(120))]


def test_day_numbers_inside_a_stated_period():
    rows = [["PE: 03/02-03/04/26"], ["Name", "Rate", 2, 3, 4], ["Ann Lee", 20, 8, 8, 8]]
    (ann,) = extract(workbook(sheet("Grid", rows)), SETTINGS).timecards
    assert [e.date for e in ann.entries] == [dt.date(2026, 3, d) for d in (2, 3, 4)]


def test_day_first_text_dates_when_the_column_says_so():
    rows = [["Name", "Date", "Hours", "Rate"], ["Ann Lee", "02/03/2026", 8, 20], ["Ann Lee", "25/03/2026", 8, 20]]
    (ann,) = extract(workbook(sheet("s", rows), name="x.csv"), SETTINGS).timecards
    assert [e.date for e in ann.entries] == [dt.date(2026, 3, 2), dt.date(2026, 3, 25)]


def test_ambiguous_text_dates_stay_month_first():
    rows = [["Name", "Date", "Hours", "Rate"], ["Ann Lee", "02/03/2026", 8, 20]]
    (ann,) = extract(workbook(sheet("s", rows), name="x.csv"), SETTINGS).timecards
    assert ann.entries[0].date == dt.date(2026, 2, 3)


def test_separate_first_and_last_name_columns():
    rows = [["Last Name", "First Name", "Date", "Hours", "Rate"], ["Smith ", " Jane", D(2026, 3, 2), 8, 20]]
    (jane,) = extract(workbook(sheet("s", rows)), SETTINGS).timecards
    assert jane.employee == "Jane Smith"


def test_hours_formatted_as_a_duration_are_fractions_of_a_day():
    rows = [["Name", "Date", "Hours", "Rate"], ["Ann Lee", D(2026, 3, 2), Cell(0.375, number_format="[h]:mm"), 20]]
    (ann,) = extract(workbook(sheet("s", rows)), SETTINGS).timecards
    assert entries(ann) == [("2026-03-02", Decimal(9), Decimal(180))]


def test_day_rate_long_table_without_hours():
    rows = [["Name", "Date", "Day Rate"], ["Ann Lee", D(2026, 3, 2), "$250"], ["Ann Lee", D(2026, 3, 3), "$250"]]
    (ann,) = extract(workbook(sheet("s", rows)), SETTINGS).timecards
    assert entries(ann) == [("2026-03-02", None, Decimal(250)), ("2026-03-03", None, Decimal(250))]


def test_uncached_date_chain_resolves_even_when_the_reader_marked_it_unavailable():
    na = Cell(value=CellError("#N/A"), formula="=B1+1")
    rows = [["Name", D(2026, 3, 2), na, Cell(value=None, formula="=C1+1")], ["Ann Lee", 8, 8, 8],
            ["Rate", None, None, None]]
    extraction = extract(workbook(sheet("Grid", rows[:2])), SETTINGS)
    (ann,) = extraction.timecards
    assert [e.date.day for e in ann.entries] == [2, 3, 4]
    assert extraction.issues == []  # the header cell was read through its formula


def test_a_real_error_in_a_day_cell_is_still_reported():
    rows = [["Name", D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)], ["Ann Lee", 8, Cell(value=CellError("#N/A")), 8]]
    extraction = extract(workbook(sheet("Grid", rows)), SETTINGS)
    assert [i.code for i in extraction.issues] == ["UNREADABLE_CELL"]
    assert [e.date.day for e in extraction.timecards[0].entries] == [2, 4]
