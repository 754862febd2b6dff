"""Wide grids read from their evidence: sections, person blocks, day fractions, the file's own totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.operational_settings import OperationalSettings
from processing.extraction import extract
from processing.workbook import Cell
from tests.processing.extraction.grids import sheet, workbook

D = dt.datetime
MON = [D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)]
NEXT = [D(2026, 3, 9), D(2026, 3, 10), D(2026, 3, 11)]


def read(*sheets):
    return extract(workbook(*sheets), OperationalSettings())


def cards(extraction):
    return {c.employee: c for c in extraction.timecards}


def test_day_dollars_priced_from_the_rate_column_are_pay_not_hours():
    rows = [["Name", "Weekly", *MON],
            ["Ann Lee", 2100, Cell(300, formula="=$B2/7"), Cell(300, formula="=$B2/7"), Cell(300, formula="=$B2/7")]]
    ann = cards(read(sheet("s", rows)))["Ann Lee"]
    assert ann.total_pay == Decimal(900) and ann.total_hours is None


def test_a_row_sum_formula_is_a_stated_total_and_a_total_due_includes_per_diem():
    rows = [["Name", *MON, "Wages", "Per Diem", "Total"],
            ["Ann Lee", 300, 300, 300, Cell(900, formula="=SUM(B2:D2)"), 150, Cell(1050, formula="=SUM(E2:F2)")]]
    extraction = read(sheet("s", rows))
    totals = cards(extraction)["Ann Lee"].stated_totals
    wages = next(t for t in totals if not t.includes_nonwage)
    due = next(t for t in totals if t.includes_nonwage)
    assert wages.value == Decimal(900) and due.value == Decimal(1050) and due.nonwage == Decimal(150)
    assert extraction.sheets[0].reconciliation == {"stated": 2, "reproduced": 2}


def test_a_wrong_stated_total_is_not_counted_as_reproduced():
    rows = [["Name", *MON, "Wages"], ["Ann Lee", 300, 300, 300, Cell(1000, formula="=SUM(B2:D2)")]]
    assert read(sheet("s", rows)).sheets[0].reconciliation == {"stated": 1, "reproduced": 0}


def test_day_fractions_are_shares_of_the_day_rate():
    rows = [["Name", "Day Rate", *MON, "Gross"],
            ["Ann Lee", 400, 1, 0.5, 1, Cell(1000, formula="=SUM(C2:E2)*B2")],
            ["Bo Diaz", 200, 1, 1, "-", Cell(400, formula="=SUM(C3:E3)*B3")]]
    extraction = read(sheet("s", rows))
    people = cards(extraction)
    assert [e.pay for e in people["Ann Lee"].entries] == [Decimal(400), Decimal(200), Decimal(400)]
    assert len(people["Bo Diaz"].entries) == 2
    assert extraction.sheets[0].reconciliation == {"stated": 2, "reproduced": 2}


def test_a_second_date_row_opens_week_two_and_block_rows_carry_the_person():
    rows = [["Name", *MON],
            ["Ann Lee", None, None, None],
            [None, 8, 8, None],
            [None, *NEXT],
            [None, 4, None, 8],
            ["Bo Diaz", *MON],
            [None, 6, 6, 6]]
    people = cards(read(sheet("s", rows)))
    assert [e.date.day for e in people["Ann Lee"].entries] == [2, 3, 9, 11]
    assert people["Bo Diaz"].total_hours == Decimal(18)


def test_a_hidden_helper_sheet_neither_sets_the_period_nor_raises_issues():
    grid = sheet("Week", [["Name", *MON], ["Ann Lee", 8, 8, 8]])
    helper = sheet("Lookup", [["Pay period 01/05/2026 - 01/11/2026"], ["#N/A", "x"]], hidden=True)
    extraction = read(grid, helper)
    assert extraction.period_start == dt.date(2026, 3, 2)
    assert not [i for i in extraction.issues if i.code == "UNREADABLE_CELL"]


def test_an_error_cell_on_a_visible_sheet_is_named_by_position_not_by_sheet_name():
    grid = sheet("Ann Lee", [["Name", *MON], ["Ann Lee", 8, "#REF!", 8]])
    issue = next(i for i in read(grid).issues if i.code == "UNREADABLE_CELL")
    assert issue.sheet == 1 and issue.cells == ["C2"] and "Ann Lee" not in issue.message


def test_zip_code_rows_between_people_do_not_turn_hours_into_dollars():
    rows = [["Name", *MON], ["Ann Lee", 8, 8, 8], [None, 90210, 90210, 90210], ["Bo Diaz", 7, 7, 7]]
    people = cards(read(sheet("s", rows)))
    assert people["Ann Lee"].total_hours == Decimal(24) and people["Bo Diaz"].total_hours == Decimal(21)
