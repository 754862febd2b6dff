"""STATE.SEVENTH_DAY: every day of a workweek worked where the state has a 7th-consecutive-day rule.

Which states have one, and from when, is data (``rate_tables/daily_overtime.csv``). The 7th
day has its own premium, so its hours are not also daily overtime.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import eq, implies, le
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "STATE.SEVENTH_DAY"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    if not sel.is_seventh_day_week(week):
        return []
    day = sel.worked_days(week)[-1]
    if day.hours is None:
        detail = "hours not in the file: 1.5x for the first 8 hours, 2x beyond"
    else:
        first = min(day.hours, Decimal(8))
        detail = (f"{hours_text(day.hours)} hours: {hours_text(first)} at 1.5x, "
                  f"{hours_text(day.hours - first)} at 2x")
    return [make_issue(
        "SEVENTH_DAY",
        f"7th consecutive day worked in the workweek starting {week.start.isoformat()} "
        f"({day.daily_rule.state}), {day.date.isoformat()}; {detail}",
        employee=week.employee, date=day.date, week_start=week.start,
        finding=finding_id(RULE_ID, week.employee, week.key), hours=day.hours)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    if not any(d.daily_rule is not None and d.daily_rule.seventh_day for d in m.week.days):
        return [], []
    applies = m.scope.var("seventh_day_rule_applies", "Bool")
    last = m.week.days[-1]
    in_force = last.date == m.week.end and last.daily_rule is not None and last.daily_rule.seventh_day
    state = last.daily_rule.state if last.daily_rule is not None else "none"
    m.scope.rule(RULE_ID, "the 7th consecutive day of a workweek worked under a state 7th-day rule is paid at "
                 f"1.5x/2x (in force on {m.week.end}: {'yes, ' + state if in_force else 'no'})",
                 eq(applies, "true" if in_force else "false"))
    return [m.claim(RULE_ID, "SEVENTH_DAY", "the 7th day rule applies -> fewer than 7 days worked",
                    implies(applies, le(m.worked_days, "6")), shows={"worked_days": "worked_days"},
                    tags=("worked",), days=len(sel.worked_days(m.week)))], []


RULE = Rule(RULE_ID, "week", (
    Code("SEVENTH_DAY", "warning",
         "not all seven days of a workweek are worked where the state has a 7th consecutive day premium"),
), plain, translate)

__all__ = ["RULE"]
