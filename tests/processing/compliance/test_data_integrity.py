"""Totals, averages, negatives, missing values, hour breakdowns, wage subtotals, dates, duplicates."""

from __future__ import annotations

import datetime as dt

from processing.compliance import evaluate
from processing.model import Entry, SourceRef, StatedTotal
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


def _total(measure: str, value, scope: str = "employee", **fields) -> StatedTotal:
    return StatedTotal(measure=measure, value=d(value), scope=scope, **fields)


def test_employee_total_within_a_cent_passes_and_beyond_it_fails():
    entries = hourly_week([8, 8], 20)  # 320.00
    ok = timecard(entries, stated_totals=[_total("pay", "320.01"), _total("hours", 16)])
    bad = timecard(entries, stated_totals=[_total("pay", "320.02")], name="Bob Day")
    report = evaluate(extraction(ok, bad), settings())
    [issue] = [i for i in report.issues if i.code == "TOTAL_MISMATCH"]
    assert issue.employee == "Bob Day" and issue.severity == "error" and issue.date is None
    assert issue.message == "stated pay total 320.02 differs from the sum of its 2 entries 320.00 (difference 0.02)"
    outcomes = sorted(f["outcome"] for f in findings_for(report, "DATA.STATED_TOTAL"))
    assert outcomes == ["INVALID", "VALID", "VALID"]


def test_sheet_total_honours_covers_and_dates():
    jane = timecard(hourly_week([8, 8], 20))
    bob = timecard(hourly_week([4], 20), name="Bob Day")
    weekly_subtotal = _total("hours", 8, scope="sheet", sheet="Week", covers=["Jane Smith"],
                             date_from=day(1), date_to=day(1))
    everyone = _total("hours", 21, scope="sheet", sheet="Week")
    report = evaluate(extraction(jane, bob, stated_totals=[weekly_subtotal, everyone]), settings())
    [issue] = [i for i in report.issues if i.code == "TOTAL_MISMATCH"]
    assert issue.employee is None
    assert issue.message == ("sheet 'Week' stated hours total 21 differs from the sum of its 3 entries 20 "
                             "(difference 1)")


def test_sheet_total_counts_only_entries_from_its_sheet():
    entries = hourly_week([8, 8], 20)
    entries[0].sources = [SourceRef(sheet="A")]
    entries[1].sources = [SourceRef(sheet="B")]
    report = evaluate(extraction(timecard(entries), stated_totals=[_total("hours", 8, scope="sheet", sheet="A")]),
                      settings())
    assert "TOTAL_MISMATCH" not in codes(report)


def test_stated_average_is_total_over_paid_days():
    entries = hourly_week([8, 8, 4], 25)  # 200 + 200 + 100 = 500 over 3 paid days
    right = timecard(entries, stated_totals=[_total("average_pay", "166.67")])
    wrong = timecard(entries, stated_totals=[_total("average_pay", "100")], name="Bob Day")
    report = evaluate(extraction(right, wrong), settings())
    assert [(i.code, i.employee) for i in report.issues] == [("AVERAGE_MISMATCH", "Bob Day")]


def test_negative_hours_contradict_the_policy_impossible_with_a_core():
    entries = hourly_week([8, 8], 20)
    entries[1].hours = d(-2)
    report = evaluate(extraction(timecard(entries)), settings())
    [issue] = [i for i in report.issues if i.code == "NEGATIVE_VALUE"]
    assert issue.date == day(1) and issue.severity == "error"
    assert issue.message == "negative value on 2026-03-03: hours -2"
    [finding] = findings_for(report, "DATA.NONNEGATIVE")
    assert finding["outcome"] == "IMPOSSIBLE"
    assert finding["core"] == ["premise:values", "rule:DATA.NONNEGATIVE"]
    # the negative entry is left out of the weekly rules, the other day is still checked
    assert findings_for(report, "FLSA.MIN_WAGE")[0]["outcome"] == "VALID"


def test_missing_pay_with_hours_is_an_error_and_the_pay_is_not_determined():
    report = evaluate(extraction(timecard([Entry(date=day(0), hours=d(8))])), settings())
    [issue] = [i for i in report.issues if i.code == "MISSING_VALUE"]
    assert issue.message == "8 hours on 2026-03-02 with no pay, rate or amount"
    [finding] = findings_for(report, "DATA.PAY_DETERMINED")
    assert finding["outcome"] == "SATISFIABLE"
    assert finding["scenarios"]["claim_false"]["pay"] != finding["scenarios"]["claim_false"]["pay'"]


