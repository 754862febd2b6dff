"""The contract's weekly rules on hand-made timecards: each workweek stands alone."""

from __future__ import annotations

import datetime as dt
import json

from processing.compliance import evaluate
from tests.processing.compliance.factories import (
    codes,
    day,
    day_rate_week,
    extraction,
    findings_for,
    hourly_week,
    settings,
    timecard,
)


def test_30_then_50_hours_flags_the_second_week_only():
    entries = hourly_week([6, 6, 6, 6, 6], 20) + hourly_week([10, 10, 10, 10, 10], 20, start=day(7))
    report = evaluate(extraction(timecard(entries)), settings())

    overtime = [i for i in report.issues if i.code == "OVERTIME"]
    assert len(overtime) == 1
    assert overtime[0].message == "50 hours in the workweek starting 2026-03-09 (threshold 40)"
    assert overtime[0].severity == "warning" and overtime[0].date is None
    assert overtime[0].employee == "Jane Smith"
    outcomes = {f["week_start"]: f["outcome"] for f in findings_for(report, "FLSA.OVERTIME_HOURS")}
    assert outcomes == {"2026-03-02": "VALID", "2026-03-09": "INVALID"}
    assert report.decision == "review"


def test_38_and_38_hours_flag_nothing_and_are_approved():
    entries = hourly_week([8, 8, 8, 8, 6], 20) + hourly_week([8, 8, 8, 8, 6], 20, start=day(7))
    report = evaluate(extraction(timecard(entries)), settings())

    assert report.issues == []
    assert report.decision == "approved"
    assert {f["outcome"] for f in findings_for(report, "FLSA.OVERTIME_HOURS")} == {"VALID"}


def test_fractional_overtime_message_keeps_the_fraction():
    entries = hourly_week([9.5, 9.25, 9.25, 9.25, 9.25], 20)
    report = evaluate(extraction(timecard(entries)), settings())
    assert [i.message for i in report.issues if i.code == "OVERTIME"] == [
        "46.5 hours in the workweek starting 2026-03-02 (threshold 40)"]


def test_min_wage_violation_is_an_error_with_an_invalid_finding_naming_the_numbers():
    entries = hourly_week([8, 8, 8, 8, 8], "6.25")
    report = evaluate(extraction(timecard(entries)), settings())

    [issue] = [i for i in report.issues if i.code == "MIN_WAGE"]
    assert issue.severity == "error"
    assert issue.message == ("wages 250.00 for 40 hours (6.25/h) in the workweek starting 2026-03-02, "
                             "below the minimum wage 7.25 (US)")
    [finding] = findings_for(report, "FLSA.MIN_WAGE")
    assert finding["outcome"] == "INVALID"
    assert finding["finding_id"] == issue.details["finding_id"]
    assert finding["numbers"] == {"wages": "250.00", "hours": "40", "rate": "6.25", "minimum": "7.25",
                                  "jurisdiction": "US"}
    assert finding["counterexample"] == {"wages": "250", "hours": "40", "required_wages": "290"}
    assert "rule:FLSA.MIN_WAGE@2026-03-02" in finding["core"] and "FLSA.MIN_WAGE" in finding["rules"]
    assert finding["rule_statements"]["FLSA.MIN_WAGE"].startswith("required wages = sum of hours")
    assert "hours on 2026-03-02 = 8" in finding["premises"]
    json.dumps(report.findings)  # JSON-ready as it is


def test_min_wage_is_never_averaged_across_weeks():
    # Week 1 pays well, week 2 pays 5.00/h: an average over both would pass.
    entries = hourly_week([8, 8, 8, 8, 8], 30) + hourly_week([8, 8, 8, 8, 8], 5, start=day(7))
    report = evaluate(extraction(timecard(entries)), settings())
    flagged = [i.details["week_start"] for i in report.issues if i.code == "MIN_WAGE"]
    assert flagged == ["2026-03-09"]


def test_day_rate_sheet_without_hours_is_satisfiable_for_hour_rules_and_assumes_hours():
    report = evaluate(extraction(timecard(day_rate_week(6, 150), name="Bob Day")), settings())

    assert [(i.code, i.severity) for i in report.issues] == [("HOURS_ASSUMED", "info")]
    assert report.issues[0].message == ("no hours in the file for 6 worked days in the workweek starting "
                                        "2026-03-02; 8 hours per day assumed for the minimum wage")
    by_id = {f["finding_id"]: f for f in report.findings}
    for fid in ("FLSA.OVERTIME_HOURS/Bob Day/2026-03-02", "POLICY.MAX_WEEKLY_HOURS/Bob Day/2026-03-02",
                "FLSA.MIN_WAGE/Bob Day/2026-03-02/hours-open", "FLSA.OVERTIME_PREMIUM/Bob Day/2026-03-02"):
        assert by_id[fid]["outcome"] == "SATISFIABLE", fid
        scenarios = by_id[fid]["scenarios"]
        assert scenarios["claim_true"] != scenarios["claim_false"]
    # Under the contract's assumption (8 h/day) 150/day is 18.75/h: the minimum wage holds.
    assumed = by_id["FLSA.MIN_WAGE/Bob Day/2026-03-02/hours-assumed"]
    assert assumed["outcome"] == "VALID"
    assert len(assumed["assumptions"]) == 6
    assert report.decision == "approved"


