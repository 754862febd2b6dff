"""The plain rule computation: every registered rule in Decimal arithmetic, no solver. It decides the issues."""

from __future__ import annotations

from processing.compliance.facts import EmployeeFacts
from processing.compliance.registry import of_level
from processing.compliance.rulebook import RULES
from processing.compliance.rules.totals import total_checks
from processing.compliance.thresholds import Thresholds
from processing.model import Extraction, Issue

WEEK_RULES = of_level(RULES, "week")
EMPLOYEE_RULES = of_level(RULES, "employee") + of_level(RULES, "separate")
TOTAL_RULES = of_level(RULES, "total")


def employee_issues(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    found = [issue for week in employee.weeks for rule in WEEK_RULES for issue in rule.plain(week, limits)]
    for rule in EMPLOYEE_RULES:
        found += rule.plain(employee, extraction, limits)
    return found


def rule_issues(extraction: Extraction, employees: list[EmployeeFacts], limits: Thresholds) -> list[Issue]:
    found = [issue for employee in employees for issue in employee_issues(employee, extraction, limits)]
    for check in total_checks(extraction, limits.total_tolerance):
        for rule in TOTAL_RULES:
            if rule.judges(check):
                found += rule.plain(check)
    return found


__all__ = ["EMPLOYEE_RULES", "TOTAL_RULES", "WEEK_RULES", "employee_issues", "rule_issues"]
