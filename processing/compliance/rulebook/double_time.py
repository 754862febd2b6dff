"""STATE.DOUBLE_TIME: hours in a day over the work state's double-time threshold (dated table rows),
when the pay cannot be checked (otherwise ``daily_premium_pay`` judges the day)."""

from __future__ import annotations

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import and_, eq, le, num
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "STATE.DOUBLE_TIME"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in sel.hours_judged_days(week):
        rule = day.daily_rule
        if day.hours is None or rule.double_time_after is None or day.hours <= rule.double_time_after:
            continue
        issues.append(make_issue(
            "DOUBLE_TIME",
            f"{hours_text(day.hours)} hours on {day.date.isoformat()} ({rule.state} double time after "
            f"{hours_text(rule.double_time_after)}): {hours_text(day.hours - rule.double_time_after)} hours "
            f"at {hours_text(rule.double_time_multiple or rule.overtime_multiple)}x",
            employee=week.employee, date=day.date, week_start=week.start,
            finding=finding_id(RULE_ID, week.employee, week.key),
            hours=day.hours, threshold=rule.double_time_after, state=rule.state))
    return issues


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    days = [d for d in sel.hours_judged_days(m.week) if d.daily_rule.double_time_after is not None]
    if not days:
        return [], []
    thresholds: dict[str, str] = {}
    definitions, conditions = [], []
    for day in days:
        key = f"double_time_after[{day.daily_rule.state}]"
        if key not in thresholds:
            thresholds[key] = m.scope.var(key)
            definitions.append(eq(thresholds[key], num(day.daily_rule.double_time_after)))
        conditions.append(le(m.hours[day.date], thresholds[key]))
    states = sorted({d.daily_rule.state for d in sel.hours_judged_days(m.week)})
    m.scope.rule(RULE_ID, f"double-time thresholds of {', '.join(states)}", and_(definitions))
    return [m.claim(RULE_ID, "DOUBLE_TIME", "each day's hours <= the double-time threshold", and_(conditions),
                    shows={m.hour_names[d.date]: m.hour_names[d.date] for d in days},
                    tags=("hours",), uses=("DATA.HOURS_RANGE",), states=",".join(states))], []


RULE = Rule(RULE_ID, "week", (
    Code("DOUBLE_TIME", "warning", "hours in a day <= the work state's double-time threshold"),
), plain, translate)

__all__ = ["RULE"]