def test_assumed_hours_can_fail_the_minimum_wage():
    report = evaluate(extraction(timecard(day_rate_week(5, 50))), settings())  # 50 / 8 h = 6.25/h
    assert sorted(codes(report)) == ["HOURS_ASSUMED", "MIN_WAGE"]
    [issue] = [i for i in report.issues if i.code == "MIN_WAGE"]
    assert issue.message.endswith("(8 hours per worked day assumed)")
    assert issue.details["finding_id"].endswith("/hours-assumed")
    by_id = {f["finding_id"]: f for f in report.findings}
    assert by_id[issue.details["finding_id"]]["outcome"] == "INVALID"


def test_excessive_hours_is_a_warning_above_60():
    report = evaluate(extraction(timecard(hourly_week([13, 13, 13, 13, 13], 20))), settings())
    assert sorted(codes(report)) == ["EXCESSIVE_HOURS", "OVERTIME"]
    [issue] = [i for i in report.issues if i.code == "EXCESSIVE_HOURS"]
    assert issue.message == "65 hours in the workweek starting 2026-03-02 (recommended maximum 60)"


def test_one_week_period_is_the_workweek_even_when_it_starts_on_a_wednesday():
    wednesday = dt.date(2026, 3, 4)
    entries = hourly_week([8, 8, 8, 8, 8, 8, 8], 20, start=wednesday)  # Wed..Tue, 56 h
    report = evaluate(extraction(timecard(entries), period_start=wednesday,
                                 period_end=wednesday + dt.timedelta(days=6)), settings())
    overtime = [i for i in report.issues if i.code == "OVERTIME"]
    assert [i.message for i in overtime] == ["56 hours in the workweek starting 2026-03-04 (threshold 40)"]
    # With Monday weeks the same days would split 40 / 16 and owe nothing.
    split = evaluate(extraction(timecard(entries)), settings())
    assert "OVERTIME" not in codes(split)


def test_workweek_start_day_setting_moves_the_weeks():
    entries = hourly_week([12, 10, 10, 10, 10], 20, start=day(6))  # Sunday 12 h, then Monday..Thursday 10 h
    monday_weeks = evaluate(extraction(timecard(entries)), settings())
    sunday_weeks = evaluate(extraction(timecard(entries)), settings(workweek_start_day="sunday"))
    assert [i.details["week_start"] for i in monday_weeks.issues if i.code == "OVERTIME"] == []
    assert [i.details["week_start"] for i in sunday_weeks.issues if i.code == "OVERTIME"] == ["2026-03-08"]


def test_more_than_six_days_is_a_review_trigger():
    report = evaluate(extraction(timecard(hourly_week([5, 5, 5, 5, 5, 5, 5], 20))), settings())
    [issue] = [i for i in report.issues if i.code == "MORE_THAN_6_DAYS"]
    assert issue.severity == "warning"
    assert issue.message == "7 days worked in the workweek starting 2026-03-02 (more than 6)"


def test_high_daily_rate_above_the_threshold_is_flagged_per_day():
    entries = day_rate_week(2, 1500) + [day_rate_week(3, 2500)[2]]
    report = evaluate(extraction(timecard(entries)), settings())
    [issue] = [i for i in report.issues if i.code == "HIGH_DAILY_RATE"]
    assert issue.date == day(2)
    assert issue.message == "daily rate 2500.00 on 2026-03-04 (review above 2000.00)"
    assert findings_for(report, "POLICY.HIGH_DAILY_RATE")[0]["outcome"] == "INVALID"


def test_a_long_file_is_verified_week_by_week():
    # 20 workweeks (several solvers): only the three short-paid weeks are flagged.
    entries = []
    for week in range(20):
        rate = 5 if week in (3, 11, 19) else 20
        entries += hourly_week([8, 8, 8, 8, 8], rate, start=day(7 * week))
    report = evaluate(extraction(timecard(entries)), settings())
    flagged = [i.details["week_start"] for i in report.issues if i.code == "MIN_WAGE"]
    assert flagged == [day(7 * w).isoformat() for w in (3, 11, 19)]
    assert len(findings_for(report, "FLSA.MIN_WAGE")) == 20
