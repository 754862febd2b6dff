"""State daily overtime and 7th-day premiums checked against the pay the file states (issue 17, item 2).

A day under a state daily rule with hours, an hourly rate and a stated pay is judged by what
it was paid: correctly paid premiums raise nothing, an underpaid day is an error with the
amount owed (in the issue and in the finding's counterexample). The dated minimum-wage table
covers 2020 onward; a date outside it says so instead of passing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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


def _paid(hours: float, pay: str, offset: int = 0, rate: str = "25", start: dt.date | None = None) -> Entry:
    when = day(offset) if start is None else start + dt.timedelta(days=offset)
    return Entry(date=when, hours=d(hours), pay=Decimal(pay), hourly_rate=Decimal(rate))


def _issues(report, code: str):
    return [i for i in report.issues if i.code == code]


def test_ten_hours_paid_time_and_a_half_after_eight_raise_no_issue():
    # 8 x 25 + 2 x 37.50 = 275.00
    report = evaluate(extraction(timecard([_paid(10, "275.00")], work_state="CA")), settings())
    assert report.issues == []
    [finding] = findings_for(report, "STATE.DAILY_PREMIUM")
    assert finding["outcome"] == "VALID"
    assert finding["scenario"]["owed[2026-03-02]"] == "275"
    assert findings_for(report, "STATE.DAILY_OVERTIME") == []  # the day is judged by its pay, not its hours


def test_ten_hours_at_straight_time_is_an_error_with_the_amount_owed():
    report = evaluate(extraction(timecard([_paid(10, "250.00")], work_state="CA")), settings())
    [issue] = report.issues
    assert (issue.code, issue.severity, issue.date) == ("DAILY_PREMIUM_UNPAID", "error", day(0))
    assert issue.message == ("paid 250.00 for 10 hours on 2026-03-02 (CA: 1.5x after 8, 2x after 12; rate 25.00): "
                             "owed 275.00, 25.00 unpaid")
    assert issue.details["amount_owed"] == "25.00"
    [finding] = findings_for(report, "STATE.DAILY_PREMIUM")
    assert finding["outcome"] == "INVALID" and finding["finding_id"] == issue.details["finding_id"]
    assert finding["counterexample"]["owed[2026-03-02]"] == "275"
    assert finding["counterexample"]["amount_owed[2026-03-02]"] == "25"
    assert "rule:STATE.DAILY_PREMIUM@2026-03-02" in finding["core"]
    assert report.decision == "review"


def test_double_time_beyond_twelve_hours_is_owed_too():
    # 13 h at 20: 8 x 20 + 4 x 30 + 1 x 40 = 320.00; paid as if all after 8 were 1.5x (310.00)
    short = evaluate(extraction(timecard([_paid(13, "310.00", rate="20")], work_state="CA")), settings())
    [issue] = _issues(short, "DAILY_PREMIUM_UNPAID")
    assert issue.details["owed"] == "320.00" and issue.details["amount_owed"] == "10.00"
    paid = evaluate(extraction(timecard([_paid(13, "320.00", rate="20")], work_state="CA")), settings())
    assert paid.issues == []


def test_seventh_consecutive_day_premium_is_checked_against_its_pay():
    six = [_paid(6, "150.00", offset=n) for n in range(6)]
    right = six + [_paid(9, "350.00", offset=6)]  # 8 x 37.50 + 1 x 50 = 350.00
    wrong = six + [_paid(9, "225.00", offset=6)]  # straight time
    judged = ("DAILY_PREMIUM_UNPAID", "SEVENTH_DAY", "DAILY_OVERTIME")
    assert not set(judged) & set(codes(evaluate(extraction(timecard(right, work_state="CA")), settings())))
    report = evaluate(extraction(timecard(wrong, work_state="CA")), settings())
    [issue] = _issues(report, "DAILY_PREMIUM_UNPAID")
    assert issue.date == day(6) and issue.details["amount_owed"] == "125.00"
    assert "SEVENTH_DAY" not in codes(report)  # judged by its pay, not left to a person
    [finding] = findings_for(report, "STATE.DAILY_PREMIUM")
    assert finding["counterexample"]["amount_owed[2026-03-08]"] == "125"


def test_without_an_hourly_rate_the_hours_still_go_to_a_person():
    report = evaluate(extraction(timecard(hourly_week([10], 25), work_state="CA")), settings())  # pay, no rate
    assert [(i.code, i.severity) for i in report.issues] == [("DAILY_OVERTIME", "warning")]


def test_pay_implied_from_the_rate_is_not_proof_of_payment():
    entries = [Entry(date=day(0), hours=d(10), hourly_rate=d(25))]  # pay = 10 x 25, implied
    report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    assert "DAILY_PREMIUM_UNPAID" not in codes(report) and "DAILY_OVERTIME" in codes(report)


def test_federal_overtime_counterexample_carries_the_amount_owed():
    entries = hourly_week([10] * 5, 20, with_rate=True)  # 50 h paid 1000.00 straight: owed 1100.00
    report = evaluate(extraction(timecard(entries)), settings())
    [finding] = findings_for(report, "FLSA.OVERTIME_PREMIUM")
    assert finding["outcome"] == "INVALID"
    assert finding["counterexample"]["owed"] == "1100"
    assert finding["counterexample"]["amount_owed"] == "100"
    assert finding["counterexample"]["paid"] == "1000"


def test_a_2024_california_day_at_fifteen_dollars_is_below_the_minimum():
    entries = hourly_week([8, 8, 8, 8, 8], "15.00", start=dt.date(2024, 3, 4))  # CA 2024: 16.00
    report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    [issue] = _issues(report, "MIN_WAGE")
    assert issue.message.endswith("below the minimum wage 16.00 (CA)")
    assert findings_for(report, "FLSA.MIN_WAGE")[0]["outcome"] == "INVALID"


def test_a_date_before_the_table_says_so_instead_of_passing():
    entries = hourly_week([8, 8], "9.00", start=dt.date(2015, 3, 2))
    report = evaluate(extraction(timecard(entries, work_state="CA")), settings())
    [issue] = _issues(report, "MIN_WAGE_RATE_UNKNOWN")
    assert issue.severity == "warning" and report.decision == "review"
    assert issue.message == ("no minimum wage in the rate table for CA on 2015-03-02, 2015-03-03 (the table covers "
                             "CA from 2020-01-01, through 2026-12-31): only the federal minimum was checked for "
                             "those days")
    [finding] = findings_for(report, "DATA.MIN_WAGE_TABLE")
    assert finding["outcome"] == "NO_TRANSLATIONS" and finding["finding_id"] == issue.details["finding_id"]


def test_a_date_after_the_table_says_so_too():
    entries = hourly_week([8], "20.00", start=dt.date(2027, 3, 1))
    report = evaluate(extraction(timecard(entries, work_state="WA-SEATTLE")), settings())
    [issue] = _issues(report, "MIN_WAGE_RATE_UNKNOWN")
    assert issue.details["jurisdictions"] == "WA,WA-SEATTLE"


def test_a_file_without_a_work_state_needs_no_state_table():
    report = evaluate(extraction(timecard(hourly_week([8], "9.00", start=dt.date(2015, 3, 2)))), settings())
    assert report.issues == []
