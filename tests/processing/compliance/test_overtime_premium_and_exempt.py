"""Overtime premium owed vs paid (29 CFR 778.112 for day rates), and exempt employees."""

from __future__ import annotations

from decimal import Decimal

from processing.compliance import evaluate
from processing.model import Entry
from tests.processing.compliance.factories import (
    codes,
    d,
    day,
    day_rate_week,
    extraction,
    findings_for,
    hourly_week,
    settings,
    timecard,
)


def test_straight_time_pay_for_50_hours_leaves_the_premium_unpaid():
    entries = hourly_week([10, 10, 10, 10, 10], 20, with_rate=True)  # pay = hours x rate, stated
    report = evaluate(extraction(timecard(entries)), settings())
    [issue] = [i for i in report.issues if i.code == "OVERTIME_UNPAID"]
    assert issue.severity == "error"
    assert issue.message == ("paid 1000.00 for 50 hours in the workweek starting 2026-03-02; owed at least "
                             "1100.00 (regular rate 20.00, 10 overtime hours at half-time 10.00 extra)")
    [finding] = findings_for(report, "FLSA.OVERTIME_PREMIUM")
    # the counterexample carries the amount owed, not only the hours (issue 17)
    assert finding["outcome"] == "INVALID"
    assert finding["counterexample"] == {"hours": "50", "paid": "1000", "owed": "1100", "amount_owed": "100"}


def test_premium_included_in_pay_is_fine():
    entries = hourly_week([10, 10, 10, 10, 10], 20, with_rate=True)
    entries[-1].pay += Decimal("100.00")  # 10 overtime hours x 10.00 half-time
    report = evaluate(extraction(timecard(entries)), settings())
    assert "OVERTIME_UNPAID" not in codes(report)
    assert findings_for(report, "FLSA.OVERTIME_PREMIUM")[0]["outcome"] == "VALID"


def test_pay_implied_from_the_hourly_rate_does_not_say_what_was_paid():
    # Hours and a rate only: a payroll system prices it later; no false OVERTIME_UNPAID.
    entries = [Entry(date=day(i), hours=d(10), hourly_rate=d(20)) for i in range(5)]
    report = evaluate(extraction(timecard(entries)), settings())
    assert "OVERTIME_UNPAID" not in codes(report) and "MISSING_VALUE" not in codes(report)
    assert findings_for(report, "FLSA.OVERTIME_PREMIUM")[0]["outcome"] == "NO_TRANSLATIONS"


def test_day_rate_with_hours_owes_half_time_on_the_regular_rate():
    # 778.112: 5 days x 200 = 1000 for 50 h -> regular rate 20, owed 10 h x 10 = 100 extra.
    entries = [Entry(date=day(i), hours=d(10), pay=d(200), day_rate=d(200)) for i in range(5)]
    report = evaluate(extraction(timecard(entries)), settings())
    [issue] = [i for i in report.issues if i.code == "OVERTIME_UNPAID"]
    assert "owed at least 1100.00 (regular rate 20.00" in issue.message
    entries[0].pay = d(300)  # the 100 extra is paid
    assert "OVERTIME_UNPAID" not in codes(evaluate(extraction(timecard(entries)), settings()))


def test_day_rate_without_hours_leaves_the_premium_open_unless_hours_cannot_exceed_40():
    open_week = evaluate(extraction(timecard(day_rate_week(5, 200))), settings())
    short_week = evaluate(extraction(timecard(day_rate_week(1, 200))), settings())  # at most 24 h
    assert findings_for(open_week, "FLSA.OVERTIME_PREMIUM")[0]["outcome"] == "SATISFIABLE"
    assert findings_for(short_week, "FLSA.OVERTIME_PREMIUM")[0]["outcome"] == "VALID"
    assert "OVERTIME_UNPAID" not in codes(open_week)


def test_exempt_salary_below_the_federal_floor():
    entries = hourly_week([8, 8, 8, 8, 8], 0)
    report = evaluate(extraction(timecard(entries, exempt=True, weekly_salary=d(600))), settings())
    [issue] = [i for i in report.issues if i.code == "EXEMPT_SALARY_BELOW_FLOOR"]
    assert issue.message == ("weekly salary 600.00 in the workweek starting 2026-03-02 is below the "
                             "exempt-salary floor 684.00 (US)")
    assert findings_for(report, "EXEMPT.SALARY_FLOOR")[0]["outcome"] == "INVALID"


def test_exempt_salary_floor_of_the_work_state():
    entries = hourly_week([8, 8, 8, 8, 8], 0)
    federal_ok = timecard(entries, exempt=True, weekly_salary=d(1000), work_state="TX")
    california = timecard(entries, exempt=True, weekly_salary=d(1000), work_state="CA", name="Ann Lee")
    report = evaluate(extraction(federal_ok, california), settings())
    flagged = [(i.employee, i.details["floor"]) for i in report.issues if i.code == "EXEMPT_SALARY_BELOW_FLOOR"]
    assert flagged == [("Ann Lee", "1352.00")]


def test_annual_salary_is_weekly_over_52():
    entries = hourly_week([8, 8, 8, 8, 8], 0)
    report = evaluate(extraction(timecard(entries, exempt=True, annual_salary=d(35568))), settings())  # 684 x 52
    assert "EXEMPT_SALARY_BELOW_FLOOR" not in codes(report)


def test_every_exempt_employee_goes_to_a_person_for_the_duties_test():
    entries = hourly_week([8, 8, 8, 8, 8], 0)
    report = evaluate(extraction(timecard(entries, exempt=True, weekly_salary=d(2000))), settings())
    assert codes(report) == ["EXEMPT_DUTIES_TEST"]
    assert report.issues[0].severity == "warning" and report.decision == "review"
    assert findings_for(report, "EXEMPT.DUTIES_TEST")[0]["outcome"] == "SATISFIABLE"


def test_exempt_employees_are_not_checked_against_the_hourly_minimum():
    entries = hourly_week([12, 12, 12, 12, 12], 0)  # 60 h
    report = evaluate(extraction(timecard(entries, exempt=True, weekly_salary=d(700))), settings())
    assert "MIN_WAGE" not in codes(report) and "OVERTIME_UNPAID" not in codes(report)
    assert findings_for(report, "FLSA.MIN_WAGE") == []


def test_highly_compensated_exempt_employee_is_noted_for_the_duties_review():
    entries = hourly_week([8, 8, 8, 8, 8], 0)
    report = evaluate(extraction(timecard(entries, exempt=True, annual_salary=d(120000))), settings())
    [issue] = [i for i in report.issues if i.code == "EXEMPT_DUTIES_TEST"]
    assert "highly compensated: 120000.00 a year, at least 107432.00" in issue.message
    lowered = evaluate(extraction(timecard(entries, exempt=True, annual_salary=d(100000))), settings())
    assert "highly compensated" not in lowered.issues[0].message
