"""State daily overtime, double time, California's 7th day, and local minimum wages."""

from __future__ import annotations

import datetime as dt

from processing.compliance import evaluate
from processing.model import Entry
from tests.processing.compliance.factories import (
    codes,
    d,
    day,
    extraction,
    findings_for,
    hourly_week,
    settings,
    timecard,
)


def _daily(report) -> list[tuple[str, dt.date]]:
    return [(i.code, i.date) for i in report.issues if i.code in ("DAILY_OVERTIME", "DOUBLE_TIME", "SEVENTH_DAY")]


def test_california_ten_hour_days_flag_daily_overtime_even_under_40_hours():
    entries = hourly_week([10, 10, 10, 8], 25)  # 38 h: no weekly overtime
    report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    assert _daily(report) == [("DAILY_OVERTIME", day(0)), ("DAILY_OVERTIME", day(1)), ("DAILY_OVERTIME", day(2))]
    assert "OVERTIME" not in codes(report)
    first = next(i for i in report.issues if i.code == "DAILY_OVERTIME")
    assert first.message == "10 hours on 2026-03-02 (CA daily overtime after 8): 2 hours at 1.5x"
    assert first.severity == "warning"
    [finding] = findings_for(report, "STATE.DAILY_OVERTIME")
    assert finding["outcome"] == "INVALID" and "STATE.DAILY_OVERTIME" in finding["rules"]
    # the core names the rule in this workweek, and the hours premises that contradict the claim
    assert "rule:STATE.DAILY_OVERTIME@2026-03-02" in finding["core"]
    assert "premise:hours@2026-03-02" in finding["core"]


def test_same_ten_hour_days_in_texas_flag_nothing():
    report = evaluate(extraction(timecard(hourly_week([10, 10, 10, 8], 25), work_state="TX")), settings())
    assert report.issues == []
    assert findings_for(report, "STATE.DAILY_OVERTIME") == []


def test_default_work_state_setting_applies_california_rules():
    entries = hourly_week([10, 10, 10, 8], 25)
    assert _daily(evaluate(extraction(timecard(entries)), settings())) == []
    assert len(_daily(evaluate(extraction(timecard(entries)), settings(default_work_state="CA")))) == 3


def test_entry_work_state_wins_over_the_timecard():
    entries = hourly_week([10, 10], 25)
    entries[1].work_state = "TX"
    report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    assert _daily(report) == [("DAILY_OVERTIME", day(0))]


def test_california_double_time_over_12_hours():
    report = evaluate(extraction(timecard(hourly_week([13], 25), work_state="CA")), settings())
    assert _daily(report) == [("DAILY_OVERTIME", day(0)), ("DOUBLE_TIME", day(0))]
    messages = {i.code: i.message for i in report.issues}
    assert messages["DAILY_OVERTIME"] == "13 hours on 2026-03-02 (CA daily overtime after 8): 4 hours at 1.5x"
    assert messages["DOUBLE_TIME"] == "13 hours on 2026-03-02 (CA double time after 12): 1 hours at 2x"


def test_california_seventh_consecutive_day():
    report = evaluate(extraction(timecard(hourly_week([6, 6, 6, 6, 6, 6, 9], 25), work_state="CA")), settings())
    [seventh] = [i for i in report.issues if i.code == "SEVENTH_DAY"]
    assert seventh.date == day(6)
    assert seventh.message == ("7th consecutive day worked in the workweek starting 2026-03-02 (CA), 2026-03-08; "
                               "9 hours: 8 at 1.5x, 1 at 2x")
    # the 7th day has its own rule: its 9 hours are not also daily overtime
    assert ("DAILY_OVERTIME", day(6)) not in _daily(report)
    assert findings_for(report, "STATE.SEVENTH_DAY")[0]["outcome"] == "INVALID"


def test_six_days_in_california_are_no_seventh_day():
    report = evaluate(extraction(timecard(hourly_week([6, 6, 6, 6, 6, 6], 25), work_state="CA")), settings())
    assert "SEVENTH_DAY" not in codes(report)
    assert findings_for(report, "STATE.SEVENTH_DAY")[0]["outcome"] == "VALID"


def test_alaska_daily_overtime_after_8_without_double_time():
    report = evaluate(extraction(timecard(hourly_week([9, 13], 20), work_state="AK")), settings())
    assert _daily(report) == [("DAILY_OVERTIME", day(0)), ("DAILY_OVERTIME", day(1))]


