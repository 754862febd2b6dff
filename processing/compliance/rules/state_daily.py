"""State daily overtime, double time and California's 7th consecutive day.

Only where the work state is known (entry, timecard or ``default_work_state``) and the
daily_overtime table has a rule for it: CA (8/12 h, 7th day), AK (8 h), NV (8 h, only
below 1.5 x the state minimum), CO (12 h per workday).
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.model import Issue


def daily_overtime_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in sel.daily_rule_days(week):
        rule = day.daily_rule
        if day.hours is None or not sel.daily_rule_applies(day) or day.hours <= rule.overtime_after:
            continue
        top = min(day.hours, rule.double_time_after) if rule.double_time_after is not None else day.hours
        issues.append(make_issue(
            "DAILY_OVERTIME",
            f"{hours_text(day.hours)} hours on {day.date.isoformat()} ({rule.state} daily overtime after "
            f"{hours_text(rule.overtime_after)}): {hours_text(top - rule.overtime_after)} hours at 1.5x",
            employee=week.employee, date=day.date, week_start=week.start,
            finding=finding_id("STATE.DAILY_OVERTIME", week.employee, week.key),
            hours=day.hours, threshold=rule.overtime_after, state=rule.state))
    return issues


def double_time_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in sel.daily_rule_days(week):
        rule = day.daily_rule
        if day.hours is None or rule.double_time_after is None or day.hours <= rule.double_time_after:
            continue
        issues.append(make_issue(
            "DOUBLE_TIME",
            f"{hours_text(day.hours)} hours on {day.date.isoformat()} ({rule.state} double time after "
            f"{hours_text(rule.double_time_after)}): {hours_text(day.hours - rule.double_time_after)} hours at 2x",
            employee=week.employee, date=day.date, week_start=week.start,
            finding=finding_id("STATE.DOUBLE_TIME", week.employee, week.key),
            hours=day.hours, threshold=rule.double_time_after, state=rule.state))
    return issues


def seventh_day_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
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
        finding=finding_id("CA.SEVENTH_DAY", week.employee, week.key), hours=day.hours)]


__all__ = ["daily_overtime_issues", "double_time_issues", "seventh_day_issues"]