def test_worked_day_with_nothing_has_no_translation():
    report = evaluate(extraction(timecard([Entry(date=day(0))])), settings())
    assert codes(report) == ["MISSING_VALUE"]
    assert report.issues[0].message == "worked on 2026-03-02 but the file gives neither hours nor pay"
    outcomes = {f["rule_id"]: f["outcome"] for f in report.findings}
    assert outcomes["DATA.PAY_DETERMINED"] == "NO_TRANSLATIONS"
    assert outcomes["ALL"] == "NO_TRANSLATIONS"  # the employee has no usable number at all


def test_day_rate_or_hourly_rate_makes_pay_knowable():
    entries = [Entry(date=day(0), hours=d(8))]
    assert "MISSING_VALUE" not in codes(evaluate(extraction(timecard(entries, hourly_rate=d(20))), settings()))
    assert "MISSING_VALUE" not in codes(evaluate(extraction(timecard([Entry(date=day(0))], day_rate=d(200))),
                                                 settings()))


def test_hours_breakdown_must_add_up():
    good = Entry(date=day(0), hours=d(10), pay=d(220), straight_hours=d(8), overtime_hours=d(2))
    bad = Entry(date=day(1), hours=d(10), pay=d(220), straight_hours=d(8), overtime_hours=d(1))
    report = evaluate(extraction(timecard([good, bad])), settings())
    [issue] = [i for i in report.issues if i.code == "HOURS_BREAKDOWN_MISMATCH"]
    assert issue.date == day(1)
    assert issue.message == ("straight 8 + overtime 1 + double time 0 = 9 hours on 2026-03-03, "
                             "but the hours is 10")
    assert findings_for(report, "DATA.HOURS_BREAKDOWN")[0]["outcome"] == "INVALID"


def test_wage_subtotal_is_rate_times_weighted_hours():
    good = Entry(date=day(0), hours=d(10), straight_hours=d(8), overtime_hours=d(2), hourly_rate=d(20),
                 wage_subtotal=d(220))
    bad = Entry(date=day(1), hours=d(10), straight_hours=d(8), overtime_hours=d(2), hourly_rate=d(20),
                wage_subtotal=d(200))
    report = evaluate(extraction(timecard([good, bad])), settings())
    [issue] = [i for i in report.issues if i.code == "WAGE_SUBTOTAL_MISMATCH"]
    assert issue.date == day(1) and "= 220.00 on 2026-03-03, but the wage subtotal is 200.00" in issue.message


def test_dates_outside_the_period_and_duplicates_are_warnings():
    entries = hourly_week([8, 8], 20) + hourly_week([2], 20) + hourly_week([8], 20, start=day(20))
    report = evaluate(extraction(timecard(entries), period_start=day(0), period_end=day(13)), settings())
    found = sorted((i.code, i.date, i.severity) for i in report.issues
                   if i.code in ("DATE_OUTSIDE_PERIOD", "DUPLICATE_ENTRY"))
    assert found == [("DATE_OUTSIDE_PERIOD", day(20), "warning"), ("DUPLICATE_ENTRY", day(0), "warning")]
    # duplicates are summed for the weekly rules: Monday has 10 hours
    assert findings_for(report, "DATA.ONE_ENTRY_PER_DATE")[0]["outcome"] == "INVALID"
    assert findings_for(report, "DATA.DATE_IN_PERIOD")[0]["outcome"] == "INVALID"


def test_extraction_reading_problems_pass_through_and_count():
    from processing.model import Issue
    problem = Issue(code="UNREADABLE_CELL", severity="warning", message="cell C4 holds #REF!")
    report = evaluate(extraction(timecard(hourly_week([8], 20)), issues=[problem]), settings())
    assert problem in report.issues and report.decision == "review"
    [finding] = [f for f in report.findings if f["rule_id"] == "EXTRACTION.UNREADABLE_CELL"]
    assert finding["outcome"] == "NO_TRANSLATIONS"


def test_issues_are_sorted_by_employee_then_date_then_code():
    zed = timecard(hourly_week([13, 13, 13, 13, 13], 5), name="Zed Young")
    amy = timecard(hourly_week([8, 8], 20) + hourly_week([13, 13, 13, 13], 20, start=day(7)), name="Amy Adams",
                   work_state="CA")
    report = evaluate(extraction(zed, amy), settings())
    keys = [(i.employee, i.date or dt.date.fromisoformat(i.details["week_start"]), i.code) for i in report.issues]
    assert keys == sorted(keys)
    assert keys[0][0] == "Amy Adams" and keys[-1][0] == "Zed Young"


def test_two_timecards_with_one_name_do_not_confuse_the_proofs():
    first = timecard(hourly_week([10, 10, 10, 10, 10], 20))
    second = timecard(hourly_week([8, 8], 20))
    report = evaluate(extraction(first, second), settings())
    assert codes(report) == ["OVERTIME"]