def test_colorado_daily_overtime_only_after_12_hours():
    report = evaluate(extraction(timecard(hourly_week([11, 13], 20), work_state="CO")), settings())
    assert _daily(report) == [("DAILY_OVERTIME", day(1))]


def test_nevada_daily_overtime_only_below_one_and_a_half_times_the_minimum():
    low = evaluate(extraction(timecard(hourly_week([10], 15), work_state="NV")), settings())  # 15 < 18
    high = evaluate(extraction(timecard(hourly_week([10], 20), work_state="NV")), settings())  # 20 >= 18
    assert _daily(low) == [("DAILY_OVERTIME", day(0))]
    assert _daily(high) == []
    assert findings_for(high, "STATE.DAILY_OVERTIME")[0]["outcome"] == "VALID"


def test_nevada_without_any_rate_is_left_open():
    entries = [Entry(date=day(0), hours=d(10))]  # no pay, no rate: MISSING_VALUE, rate unknown
    report = evaluate(extraction(timecard(entries, work_state="NV")), settings())
    assert "DAILY_OVERTIME" not in codes(report)
    assert findings_for(report, "STATE.DAILY_OVERTIME")[0]["outcome"] == "SATISFIABLE"


def test_city_minimum_wage_applies_when_the_location_names_the_city():
    entries = hourly_week([8, 8, 8, 8, 8], "18.00")
    state = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    city = evaluate(extraction(timecard(entries, work_state="CA-SAN_FRANCISCO")), settings())
    assert "MIN_WAGE" not in codes(state)  # 18.00 >= 16.90
    [issue] = [i for i in city.issues if i.code == "MIN_WAGE"]
    assert issue.message.endswith("below the minimum wage 19.18 (CA-SAN_FRANCISCO)")


def test_minimum_wage_is_looked_up_by_work_date():
    # Florida: 14.00 until 2026-09-29, 15.00 from 2026-09-30 (a Wednesday).
    before = hourly_week([8], "14.50", start=dt.date(2026, 9, 28))
    after = hourly_week([8], "14.50", start=dt.date(2026, 10, 5))
    report = evaluate(extraction(timecard(before + after, work_state="FL")), settings())
    assert [i.details["week_start"] for i in report.issues if i.code == "MIN_WAGE"] == ["2026-10-05"]


def test_mid_week_rate_change_prices_each_day_at_its_own_minimum():
    # Mon 28 Sep and Tue 29 Sep at 14.00, Wed 30 Sep at 15.00: 14.50/h on all three passes
    # only if each day has its own minimum (the week needs 8x14 + 8x14 + 8x15 = 344 <= 348).
    entries = hourly_week([8, 8, 8], "14.50", start=dt.date(2026, 9, 28))
    report = evaluate(extraction(timecard(entries, work_state="FL")), settings())
    assert "MIN_WAGE" not in codes(report)
    entries = hourly_week([8, 8, 8], "14.30", start=dt.date(2026, 9, 28))  # 343.20 < 344
    report = evaluate(extraction(timecard(entries, work_state="FL")), settings())
    [issue] = [i for i in report.issues if i.code == "MIN_WAGE"]
    assert "minimum wage 14.00-15.00 (FL)" in issue.message


def test_alaska_step_on_1_july_2026():
    june = hourly_week([8], "13.50", start=dt.date(2026, 6, 29))  # Monday 29 June: 13.00
    july = hourly_week([8], "13.50", start=dt.date(2026, 7, 6))  # 14.00
    report = evaluate(extraction(timecard(june + july, work_state="AK")), settings())
    assert [i.details["week_start"] for i in report.issues if i.code == "MIN_WAGE"] == ["2026-07-06"]


def test_state_daily_overtime_switch_turns_the_state_rules_off():
    # The settings model gains the field in another change; thresholds.py reads it with getattr today.
    off = settings().model_copy(update={"state_daily_overtime_enabled": False})
    entries = hourly_week([10, 10, 10, 8, 6, 6, 6], 25)
    on_report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    off_report = evaluate(extraction(timecard(entries, work_state="CA")), off)
    assert {c for c, _ in _daily(on_report)} == {"DAILY_OVERTIME", "SEVENTH_DAY"}
    assert _daily(off_report) == []
    assert findings_for(off_report, "STATE.DAILY_OVERTIME") == []
