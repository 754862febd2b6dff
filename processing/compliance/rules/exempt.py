"""Employees the file marks exempt: salary floors (federal setting, state table), duties test.

The duties test cannot be read from a timecard (compliance.md), so every exempt
classification goes to a person: EXEMPT_DUTIES_TEST is a warning, which routes the file
to review. An info would let a misclassification be approved unseen.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import EmployeeFacts, WeekFacts
from processing.compliance.formatting import money_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.model import Issue


def weekly_salary_paid(week: WeekFacts) -> Decimal | None:
    """The stated weekly salary (annual / 52), else the week's pay."""
    if week.weekly_salary is not None:
        return week.weekly_salary
    paid = sel.paid_days(week)
    return sum((d.pay for d in paid), Decimal(0)) if paid else None


def salary_floor_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    salary = weekly_salary_paid(week)
    if not week.exempt or salary is None or salary + sel.CENT >= week.exempt_floor:
        return []
    return [make_issue(
        "EXEMPT_SALARY_BELOW_FLOOR",
        f"weekly salary {money_text(salary)} in the workweek starting {week.start.isoformat()} is below "
        f"the exempt-salary floor {money_text(week.exempt_floor)} ({week.exempt_floor_source})",
        employee=week.employee, finding=finding_id("EXEMPT.SALARY_FLOOR", week.employee, week.key),
        week_start=week.start, salary=salary, floor=week.exempt_floor, jurisdiction=week.exempt_floor_source)]


def annual_pay(employee: EmployeeFacts) -> Decimal | None:
    timecard = employee.timecard
    if timecard.annual_salary is not None:
        return timecard.annual_salary
    return timecard.weekly_salary * 52 if timecard.weekly_salary is not None else None


def duties_test_issues(employee: EmployeeFacts, limits: Thresholds) -> list[Issue]:
    if employee.timecard.exempt is not True:
        return []
    annual = annual_pay(employee)
    highly_compensated = annual is not None and annual >= limits.highly_compensated_annual
    note = (f" (highly compensated: {money_text(annual)} a year, at least {money_text(limits.highly_compensated_annual)};"
            " one exempt duty is enough)") if highly_compensated else ""
    return [make_issue(
        "EXEMPT_DUTIES_TEST",
        f"classified exempt: the duties test cannot be read from a timecard, a person must confirm it{note}",
        employee=employee.employee, finding=finding_id("EXEMPT.DUTIES_TEST", employee.employee),
        highly_compensated=highly_compensated)]


__all__ = ["annual_pay", "duties_test_issues", "salary_floor_issues", "weekly_salary_paid"]
