"""Every threshold is a setting, read per job: a changed setting changes the next verdict."""

from __future__ import annotations

import pytest

from core.operational_settings import SettingsError, validate_changes
from processing.compliance import evaluate
from tests.processing.compliance.factories import codes, d, day_rate_week, extraction, hourly_week, settings, timecard


def test_raising_the_federal_minimum_wage_changes_the_next_verdict():
    sheet = extraction(timecard(hourly_week([8, 8, 8, 8, 8], "8.00")))
    current = settings()
    assert evaluate(sheet, current).decision == "approved"

    raised = validate_changes(current, {"federal_minimum_wage": "9.00"})
    report = evaluate(sheet, raised)
    [issue] = [i for i in report.issues if i.code == "MIN_WAGE"]
    assert issue.message.endswith("below the minimum wage 9.00 (US)")
    assert report.decision == "review"


def test_invalid_setting_is_refused_before_it_reaches_a_job():
    with pytest.raises(SettingsError):
        validate_changes(settings(), {"federal_minimum_wage": "-1"})


def test_overtime_threshold_and_max_hours_are_settings():
    sheet = extraction(timecard(hourly_week([9, 9, 9, 9, 9], 20)))  # 45 h
    assert "OVERTIME" in codes(evaluate(sheet, settings()))
    assert "OVERTIME" not in codes(evaluate(sheet, settings(overtime_threshold_hours=d(45))))
    assert "EXCESSIVE_HOURS" in codes(evaluate(sheet, settings(max_recommended_hours_weekly=d(44))))


def test_assumed_hours_per_day_is_a_setting():
    sheet = extraction(timecard(day_rate_week(5, 100)))  # 100 / 8 h = 12.50/h
    assert "MIN_WAGE" not in codes(evaluate(sheet, settings()))
    assert "MIN_WAGE" in codes(evaluate(sheet, settings(assumed_hours_per_day=d(14))))  # 7.14/h


def test_high_daily_rate_threshold_is_a_setting():
    sheet = extraction(timecard(day_rate_week(1, 1500)))
    assert "HIGH_DAILY_RATE" not in codes(evaluate(sheet, settings()))
    lowered = validate_changes(settings(), {"review_triggers": {"high_daily_rates_threshold": "1000"}})
    assert "HIGH_DAILY_RATE" in codes(evaluate(sheet, lowered))


def test_a_switched_off_review_trigger_keeps_the_issue_as_info():
    sheet = extraction(timecard(hourly_week([13, 13, 13, 13, 13], 20)))  # 65 h
    off = validate_changes(settings(), {"review_triggers": {"more_than_60_hours_week": False}})
    [issue] = [i for i in evaluate(sheet, off).issues if i.code == "EXCESSIVE_HOURS"]
    assert issue.severity == "info"


def test_exempt_floor_setting():
    sheet = extraction(timecard(hourly_week([8], 0), exempt=True, weekly_salary=d(700)))
    assert "EXEMPT_SALARY_BELOW_FLOOR" not in codes(evaluate(sheet, settings()))
    assert "EXEMPT_SALARY_BELOW_FLOOR" in codes(evaluate(sheet, settings(salary_exempt_threshold_weekly=d(844))))
