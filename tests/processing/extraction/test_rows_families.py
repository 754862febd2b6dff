"""Long format (family 4), punch exports (family 6) and one sheet per employee (family 5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.operational_settings import OperationalSettings
from processing.extraction import extract
from tests.processing.extraction.grids import sheet, workbook

D = dt.datetime
SETTINGS = OperationalSettings()


def entries(card):
    return [(e.date.isoformat(), e.hours, e.pay) for e in card.entries]


def test_long_format_with_st_ot_dt_and_wage_subtotal():
    rows = [
        ["Employee ID", "Employee Name", "Work Date", "Work State", "Rate", "ST Hrs", "OT Hrs", "DT Hrs",
         "Wage Subtotal", "Per Diem"],
        ["E1", "Smith, Jane", "2026-03-02", "TX", "26.00", 8, 2, None, "286.00", "30.00"],
        ["E1", "Smith, Jane", "3/3/2026", "TX", "26.00", 8, None, None, "208.00", "30.00"],
        ["E2", "Bo Chen", "2026-03-02", "OK", "20.00", 8, None, 1, None, "30.00"],
    ]
    extraction = extract(workbook(sheet("Export", rows)), SETTINGS)
    jane, bo = extraction.timecards
    assert (jane.employee, jane.employee_id) == ("Jane Smith", "E1")
    assert entries(jane) == [("2026-03-02", Decimal(10), Decimal("286.00")), ("2026-03-03", Decimal(8), Decimal(208))]
    first = jane.entries[0]
    assert (first.straight_hours, first.overtime_hours, first.hourly_rate) == (Decimal(8), Decimal(2), Decimal(26))
    assert first.wage_subtotal == Decimal(286) and first.work_state == "TX"
    # no subtotal: the rate implies it, with the double-time premium; per diem is never pay
    assert entries(bo) == [("2026-03-02", Decimal(9), Decimal("200.00"))]


def test_long_format_subtotal_rows_belong_to_the_person_above_and_grand_total_to_the_sheet():
    rows = [
        ["Name", "Date", "Hours", "Rate", "Gross"],
        ["Morales, Elena", D(2026, 3, 2), "8:00", "$24.00", "$192.00"],
        ["Morales, Elena", "03/03/2026", "8h 30m", "$24.00", "$204.00"],
        ["Subtotal", None, 16.5, None, "$396.00"],
        [],
        ["Ken Yamamoto", D(2026, 3, 2), "HM", "$19.50", "$0.00"],
        ["Ken Yamamoto", D(2026, 3, 3), 6, "$19.50", "$117.00"],
        ["Subtotal", None, 6, None, "$117.00"],
        ["Grand Total", None, 22.5, None, "$513.00"],
        ["HM = paid holiday"],
    ]
    extraction = extract(workbook(sheet("Export", rows)), SETTINGS)
    elena, ken = extraction.timecards
    assert entries(elena) == [("2026-03-02", Decimal(8), Decimal(192)), ("2026-03-03", Decimal("8.5"), Decimal(204))]
    assert entries(ken) == [("2026-03-03", Decimal(6), Decimal(117))]  # HM is not a worked day
    assert [(t.measure, t.value) for t in elena.stated_totals] == [("hours", Decimal("16.5")), ("pay", Decimal(396))]
    assert [(t.measure, t.value) for t in ken.stated_totals] == [("hours", Decimal(6)), ("pay", Decimal(117))]
    assert [(t.scope, t.measure, t.value, t.covers) for t in extraction.stated_totals] == [
        ("sheet", "hours", Decimal("22.5"), None), ("sheet", "pay", Decimal(513), None)]


def test_long_format_without_a_rate_leaves_pay_unknown():
    rows = [["Name", "Date", "Hours", "Rate"], ["Adams, Rita", "3/30/2026", "6", ""],
            ["Hughes, Tom", "3/30/2026", "-2", "20.00"]]
    rita, tom = extract(workbook(sheet("s", rows, ), name="x.csv"), SETTINGS).timecards
    assert entries(rita) == [("2026-03-30", Decimal(6), None)]
    assert entries(tom) == [("2026-03-30", Decimal(-2), Decimal("-40.00"))]  # kept: NEGATIVE_VALUE is the engine's


def test_punches_are_summed_per_date_and_overnight_shifts_stay_on_their_start_date():
    rows = [
        ["Employee ID", "Employee Name", "Punch Date", "Time In", "Time Out", "Break (min)", "Pay Rate"],
        ["1001", "Sofia Martinez", "03/02/2026", "06:00", "10:00", 0, "18.75"],
        ["1001", "Sofia Martinez", "03/02/2026", "10:30", "2:30 PM", 0, "18.75"],
        ["1002", "James O'Connor", "03/02/2026", "22:00", "06:30", 30, "21.00"],
        ["1002", None, "03/03/2026", "10:00 PM", "2:00 AM", None, "21.00"],
        ["1003", "Ana Lima", "03/02/2026", "09:00", "17:20", 0, "17.50"],
    ]
    extraction = extract(workbook(sheet("punches", rows), name="p.csv"), SETTINGS)
    sofia, james, ana = extraction.timecards
    assert entries(sofia) == [("2026-03-02", Decimal(8), Decimal(150))]
    assert [s.row for s in sofia.entries[0].sources] == [2, 3]
    assert entries(james) == [("2026-03-02", Decimal(8), Decimal(168)), ("2026-03-03", Decimal(4), Decimal(84))]
    assert james.employee_id == "1002"
    # 8 h 20 min is reported as 8.33 h, and pay is the reported hours x rate (so the two agree)
    assert entries(ana) == [("2026-03-02", Decimal("8.33"), Decimal("145.78"))]
    assert extraction.period_start == dt.date(2026, 3, 2) and extraction.period_end == dt.date(2026, 3, 3)


def test_break_given_as_clock_text_and_decimal_comma_rate():
    rows = [["Badge", "Name", "Date", "In", "Out", "Break", "Rate"],
            ["B-17", "José Núñez", "2026-03-02", "08:00", "16:30", "0:30", "16,00"]]
    (jose,) = extract(workbook(sheet("s", rows), name="p.csv"), SETTINGS).timecards
    assert entries(jose) == [("2026-03-02", Decimal(8), Decimal(128))]


def per_employee_sheet(name, banner, shifts, total):
    rows = [["Weekly Timesheet"], ["Employee Name:", banner], ["Hourly Rate:", 19.5],
            ["Week Ending:", "03/08/2026"], [], ["Date", "Day", "Start", "End", "Lunch", "Hours"]]
    for i, shift in enumerate(shifts):
        day = D(2026, 3, 2) + dt.timedelta(days=i)
        rows.append([day, day.strftime("%A"), *(shift or [None, None, None, None])])
    rows.append([None, None, None, None, "Total Hours", total])
    return sheet(name, rows)


def test_one_sheet_per_employee_next_to_a_summary():
    ava = per_employee_sheet("Ava", "Thompson, Ava", [[dt.time(7), dt.time(15, 30), dt.time(0, 30), 8]] * 2
                             + [None], 16)
    marcus = per_employee_sheet("Marcus Lee", None, [["8:00 AM", "6:30 PM", "0:30", 10]], 10)
    summary = sheet("Summary", [["Employee", "Total Hours", "Total Pay"], ["Ava Thompson", 16, 312],
                                ["Marcus Lee", 11, 195], ["Total", 27, 507]])
    intro = sheet("Instructions", [["Enter each shift. Lunch is unpaid."]])
    extraction = extract(workbook(intro, summary, ava, marcus), SETTINGS)
    families = [s.family for s in extraction.sheets]
    assert families == ["instructions", "summary", "per_employee", "per_employee"]
    ava_card, marcus_card = extraction.timecards
    assert ava_card.employee == "Ava Thompson"
    assert entries(ava_card) == [("2026-03-02", Decimal(8), Decimal(156)), ("2026-03-03", Decimal(8), Decimal(156))]
    assert ava_card.entries[0].stated_hours_total == Decimal(8)
    assert marcus_card.employee == "Marcus Lee"  # no name in the banner: the sheet's name
    assert entries(marcus_card) == [("2026-03-02", Decimal(10), Decimal(195))]
    ava_totals = [(t.measure, t.value, t.sheet) for t in ava_card.stated_totals]
    assert ("hours", Decimal(16), "Ava") in ava_totals  # the sheet's own Total row
    assert ("hours", Decimal(16), None) in ava_totals  # the summary's, over every sheet
    assert ("hours", Decimal(11), None) in [(t.measure, t.value, t.sheet) for t in marcus_card.stated_totals]
    grand = [t for t in extraction.stated_totals if t.measure == "hours"]
    assert grand[0].covers == ["Ava Thompson", "Marcus Lee"] and grand[0].value == Decimal(27)
    assert extraction.period_start == dt.date(2026, 3, 2) and extraction.period_end == dt.date(2026, 3, 8)


@pytest.mark.parametrize("hours_value", ["OFF", "-", None])
def test_dated_rows_without_work_are_skipped(hours_value):
    rows = [["Employee", "Date", "Hours", "Rate"], ["Ann Lee", D(2026, 3, 2), 8, 20],
            ["Ann Lee", D(2026, 3, 3), hours_value, 20]]
    (card,) = extract(workbook(sheet("s", rows)), SETTINGS).timecards
    assert [e.date.day for e in card.entries] == [2]


def test_punch_export_with_date_and_time_stamps_and_no_date_column():
    rows = [["Badge", "Employee", "Clock In", "Clock Out", "Rate"],
            ["77", "Ruiz, Marco", "03/02/2026 10:00 PM", "03/03/2026 6:00 AM", 20],
            ["77", "Ruiz, Marco", D(2026, 3, 3, 22, 0), D(2026, 3, 4, 2, 30), 20]]
    extraction = extract(workbook(sheet("Clock", rows), name="clock.csv"), SETTINGS)
    assert extraction.sheets[0].family == "punch"
    (marco,) = extraction.timecards
    assert entries(marco) == [("2026-03-02", Decimal(8), Decimal(160)), ("2026-03-03", Decimal("4.5"), Decimal(90))]


def test_total_hours_with_an_overtime_part_is_priced_with_the_premium():
    rows = [["Employee", "Date", "Hours", "OT", "Rate"], ["Ann Lee", D(2026, 3, 2), 10, 2, 20]]
    (ann,) = extract(workbook(sheet("s", rows)), SETTINGS).timecards
    entry = ann.entries[0]
    assert (entry.hours, entry.straight_hours, entry.overtime_hours, entry.pay) == (
        Decimal(10), Decimal(8), Decimal(2), Decimal(220))
