"""POLICY.MAX_WEEKLY_HOURS: a company's recommended maximum hours per week (no such limit in law)."""

from __future__ import annotations

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rulebook.overtime_hours import has_hours
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue, trigger_severity
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import eq, le, num
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import HOURS_USES, WeekModel
from processing.model import Issue

RULE_ID = "POLICY.MAX_WEEKLY_HOURS"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    hours = sel.known_hours(week)
    if hours <= limits.max_weekly_hours:
        return []
    trigger = limits.review_exempt_excessive_hours if week.exempt else limits.review_excessive_hours
    who = "exempt employee: " if week.exempt else ""
    return [make_issue(
        "EXCESSIVE_HOURS",
        f"{who}{hours_text(hours)} hours in the workweek starting {week.start.isoformat()} "
        f"(recommended maximum {hours_text(limits.max_weekly_hours)})",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key),
        week_start=week.start, severity=trigger_severity("EXCESSIVE_HOURS", trigger),
        hours=hours, threshold=limits.max_weekly_hours)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    if not has_hours(m):
        return [], []
    maximum = m.scope.var("max_weekly_hours")
    m.scope.rule(RULE_ID, f"recommended maximum = {hours_text(m.limits.max_weekly_hours)} h per week",
                 eq(maximum, num(m.limits.max_weekly_hours)))
    shows = {"week_hours": "week_hours", **m.open_hours_shows()}
    return [m.claim(RULE_ID, "EXCESSIVE_HOURS", "week hours <= recommended maximum", le(m.week_hours, maximum),
                    shows=shows, tags=("hours",), uses=HOURS_USES, hours=hours_text(sel.known_hours(m.week)),
                    threshold=hours_text(m.limits.max_weekly_hours))], []


RULE = Rule(RULE_ID, "week", (
    Code("EXCESSIVE_HOURS", "warning", "hours worked in a workweek <= max_recommended_hours_weekly"),
), plain, translate)

__all__ = ["RULE"]
