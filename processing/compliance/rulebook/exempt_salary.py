"""EXEMPT.SALARY_FLOOR: an exempt employee's weekly salary against the highest applicable floor.

The federal floor is the ``salary_exempt_threshold_weekly`` setting; state floors are dated
rows of ``rate_tables/exempt_salary_floors.csv``.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import money_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, eq, ge, num
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "EXEMPT.SALARY_FLOOR"


def weekly_salary_paid(week: WeekFacts) -> Decimal | None:
    """The stated weekly salary (annual / 52), else the week's pay."""
    if week.weekly_salary is not None:
        return week.weekly_salary
    paid = sel.paid_days(week)
    return sum((d.pay for d in paid), Decimal(0)) if paid else None


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    salary = weekly_salary_paid(week)
    if not week.exempt or salary is None or salary + sel.CENT >= week.exempt_floor:
        return []
    return [make_issue(
        "EXEMPT_SALARY_BELOW_FLOOR",
        f"weekly salary {money_text(salary)} in the workweek starting {week.start.isoformat()} is below "
        f"the exempt-salary floor {money_text(week.exempt_floor)} ({week.exempt_floor_source})",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key),
        week_start=week.start, salary=salary, floor=week.exempt_floor, jurisdiction=week.exempt_floor_source)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    week = m.week
    if not week.exempt:
        return [], []
    salary = weekly_salary_paid(week)
    if salary is None:
        return [], ["the file gives no salary and no pay for the week"]
    salary_var, floor = m.scope.var("weekly_salary"), m.scope.var("exempt_floor")
    source = "stated salary" if week.weekly_salary is not None else "the week's pay"
    m.scope.premise("weekly_salary", f"weekly salary = {money_text(salary)} ({source})", eq(salary_var, num(salary)),
                    "salary")
    m.scope.rule(RULE_ID, f"exempt-salary floor = {money_text(week.exempt_floor)} "
                 f"({week.exempt_floor_source})", eq(floor, num(week.exempt_floor)))
    return [m.claim(RULE_ID, "EXEMPT_SALARY_BELOW_FLOOR", "weekly salary + 0.01 >= exempt-salary floor",
                    ge(add([salary_var, num(sel.CENT)]), floor),
                    shows={"weekly_salary": "weekly_salary", "floor": "exempt_floor"},
                    tags=("salary",), salary=money_text(salary), floor=money_text(week.exempt_floor),
                    jurisdiction=week.exempt_floor_source)], []


RULE = Rule(RULE_ID, "week", (
    Code("EXEMPT_SALARY_BELOW_FLOOR", "error",
         "an exempt employee's weekly salary >= the highest applicable exempt-salary floor"),
), plain, translate)

__all__ = ["RULE", "weekly_salary_paid"]
