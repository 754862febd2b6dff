"""STATE.DAILY_OVERTIME: hours in a day over the work state's daily threshold, when the pay cannot be checked.

A day whose pay the file states, with an hourly rate, is judged by what it was paid
(``daily_premium_pay``); the others have only their hours, and those go to a person.

Only where the work state is known (entry, timecard or ``default_work_state``) and
``rate_tables/daily_overtime.csv`` has a row for it on the work date; a rate condition
(``rate_below_minimum_multiple``) limits the rule to rates below that multiple of the
state minimum.
"""

from __future__ import annotations

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import and_, eq, implies, le, lt, mul, num
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "STATE.DAILY_OVERTIME"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in sel.hours_judged_days(week):
        rule = day.daily_rule
        if day.hours is None or not sel.daily_rule_applies(day) or day.hours <= rule.overtime_after:
            continue
        top = min(day.hours, rule.double_time_after) if rule.double_time_after is not None else day.hours
        issues.append(make_issue(
            "DAILY_OVERTIME",
            f"{hours_text(day.hours)} hours on {day.date.isoformat()} ({rule.state} daily overtime after "
            f"{hours_text(rule.overtime_after)}): {hours_text(top - rule.overtime_after)} hours at "
            f"{hours_text(rule.overtime_multiple)}x",
            employee=week.employee, date=day.date, week_start=week.start,
            finding=finding_id(RULE_ID, week.employee, week.key),
            hours=day.hours, threshold=rule.overtime_after, state=rule.state))
    return issues


def applies_formula(m: WeekModel, day: DayFacts) -> str:
    """The table's rate condition (rate below a multiple of the state minimum) as a formula; true without one."""
    rule = day.daily_rule
    if rule.rate_below_minimum_multiple is None:
        return "true"
    ceiling = sel.rate_ceiling(day)
    if ceiling is None:
        return "false"
    if day.hourly_rate is not None:
        return "true" if day.hourly_rate < ceiling else "false"
    if day.pay is not None:
        return lt(m.pay[day.date], mul(num(ceiling), m.hours[day.date]))
    return m.scope.var(f"rate_below_ceiling[{day.date}]", "Bool")  # the file does not say: left open


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    days = sel.hours_judged_days(m.week)
    if not days:
        return [], []
    # One threshold variable per state, fixed by the rule (so the core names it).
    thresholds: dict[str, str] = {}
    definitions, conditions = [], []
    for day in days:
        rule = day.daily_rule
        key = f"daily_overtime_after[{rule.state}]"
        if key not in thresholds:
            thresholds[key] = m.scope.var(key)
            definitions.append(eq(thresholds[key], num(rule.overtime_after)))
        applies = applies_formula(m, day)
        within = le(m.hours[day.date], thresholds[key])
        conditions.append(within if applies == "true" else implies(applies, within))
    states = sorted({d.daily_rule.state for d in days})
    m.scope.rule(RULE_ID, f"daily overtime thresholds of {', '.join(states)}", and_(definitions))
    shows = {m.hour_names[d.date]: m.hour_names[d.date] for d in days}
    return [m.claim(RULE_ID, "DAILY_OVERTIME", "each day's hours <= the daily overtime threshold",
                    and_(conditions), shows=shows, tags=("hours", "pay"), uses=("DATA.HOURS_RANGE",),
                    states=",".join(states))], []


RULE = Rule(RULE_ID, "week", (
    Code("DAILY_OVERTIME", "warning", "hours in a day <= the work state's daily overtime threshold"),
), plain, translate)

__all__ = ["RULE", "applies_formula"]
