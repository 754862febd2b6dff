"""The plain rule computation: every rule in Decimal arithmetic, no solver. It decides the issues."""

from __future__ import annotations

from collections.abc import Callable

from processing.compliance.facts import EmployeeFacts, WeekFacts
from processing.compliance.rules import entries, exempt, premium, state_daily, totals, weekly
from processing.compliance.thresholds import Thresholds
from processing.model import Extraction, Issue

WeekRule = Callable[[WeekFacts, Thresholds], list[Issue]]

WEEK_RULES: tuple[WeekRule, ...] = (
    weekly.min_wage_issues,
    weekly.overtime_issues,
    weekly.excessive_hours_issues,
    weekly.worked_days_issues,
    weekly.high_daily_rate_issues,
    premium.overtime_unpaid_issues,
    state_daily.daily_overtime_issues,
    state_daily.double_time_issues,
    state_daily.seventh_day_issues,
    exempt.salary_floor_issues,
)


def employee_issues(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    found = [issue for week in employee.weeks for rule in WEEK_RULES for issue in rule(week, limits)]
    found += entries.negative_value_issues(employee)
    found += entries.missing_value_issues(employee)
    found += entries.breakdown_issues(employee)
    found += entries.subtotal_issues(employee)
    found += entries.date_outside_period_issues(employee, extraction.period_start, extraction.period_end)
    found += entries.duplicate_entry_issues(employee)
    found += exempt.duties_test_issues(employee, limits)
    return found


def rule_issues(extraction: Extraction, employees: list[EmployeeFacts], limits: Thresholds) -> list[Issue]:
    found = [issue for employee in employees for issue in employee_issues(employee, extraction, limits)]
    for check in totals.total_checks(extraction, limits.total_tolerance):
        found += totals.total_issues(check)
    return found


__all__ = ["WEEK_RULES", "employee_issues", "rule_issues"]
