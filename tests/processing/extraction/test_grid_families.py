"""Wide grids (family 1), transposed grids (2), blocks per employee (3), registers (7)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from core.operational_settings import OperationalSettings
from processing.extraction import extract
from tests.processing.extraction.grids import sheet, workbook

D = dt.datetime
SETTINGS = OperationalSettings()
MON = D(2026, 3, 2)


def entries(card):
    return [(e.date.isoformat(), e.hours, e.pay) for e in card.entries]


def wide_rows():
    return [
        ["Northwind Touring LLC"],
        ["PE: 03/02-03/04/26"],
        [],
        ["Day Type", None, None, "SHOW", "TRAVEL", "SHOW"],
        ["State", None, None, "TX", "OK", "OK"],
        ["Employee", "Position", "Rate", MON, "=D6+1", "=E6+1", "Total Hours", "Per Diem", "Advance", "Total Due"],
        ["Okafor, Daniel", "SM", 32, 10, 12, "OFF", 22, 70, -100, 674],
        ["Park, Jun (JP)", "A2", 24.75, 9.5, "-", 9.25, 18.75, 70, None, 534.06],
        [],
        ["TOTAL", None, None, 19.5, 12, 9.25, 40.75, 140, -100, 1208.06],
        ["OFF = day off"],
    ]


def test_wide_grid_of_hours_with_rate_state_row_totals_and_money_columns():
    extraction = extract(workbook(sheet("Payroll", wide_rows())), SETTINGS)
    daniel, jun = extraction.timecards
    assert daniel.employee == "Daniel Okafor" and jun.employee == "Jun Park"
    assert entries(daniel) == [("2026-03-02", Decimal(10), Decimal(320)), ("2026-03-03", Decimal(12), Decimal(384))]
    assert entries(jun) == [("2026-03-02", Decimal("9.5"), Decimal("235.13")),
                            ("2026-03-04", Decimal("9.25"), Decimal("228.94"))]
    assert [e.work_state for e in daniel.entries] == ["TX", "OK"]
    assert daniel.total_pay == Decimal(704)  # never per diem, advances or Total Due
    assert [(t.measure, t.value) for t in daniel.stated_totals] == [("hours", Decimal(22))]
    sheet_totals = [(t.measure, t.value, t.date_from) for t in extraction.stated_totals]
    assert ("hours", Decimal("19.5"), dt.date(2026, 3, 2)) in sheet_totals
    assert ("hours", Decimal("40.75"), None) in sheet_totals
    assert (extraction.period_start, extraction.period_end) == (dt.date(2026, 3, 2), dt.date(2026, 3, 4))


def test_wide_grid_of_dollars_has_no_hours():
    rows = [["Name", "ID", MON, MON + dt.timedelta(days=1), MON + dt.timedelta(days=2), "Total Wages"],
            ["DIEGO RAMIREZ", "C-101", 250, "HM", "$275.50", 525.5]]
    (card,) = extract(workbook(sheet("Crew", rows)), SETTINGS).timecards
    assert card.employee == "DIEGO RAMIREZ" and card.employee_id == "C-101"
    assert entries(card) == [("2026-03-02", None, Decimal(250)), ("2026-03-04", None, Decimal("275.50"))]
    assert [(t.measure, t.value) for t in card.stated_totals] == [("pay", Decimal("525.5"))]


def test_worked_markers_are_priced_by_the_register_on_another_sheet():
    grid = sheet("Days Worked", [["Week of 3/23/26 - 3/29/26"],
                                 ["Crew Member", D(2026, 3, 23), D(2026, 3, 24), D(2026, 3, 25), "Days"],
                                 ["Grace Whitfield", 1, 1, None, 2], ["Tomás Reyes", "X", "OFF", 1, 2]])
    rates = sheet("Rates", [["Employee", "Grace Whitfield", "Tomás Reyes"], ["SSN", "***-**-4821", "***-**-7730"],
                            ["Weekly Rate", 1250, None], ["Daily Rate", 250, "$180.00"], ["Exempt", "Y", "N"]])
    extraction = extract(workbook(grid, rates), SETTINGS)
    assert [s.family for s in extraction.sheets] == ["wide_grid", "register"]
    grace, tomas = extraction.timecards
    assert entries(grace) == [("2026-03-23", None, Decimal(250)), ("2026-03-24", None, Decimal(250))]
    assert entries(tomas) == [("2026-03-23", None, Decimal(180)), ("2026-03-25", None, Decimal(180))]
    assert (grace.exempt, grace.weekly_salary, grace.day_rate) == (True, Decimal(1250), Decimal(250))
    assert tomas.exempt is False
    assert "4821" not in extraction.markdown["Rates"]


def test_a_ref_error_cell_is_reported_by_reference_and_never_read():
    rows = [["Pay period 03/02/2026 - 03/08/2026"], ["Employee", "Emp #", "Mon 3/2", "Tue 3/3", "Wed 3/4", "Rate"],
            ["Chen, Mei", "E-202", 7.5, "#REF!", 7.5, 23.5]]
    extraction = extract(workbook(sheet("Timesheet", rows)), SETTINGS)
    (mei,) = extraction.timecards
    assert mei.employee_id == "E-202"
    assert [e.date.day for e in mei.entries] == [2, 4]
    (issue,) = extraction.issues
    assert (issue.code, issue.severity) == ("UNREADABLE_CELL", "error")
    assert "D3" in issue.message and "sheet 1" in issue.message and "#REF" not in issue.message
    assert "Timesheet" not in issue.message  # sheet names are often people's names: never echoed


def test_transposed_grid_with_rate_row_and_footers():
    rows = [["Harbor Stage Crew"], ["Name", None, "Lee, Ann", "Chen, Bo"], ["Role", None, "Rigger", "Audio"],
            ["Rate", None, 28, "$31.50"], ["Date", "Day"]]
    for i, hours in enumerate([(10, 9), ("OFF", 9), (8, None)]):
        rows.append([MON + dt.timedelta(days=i), "Mon", *hours])
    rows += [["TOTAL HOURS", None, 18, 18], ["PER DIEMS: $35/Day"], ["LESS ADVANCES", None, -50, None]]
    extraction = extract(workbook(sheet("Load-In", rows), date1904=False), SETTINGS)
    assert extraction.sheets[0].family == "transposed"
    ann, bo = extraction.timecards
    assert entries(ann) == [("2026-03-02", Decimal(10), Decimal(280)), ("2026-03-04", Decimal(8), Decimal(224))]
    assert entries(bo) == [("2026-03-02", Decimal(9), Decimal("283.50")), ("2026-03-03", Decimal(9), Decimal("283.50"))]
    assert [(t.measure, t.value) for t in ann.stated_totals] == [("hours", Decimal(18))]


def test_transposed_grid_in_the_1904_date_system():
    rows = [["Name", "Ann Lee", "Bo Chen"], ["Rate", 20, 20]] + [[44621 + i, 8, 8] for i in range(3)]
    extraction = extract(workbook(sheet("s", rows), date1904=True), SETTINGS)
    assert extraction.timecards[0].entries[0].date == dt.date(2026, 3, 2)


def test_blocks_per_employee_with_merged_name_state_and_rate():
    days = [MON + dt.timedelta(days=i) for i in range(3)]
    rows = [["Employee", "State", "Rate", None, *days, "Total"],
            ["Harper, Liam", "TX", 30, "PAID HOURS", 11, 11, 11, 33],
            [None, None, None, "OVERTIME", None, None, None, 0],
            [None, None, None, "LABOR COST", 330, 330, 330, 990],
            ["Osei, Kwame", "OK", 25, "PAID HOURS", 10, None, 10, 20],
            [None, None, None, "OVERTIME", 2, None, None, 2],
            [None, None, None, "LABOR COST", None, None, 250, 250],
            ["TOTAL", None, None, "PAID HOURS", 21, 11, 21, 53]]
    merged = [(1, 0, 3, 0), (1, 1, 3, 1), (1, 2, 3, 2), (4, 0, 6, 0), (4, 1, 6, 1), (4, 2, 6, 2)]
    extraction = extract(workbook(sheet("Labor", rows, merged=merged)), SETTINGS)
    assert extraction.sheets[0].family == "block"
    liam, kwame = extraction.timecards
    assert entries(liam) == [(d.date().isoformat(), Decimal(11), Decimal(330)) for d in days]
    assert {e.work_state for e in liam.entries} == {"TX"}
    # no labor cost on the first day: priced from the rate with the overtime premium
    assert entries(kwame) == [("2026-03-02", Decimal(10), Decimal("275.00")), ("2026-03-04", Decimal(10), Decimal(250))]
    assert kwame.entries[0].overtime_hours == Decimal(2) and kwame.entries[0].straight_hours == Decimal(8)
    assert sorted((t.measure, t.value) for t in liam.stated_totals) == [("hours", Decimal(33)), ("pay", Decimal(990))]


def test_register_with_one_row_per_employee():
    register = sheet("Staff", [["Employee", "Position", "Hourly Rate", "Exempt"], ["Ann Lee", "Grip", 22, "N"]])
    grid = sheet("Week", [["Name", MON, MON + dt.timedelta(days=1), MON + dt.timedelta(days=2)],
                          ["Ann Lee", 8, 8, None]])
    extraction = extract(workbook(grid, register), SETTINGS)
    (ann,) = extraction.timecards
    assert entries(ann) == [("2026-03-02", Decimal(8), Decimal(176)), ("2026-03-03", Decimal(8), Decimal(176))]
    assert ann.hourly_rate == Decimal(22) and ann.exempt is False


def test_register_with_one_row_per_position_prices_each_position():
    register = sheet("Rates", [["Employee", "Position", "Hourly Rate"], ["Ann Lee", "Grip", 22],
                               ["Ann Lee", "Driver", 30], ["Bo Chen", "Grip", 22]])
    hours = sheet("Hours", [["Employee", "Date", "Position", "Hours"],
                            ["Ann Lee", D(2026, 3, 2), "Grip", 8], ["Ann Lee", D(2026, 3, 3), "driver", 4],
                            ["Ann Lee", D(2026, 3, 4), "Rigger", 2], ["Bo Chen", D(2026, 3, 2), "Grip", 5]])
    extraction = extract(workbook(hours, register), SETTINGS)
    ann, bo = extraction.timecards
    # an unknown position falls back to the person's first rate
    assert entries(ann) == [("2026-03-02", Decimal(8), Decimal(176)), ("2026-03-03", Decimal(4), Decimal(120)),
                            ("2026-03-04", Decimal(2), Decimal(44))]
    assert ann.hourly_rate is None  # two rates: none is "the" rate
    assert bo.hourly_rate == Decimal(22)
