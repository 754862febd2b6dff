"""FLSA.MIN_WAGE: a workweek's wages against its hours at each day's highest applicable minimum.

Per day, not per week: Σ hours × that day's minimum, so a mid-week step (Florida 30 Sep) or
a day in another state is priced right. A paid, worked day without hours is checked twice:
with the hours left open (HOURS_ASSUMED's finding) and at ``assumed_hours_per_day``.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text, money_text, rate_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue, trigger_severity
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, eq, ge, mul, num
from processing.compliance.verification.solver import ASSUMPTION_PREFIX, Claim, Tracked
from processing.compliance.verification.week_model import MIN_WAGE_USES, WeekModel
from processing.model import Issue

RULE_ID = "FLSA.MIN_WAGE"
ASSUMED = "hours-assumed"
OPEN = "hours-open"


def _week_phrase(week: WeekFacts) -> str:
    return f"in the workweek starting {week.start.isoformat()}"


def minimum_wage_text(week: WeekFacts) -> tuple[str, str]:
    """The minimum as a reviewer reads it ("7.25", or "14.00-15.00" when it changed mid-week)."""
    days = sel.paid_days(week)
    low = min(d.minimum_wage for d in days)
    high = max(days, key=lambda d: d.minimum_wage)
    text = rate_text(low) if low == high.minimum_wage else f"{rate_text(low)}-{rate_text(high.minimum_wage)}"
    return text, high.minimum_source




def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    paid = sel.paid_days(week)
    if week.exempt or not paid:
        return []  # exempt employees are checked against the salary floor instead
    assumed = sel.assumed_days(week)
    issues = []
    if assumed:
        issues.append(make_issue(
            "HOURS_ASSUMED",
            f"no hours in the file for {len(assumed)} worked day{'s' if len(assumed) != 1 else ''} "
            f"{_week_phrase(week)}; {hours_text(limits.assumed_hours_per_day)} hours per day assumed "
            "for the minimum wage",
            employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key, OPEN),
            week_start=week.start, assumed_days=len(assumed), hours_per_day=limits.assumed_hours_per_day))

    def hours_of(day) -> Decimal:
        if day.hours is not None:
            return day.hours
        return limits.assumed_hours_per_day if day.worked else Decimal(0)

    hours = sum((hours_of(d) for d in paid), Decimal(0))
    wages = sum((d.pay for d in paid), Decimal(0))
    required = sum((d.minimum_wage * hours_of(d) for d in paid), Decimal(0))
    if hours > 0 and wages + sel.minimum_wage_tolerance(week) < required:
        minimum, source = minimum_wage_text(week)
        suffix = f" ({hours_text(limits.assumed_hours_per_day)} hours per worked day assumed)" if assumed else ""
        variant = ASSUMED if assumed else None
        issues.append(make_issue(
            "MIN_WAGE",
            f"wages {money_text(wages)} for {hours_text(hours)} hours ({rate_text(wages / hours)}/h) "
            f"{_week_phrase(week)}, below the minimum wage {minimum} ({source}){suffix}",
            employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key, variant),
            week_start=week.start, severity=trigger_severity("MIN_WAGE", limits.review_min_wage),
            wages=wages, hours=hours, rate=(wages / hours), minimum=minimum, jurisdiction=source,
            required=required))
    return issues


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    week, limits = m.week, m.limits
    paid = sel.paid_days(week)
    if week.exempt or not paid:
        return [], []
    wages, paid_hours, required = m.scope.var("wages"), m.scope.var("paid_hours"), m.scope.var("required_wages")
    m.scope.rule("DEF.WEEK_WAGES", "wages = sum of the paid days' pay", eq(wages, add([m.pay[d.date] for d in paid])))
    m.scope.rule("DEF.PAID_HOURS", "paid hours = sum of the paid days' hours",
                 eq(paid_hours, add([m.hours[d.date] for d in paid])))
    minimum, source = minimum_wage_text(week)
    m.scope.rule(RULE_ID, f"required wages = sum of hours x the day's minimum wage ({minimum}, {source})",
                 eq(required, add([mul(num(d.minimum_wage), m.hours[d.date]) for d in paid])))
    tolerance = sel.minimum_wage_tolerance(week)
    formula = ge(add([wages, num(tolerance)]), required)
    text = f"wages + {tolerance.normalize():f} rounding >= required wages at the minimum wage {minimum} ({source})"
    shows = {"wages": "wages", "hours": "paid_hours", "required_wages": "required_wages", **m.open_hours_shows()}
    known_wages = sum((d.pay for d in paid), Decimal(0))
    numbers = dict(wages=money_text(known_wages), minimum=minimum, jurisdiction=source)
    assumed = sel.assumed_days(week)
    if not assumed:
        hours = sum((d.hours or Decimal(0) for d in paid), Decimal(0))
        rate = money_text(known_wages / hours) if hours else "n/a"
        return [m.claim(RULE_ID, "MIN_WAGE", text, formula, shows=shows, tags=("hours", "pay"),
                        uses=MIN_WAGE_USES, hours=hours_text(hours), rate=rate, **numbers)], []
    open_claim = m.claim(RULE_ID, "HOURS_ASSUMED", text + " (hours not in the file left open)", formula,
                         variant=OPEN, shows=shows, tags=("hours", "pay"), uses=MIN_WAGE_USES,
                         open_days=len(assumed), **numbers)
    per_day = limits.assumed_hours_per_day
    assumed_claim = m.claim(RULE_ID, "MIN_WAGE", text + f" ({hours_text(per_day)} hours assumed per worked day)",
                            formula, variant=ASSUMED, shows=shows, tags=("hours", "pay"), uses=MIN_WAGE_USES,
                            assumed_hours_per_day=hours_text(per_day), **numbers)
    assumed_claim.assumptions = [
        Tracked(f"{ASSUMPTION_PREFIX}hours@{d.date}", f"hours on {d.date} = {hours_text(per_day)} (assumed)",
                eq(m.hours[d.date], num(per_day)), frozenset({"hours"})) for d in assumed]
    return [open_claim, assumed_claim], []


RULE = Rule(RULE_ID, "week", (
    Code("MIN_WAGE", "error",
         "wages in a workweek >= sum over work dates of hours x the highest applicable minimum wage"),
    Code("HOURS_ASSUMED", "info",
         "with no hours in the file, the minimum wage is checked at assumed_hours_per_day per worked day",
         violation=False),
), plain, translate)

__all__ = ["ASSUMED", "OPEN", "RULE", "minimum_wage_text"]
