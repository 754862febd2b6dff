"""extract() as a whole: merging across sheets, errors, markdown, stored mappings, PII."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

import pytest

from core.operational_settings import OperationalSettings
from processing.errors import UNRECOGNIZED_LAYOUT, InputError
from processing.extraction import extract
from processing.families import detect_layout
from tests.processing.extraction.grids import sheet, workbook

D = dt.datetime
SETTINGS = OperationalSettings()


def test_one_timecard_per_person_across_sheets_matched_by_id_then_name():
    week1 = sheet("Week 1", [["Emp ID", "Name", "Date", "Hours", "Rate"],
                             ["E7", "Smith, Jane", D(2026, 3, 2), 8, 20],
                             ["E8", "Bo Chen", D(2026, 3, 2), 4, 20]])
    week2 = sheet("Week 2", [["Emp ID", "Name", "Date", "Hours", "Rate"],
                             ["E7", "J. Smith", D(2026, 3, 9), 8, 20],
                             [None, "BO CHEN", D(2026, 3, 9), 4, 20]])
    extraction = extract(workbook(week1, week2), SETTINGS)
    jane, bo = extraction.timecards
    assert jane.employee == "Jane Smith" and jane.employee_id == "E7"
    assert [e.date.day for e in jane.entries] == [2, 9] and jane.sheets == ["Week 1", "Week 2"]
    assert bo.employee == "Bo Chen" and [e.date.day for e in bo.entries] == [2, 9]
    assert bo.total_hours == Decimal(8) and bo.total_pay == Decimal(160)


def test_the_same_date_on_two_sheets_is_one_entry():
    day_shift = sheet("Day", [["Name", "Date", "Hours", "Rate"], ["Ann Lee", D(2026, 3, 2), 4, 20]])
    night_shift = sheet("Night", [["Name", "Date", "Hours", "Rate"], ["Ann Lee", D(2026, 3, 2), 3.5, 20]])
    (ann,) = extract(workbook(day_shift, night_shift), SETTINGS).timecards
    assert [(e.hours, e.pay) for e in ann.entries] == [(Decimal("7.5"), Decimal(150))]


def test_a_file_without_any_timecard_is_refused_with_what_was_expected():
    notes = sheet("Notes", [["Quarterly budget"], ["Item", "Cost"], ["Paint", 20]])
    with pytest.raises(InputError) as caught:
        extract(workbook(notes), SETTINGS)
    assert caught.value.code == UNRECOGNIZED_LAYOUT
    assert "employee" in caught.value.message and "Paint" not in caught.value.message


def test_a_summary_alone_yields_no_timecard():
    summary = sheet("Summary", [["Employee", "Total Hours"], ["Ann Lee", 40]])
    with pytest.raises(InputError):
        extract(workbook(summary), SETTINGS)


def test_markdown_is_the_normalized_table_without_banner_or_sensitive_data():
    rows = [["Pinecrest Facilities"], ["Pay period 03/02/2026 - 03/08/2026"],
            ["Name", "SSN", "Date", "Hours", "Notes"],
            ["Morales, Elena", "123-45-6789", D(2026, 3, 2), 8, "call 555-12-3456 | later"]]
    extraction = extract(workbook(sheet("Export", rows)), SETTINGS)
    table = extraction.markdown["Export"]
    lines = table.splitlines()
    assert lines[0] == "| Name | Date | Hours | Notes |"
    assert lines[1].startswith("|") and "---" in lines[1]
    assert lines[2].startswith("| Morales, Elena | 2026-03-02 | 8 |")
    assert "123-45-6789" not in table and "555-12-3456" not in table and "Pinecrest" not in table
    assert "\\|" in table  # a pipe inside a cell cannot break the table


def test_markdown_is_bounded():
    rows = [["Name", "Date", "Hours", "Rate"]] + [["Ann Lee", D(2026, 3, 2), 1, 20]] * 700
    table = extract(workbook(sheet("Long", rows)), SETTINGS).markdown["Long"]
    assert len(table.splitlines()) <= 502


def test_stored_mapping_is_used_through_extract():
    rows = [["Worker", "Day", "Qty", "Price"], ["Jane Smith", D(2026, 3, 2), 8, 20]]
    key = detect_layout(sheet("s", rows)).fingerprint
    with pytest.raises(InputError):
        extract(workbook(sheet("s", rows)), SETTINGS)
    mappings = {key: {"Worker": "employee", "Day": "date", "Qty": "hours", "Price": "hourly_rate"}}
    extraction = extract(workbook(sheet("s", rows)), SETTINGS, mappings=mappings)
    (jane,) = extraction.timecards
    assert [(e.hours, e.pay) for e in jane.entries] == [(Decimal(8), Decimal(160))]
    assert extraction.sheets[0].method == "stored_mapping"
    assert extraction.sheets[0].fingerprint == key


def test_error_cells_never_become_numbers_and_nothing_is_logged_with_content(caplog):
    rows = [["Name", "Date", "Hours", "Rate", "SSN"],
            ["Ann Lee", D(2026, 3, 2), "#REF!", 20, "987-65-4321"],
            ["Ann Lee", D(2026, 3, 3), 8, "#VALUE!", "987-65-4321"]]
    with caplog.at_level(logging.DEBUG):
        extraction = extract(workbook(sheet("s", rows)), SETTINGS)
    (ann,) = extraction.timecards
    assert [(e.date.day, e.hours, e.pay) for e in ann.entries] == [(3, Decimal(8), None)]
    assert sorted(i.message.split()[1] for i in extraction.issues) == ["C2", "D3"]
    assert "987-65" not in caplog.text and "Ann Lee" not in caplog.text
    assert all("987-65" not in i.message and "Ann" not in i.message for i in extraction.issues)


def test_hidden_sheets_rows_and_columns_are_read_and_noted():
    rows = [["Name", "Date", "Hours", "Rate"], ["Ann Lee", D(2026, 3, 2), 8, 20], ["Ann Lee", D(2026, 3, 3), 8, 20]]
    hidden = sheet("Old", rows, hidden=True, hidden_rows={2}, hidden_columns={3})
    extraction = extract(workbook(hidden), SETTINGS)
    assert len(extraction.timecards[0].entries) == 2
    schema = extraction.sheets[0]
    assert schema.hidden is True
    assert any("hidden row" in n for n in schema.notes) and any("hidden columns: D" in n for n in schema.notes)


def test_period_from_the_banner_else_from_the_dates():
    banner = sheet("s", [["Week of 3/2/26 - 3/8/26"], ["Name", "Date", "Hours"], ["Ann Lee", D(2026, 3, 3), 8]])
    plain = sheet("s", [["Name", "Date", "Hours"], ["Ann Lee", D(2026, 3, 3), 8], ["Ann Lee", D(2026, 3, 5), 8]])
    first = extract(workbook(banner), SETTINGS)
    second = extract(workbook(plain), SETTINGS)
    assert (first.period_start, first.period_end) == (dt.date(2026, 3, 2), dt.date(2026, 3, 8))
    assert (second.period_start, second.period_end) == (dt.date(2026, 3, 3), dt.date(2026, 3, 5))
    assert first.timecards[0].entries[0].pay is None  # no rate anywhere: pay unknown


def test_markdown_of_a_per_employee_sheet_keeps_the_banner_naming_the_person():
    rows = [["Employee Name:", "Lee, Ann"], ["Date", "Start", "End", "Hours"], [D(2026, 3, 2), "9:00", "17:00", 8]]
    table = extract(workbook(sheet("Ann", rows)), SETTINGS).markdown["Ann"]
    assert "Lee, Ann" in table and "| 2026-03-02 | 9:00 | 17:00 | 8 |" in table


def test_same_name_with_different_ids_stays_two_people():
    from processing.extraction.merge import merge
    from processing.extraction.records import Record, SheetResult

    day = dt.date(2026, 3, 2)
    result = SheetResult(records=[
        Record(employee="Ann Lee", employee_id="101", date=day, hours=Decimal(8)),
        Record(employee="Ann Lee", employee_id="202", date=day, hours=Decimal(6)),
        Record(employee="Ann Lee", employee_id="101", date=day + dt.timedelta(days=1), hours=Decimal(7)),
    ])
    cards, _ = merge([result])
    assert sorted((c.employee_id, c.total_hours) for c in cards) == [("101", Decimal(15)), ("202", Decimal(6))]
