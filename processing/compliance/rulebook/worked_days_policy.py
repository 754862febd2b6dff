"""POLICY.MAX_DAYS_WEEKLY: worked days in a workweek over ``max_worked_days_weekly`` (review trigger)."""

from __future__ import annotations

from processing.compliance.facts import WeekFacts
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue, trigger_severity
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import eq, integer, le
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "POLICY.MAX_DAYS_WEEKLY"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    count = len(sel.worked_days(week))
    if count <= limits.max_worked_days_weekly:
        return []
    return [make_issue(
        "MORE_THAN_6_DAYS",
        f"{count} days worked in the workweek starting {week.start.isoformat()} "
        f"(more than {limits.max_worked_days_weekly})",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key),
        week_start=week.start, severity=trigger_severity("MORE_THAN_6_DAYS", limits.review_more_than_6_days),
        days=count, threshold=limits.max_worked_days_weekly)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    limit = m.scope.var("max_worked_days", "Int")
    m.scope.rule(RULE_ID, f"at most {m.limits.max_worked_days_weekly} worked days per week",
                 eq(limit, integer(m.limits.max_worked_days_weekly)))
    return [m.claim(RULE_ID, "MORE_THAN_6_DAYS", "worked days <= maximum", le(m.worked_days, limit),
                    shows={"worked_days": "worked_days"}, tags=("worked",),
                    days=len(sel.worked_days(m.week)), threshold=m.limits.max_worked_days_weekly)], []


RULE = Rule(RULE_ID, "week", (
    Code("MORE_THAN_6_DAYS", "warning", "worked days in a workweek <= 6 (review trigger more_than_6_days_week)"),
), plain, translate)

__all__ = ["RULE"]
