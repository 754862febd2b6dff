"""STATE.SEVENTH_DAY: every day of a workweek worked where the state has a 7th-consecutive-day rule.

Which states have one, and from when, is data (``rate_tables/daily_overtime.csv``). The 7th
day has its own premium, so its hours are not also daily overtime. A 7th day whose pay the file states
with an hourly rate is judged by its pay (``daily_premium_pay``), not here.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.tables import DailyOvertimeRule
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import eq, implies, le
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "STATE.SEVENTH_DAY"


def hours_judged_seventh_day(week: WeekFacts) -> DayFacts | None:
    """The 7th day when its pay cannot be checked (otherwise ``daily_premium_pay`` judges it)."""
    day = sel.seventh_day(week)
    return day if day is not None and not sel.judged_by_pay(day) else None


def _premium_text(rule: DailyOvertimeRule, hours: Decimal | None) -> str:
    first_rate = f"{hours_text(rule.overtime_multiple)}x"
    double_rate = f"{hours_text(rule.double_time_multiple or rule.overtime_multiple)}x"
    cut = rule.seventh_day_double_time_after
    if hours is None:
        beyond = f" for the first {hours_text(cut)} hours, {double_rate} beyond" if cut is not None else ""
        return f"hours not in the file: {first_rate}{beyond}"
    first = min(hours, cut) if cut is not None else hours
    return f"{hours_text(hours)} hours: {hours_text(first)} at {first_rate}, {hours_text(hours - first)} at {double_rate}"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    day = hours_judged_seventh_day(week)
    if day is None:
        return []
    detail = _premium_text(day.daily_rule, day.hours)
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
    in_force = (last.date == m.week.end and last.daily_rule is not None and last.daily_rule.seventh_day
                and not (sel.is_seventh_day_week(m.week) and sel.judged_by_pay(last)))
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
