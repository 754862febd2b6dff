from __future__ import annotations

import datetime as dt

from processing.families import detect_layout
from processing.layout import build_schema, fingerprint
from tests.processing.extraction.grids import sheet

D = dt.datetime


def grid(first_day: dt.datetime, header_name: str = "Name"):
    days = [first_day + dt.timedelta(days=i) for i in range(5)]
    return sheet("Payroll", [["Crew Payroll"], [header_name, "Rate", *days, "Total Hours"], ["Ann Lee", 20, 8, 8, 8, 8, 8, 40]])


def test_fingerprint_ignores_the_week_but_not_the_layout():
    week1, week2 = grid(D(2026, 3, 2)), grid(D(2026, 3, 9))
    assert fingerprint(week1, [1]) == fingerprint(week2, [1])
    assert fingerprint(week1, [1]) != fingerprint(grid(D(2026, 3, 2), "Worker"), [1])
    assert len(fingerprint(week1, [1])) == 24


def test_fingerprint_depends_on_positions():
    a = sheet("s", [["Name", "Date", "Hours"]])
    b = sheet("s", [["Date", "Name", "Hours"]])
    assert fingerprint(a, [0]) != fingerprint(b, [0])


def test_schema_record_of_a_long_sheet():
    rows = [["Acme"], ["Employee", "SSN", "Date", "Hours", "Pay Rate", "Mystery"],
            ["Jane Smith", "123-45-6789", D(2026, 3, 2), 8, "$20.00", "x"]]
    layout = detect_layout(sheet("Week", rows))
    schema = build_schema(layout)
    assert schema.family == "long"
    assert schema.header_rows == [2] and schema.data_rows == (3, 3)
    columns = {c.letter: c for c in schema.columns}
    assert columns["A"].role == "employee" and columns["A"].type == "text"
    assert columns["B"].role == "ssn"
    assert columns["C"].role == "date" and columns["C"].type == "date"
    assert columns["D"].type == "number" and columns["E"].type == "money"
    assert columns["F"].role is None and columns["F"].method == "none"
    assert schema.fingerprint == layout.fingerprint
    assert any("sensitive" in note for note in schema.notes)
    assert all("123-45" not in note for note in schema.notes)


def test_a_stored_mapping_overrides_detection_for_the_same_layout():
    rows = [["Worker", "Day", "Qty", "Price"], ["Jane Smith", D(2026, 3, 2), 8, 20]]
    plain = detect_layout(sheet("s", rows))
    assert plain.family != "long"  # nothing says Qty are hours
    mapping = {plain.fingerprint: {"Worker": "employee", "Day": "date", "Qty": "hours", "3": "hourly_rate"}}
    mapped = detect_layout(sheet("s", rows), mappings=mapping)
    assert mapped.roles[2].role == "hours" and mapped.roles[2].method == "stored_mapping"
    assert mapped.roles[3].role == "hourly_rate"
    assert mapped.family == "long"  # the mapping also decides how the sheet is read
    schema = build_schema(mapped)
    assert schema.method == "stored_mapping"
    assert {c.role for c in schema.columns if c.method == "stored_mapping"} == {"employee", "date", "hours",
                                                                               "hourly_rate"}


def test_a_stored_mapping_for_another_layout_is_not_used():
    rows = [["Employee", "Date", "Hours"], ["Jane Smith", D(2026, 3, 2), 8]]
    layout = detect_layout(sheet("s", rows), mappings={"0" * 24: {"Hours": "overtime_hours"}})
    assert layout.roles[2].role == "hours" and layout.roles[2].method != "stored_mapping"


def test_a_stored_mapping_can_unmap_a_column():
    rows = [["Employee", "Date", "Hours", "Notes"], ["Jane Smith", D(2026, 3, 2), 8, "late"]]
    key = detect_layout(sheet("s", rows)).fingerprint
    layout = detect_layout(sheet("s", rows), mappings={key: {"D": None}})
    assert 3 not in layout.roles


def test_wide_grid_schema_lists_day_columns_and_extra_header_rows():
    rows = [["Tour"], ["Day Type", None, "SHOW", "TRAVEL", "SHOW"], ["State", None, "TX", "OK", "OK"],
            ["Employee", "Rate", D(2026, 3, 2), "=C4+1", "=D4+1", "Per Diem"], ["Ann Lee", 20, 8, 8, 8, 105]]
    schema = build_schema(detect_layout(sheet("Grid", rows)))
    assert schema.family == "wide_grid"
    assert schema.header_rows == [2, 3, 4]
    days = [c for c in schema.columns if c.role == "day"]
    assert [c.header for c in days] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    assert {c.letter: c.role for c in schema.columns if c.role != "day"} == {"A": "employee", "B": "hourly_rate",
                                                                             "F": "per_diem"}


def test_a_stored_mapping_can_name_a_column_without_header_text_by_letter():
    rows = [["Employee", "Date", None, "Rate"], ["Jane Smith", D(2026, 3, 2), 8, 20]]
    key = detect_layout(sheet("s", rows)).fingerprint
    layout = detect_layout(sheet("s", rows), mappings={key: {"C": "hours"}})
    assert layout.family == "long"
    assert layout.roles[2].role == "hours" and layout.roles[2].method == "stored_mapping"
