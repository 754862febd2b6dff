"""Stated totals with non-wage money, employee ids, worked-day counts, averages per worked day, rounding.

Issue 17 item 7 (counts and averages the timecard system states) and the StatedTotal fields
TOTAL_MISMATCH must honour (includes_nonwage / nonwage, employee_id, measure "days").
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance import evaluate
from processing.model import Entry, StatedTotal
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


def _total(measure: str, value, **fields) -> StatedTotal:
    return StatedTotal(measure=measure, value=d(value), scope="employee", **fields)


def _one(report, code: str):
    [issue] = [i for i in report.issues if i.code == code]
    return issue


def _outcome(report, rule_id: str) -> str:
    [finding] = findings_for(report, rule_id)
    return finding["outcome"]


def test_a_total_that_includes_per_diem_is_compared_with_wages_plus_the_per_diem():
    entries = hourly_week([8, 8], 20)  # wages 320.00
    right = _total("pay", "370.00", includes_nonwage=True, nonwage=Decimal("50.00"))
    report = evaluate(extraction(timecard(entries, stated_totals=[right])), settings())
    assert report.issues == []
    assert _outcome(report, "DATA.STATED_TOTAL") == "VALID"
    wrong = _total("pay", "380.00", includes_nonwage=True, nonwage=Decimal("50.00"))
    report = evaluate(extraction(timecard(entries, stated_totals=[wrong])), settings())
    assert _one(report, "TOTAL_MISMATCH").message == ("stated pay total 380.00 differs from the sum of its 2 entries "
                                                      "320.00 + non-wage 50.00 = 370.00 (difference 10.00)")
    assert _outcome(report, "DATA.STATED_TOTAL") == "INVALID"


def test_non_wage_money_of_unknown_amount_only_makes_a_total_below_the_wages_wrong():
    entries = hourly_week([8, 8], 20)
    above = evaluate(extraction(timecard(entries, stated_totals=[_total("pay", "400", includes_nonwage=True)])),
                     settings())
    assert above.issues == []
    assert _outcome(above, "DATA.STATED_TOTAL") == "SATISFIABLE"  # the file does not say how much per diem
    below = evaluate(extraction(timecard(entries, stated_totals=[_total("pay", "300", includes_nonwage=True)])),
                     settings())
    assert _one(below, "TOTAL_MISMATCH").message == ("stated pay total 300.00, said to include non-wage money, is "
                                                     "below the sum of its 2 entries 320.00")
    assert _outcome(below, "DATA.STATED_TOTAL") == "INVALID"


def test_a_total_with_an_employee_id_matches_the_timecard_with_that_id():
    first = timecard(hourly_week([8, 8], 20), name="Alex Kim", employee_id="A1")  # 320.00
    second = timecard(hourly_week([8], 20), name="Alex Kim", employee_id="A2")  # 160.00
    stated = StatedTotal(measure="pay", value=d("160.00"), scope="employee", employee="Alex Kim", employee_id="A2")
    report = evaluate(extraction(first, second, stated_totals=[stated]), settings())
    assert "TOTAL_MISMATCH" not in codes(report)  # by name alone the two cards sum to 480.00
    stated.employee_id = "A1"
    report = evaluate(extraction(first, second, stated_totals=[stated]), settings())
    issue = _one(report, "TOTAL_MISMATCH")
    assert issue.details["computed"] == "320.00"
    assert issue.details["finding_id"] == "DATA.STATED_TOTAL/employee:Alex Kim#A1:sheet-list:0"


def test_two_people_with_one_name_keep_their_own_finding_ids():
    first = timecard(hourly_week([8], 20), name="Alex Kim", employee_id="A1", stated_totals=[_total("hours", 8)])
    second = timecard(hourly_week([8], 20), name="Alex Kim", employee_id="A2", stated_totals=[_total("hours", 9)])
    report = evaluate(extraction(first, second), settings())
    assert _one(report, "TOTAL_MISMATCH").details["finding_id"] == "DATA.STATED_TOTAL/employee:Alex Kim#A2:0"
    ids = sorted(f["finding_id"] for f in findings_for(report, "DATA.STATED_TOTAL"))
    assert ids == ["DATA.STATED_TOTAL/employee:Alex Kim#A1:0", "DATA.STATED_TOTAL/employee:Alex Kim#A2:0"]


def test_a_stated_count_of_worked_days_counts_the_worked_entries():
    entries = hourly_week([8, 8, 8], 20) + [Entry(date=day(3), hours=d(0), worked=False)]
    right = evaluate(extraction(timecard(entries, stated_totals=[_total("days", 3)])), settings())
    assert "TOTAL_MISMATCH" not in codes(right)
    assert _outcome(right, "DATA.STATED_TOTAL") == "VALID"
    wrong = evaluate(extraction(timecard(entries, stated_totals=[_total("days", 4)])), settings())
    issue = _one(wrong, "TOTAL_MISMATCH")
    assert issue.message == "stated worked days 4 differs from the 3 worked days in its entries (difference 1)"
    [finding] = findings_for(wrong, "DATA.STATED_TOTAL")
    assert finding["outcome"] == "INVALID" and finding["counterexample"] == {"computed": "3", "stated": "4"}


def test_a_stated_average_is_hours_per_worked_day():
    entries = hourly_week([8, 9, 10], 20) + [Entry(date=day(3), hours=d(0), worked=False)]  # 27 h / 3 days
    right = evaluate(extraction(timecard(entries, stated_totals=[_total("average", 9)])), settings())
    assert "AVERAGE_MISMATCH" not in codes(right)
    assert _outcome(right, "DATA.AVERAGE") == "VALID"
    wrong = evaluate(extraction(timecard(entries, stated_totals=[_total("average", "8.5")])), settings())
    issue = _one(wrong, "AVERAGE_MISMATCH")
    assert issue.message == ("stated average 8.5 hours per worked day differs from the total 27 hours / 3 worked "
                             "days = 9")
    assert issue.severity == "error"
    assert _outcome(wrong, "DATA.AVERAGE") == "INVALID"


def test_an_average_over_a_worked_day_without_hours_is_not_determined():
    entries = hourly_week([8, 8], 20) + [Entry(date=day(2), pay=d(160))]
    report = evaluate(extraction(timecard(entries, stated_totals=[_total("average", 5)])), settings())
    assert "AVERAGE_MISMATCH" not in codes(report)
    [finding] = findings_for(report, "DATA.AVERAGE")
    assert finding["outcome"] == "NO_TRANSLATIONS"
    assert finding["claim"] == "1 worked day without hours: the average is not determined"


def test_a_pay_total_of_amounts_rounded_to_the_cent_matches():
    # 9.5 h x 24.75 = 235.125 per day, priced from the rate; the file's total adds 235.13 four times.
    entries = [Entry(date=day(n), hours=d("9.5"), hourly_rate=d("24.75")) for n in range(4)]
    right = evaluate(extraction(timecard(entries, stated_totals=[_total("pay", "940.52")])), settings())
    assert "TOTAL_MISMATCH" not in codes(right)  # 0.02 from the raw sum 940.50: one half-cent per entry
    [finding] = findings_for(right, "DATA.STATED_TOTAL")
    assert finding["outcome"] == "VALID" and finding["scenario"]["computed_to_the_cent"] == "940.52"
    raw = evaluate(extraction(timecard(entries, stated_totals=[_total("pay", "940.50")])), settings())
    assert "TOTAL_MISMATCH" not in codes(raw)
    wrong = evaluate(extraction(timecard(entries, stated_totals=[_total("pay", "940.55")])), settings())
    assert _one(wrong, "TOTAL_MISMATCH").details["difference"] == "-0.050"
    assert _outcome(wrong, "DATA.STATED_TOTAL") == "INVALID"
