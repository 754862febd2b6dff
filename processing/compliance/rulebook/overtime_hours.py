"""FLSA.OVERTIME_HOURS: hours worked in a workweek over ``overtime_threshold_hours`` (a warning)."""

from __future__ import annotations

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import le
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import HOURS_USES, WeekModel
from processing.model import Issue

RULE_ID = "FLSA.OVERTIME_HOURS"


def has_hours(m: WeekModel) -> bool:
    """A week with no hours at all and no open day has nothing for an hours rule to read."""
    return any(d.hours is not None for d in m.week.days) or bool(m.open_days)


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    hours = sel.known_hours(week)
    if hours <= limits.overtime_threshold_hours:
        return []
    return [make_issue(
        "OVERTIME",
        f"{hours_text(hours)} hours in the workweek starting {week.start.isoformat()} "
        f"(threshold {hours_text(limits.overtime_threshold_hours)})",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key),
        week_start=week.start, hours=hours, threshold=limits.overtime_threshold_hours)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    if not has_hours(m):
        return [], []
    # The threshold variable is fixed by this rule in WeekModel: the premium rule reads it too.
    shows = {"week_hours": "week_hours", **m.open_hours_shows()}
    return [m.claim(RULE_ID, "OVERTIME", "week hours <= overtime threshold", le(m.week_hours, m.threshold),
                    shows=shows, tags=("hours",), uses=HOURS_USES, hours=hours_text(sel.known_hours(m.week)),
                    threshold=hours_text(m.limits.overtime_threshold_hours))], []


RULE = Rule(RULE_ID, "week", (
    Code("OVERTIME", "warning", "hours worked in a workweek <= overtime_threshold_hours"),
), plain, translate)

__all__ = ["RULE", "has_hours"]
