"""POLICY.HIGH_DAILY_RATE: a day's rate (day rate, else the day's pay) above the review threshold."""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.formatting import money_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import eq, le, num
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "POLICY.HIGH_DAILY_RATE"


def daily_amount(day: DayFacts) -> Decimal | None:
    """A day's rate: the day rate when the file has one, else the day's pay."""
    return day.day_rate if day.day_rate is not None else day.pay


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in week.days:
        amount = daily_amount(day)
        if amount is not None and amount > limits.high_daily_rate:
            issues.append(make_issue(
                "HIGH_DAILY_RATE",
                f"daily rate {money_text(amount)} on {day.date.isoformat()} "
                f"(review above {money_text(limits.high_daily_rate)})",
                employee=week.employee, date=day.date,
                finding=finding_id(RULE_ID, week.employee, week.key),
                week_start=week.start, amount=amount, threshold=limits.high_daily_rate))
    return issues


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    """Every day's rate under the threshold: equivalent to the highest one being under it."""
    amounts = [(d.date, daily_amount(d)) for d in m.week.days if daily_amount(d) is not None]
    if not amounts:
        return [], []
    limit, highest_var = m.scope.var("high_daily_rate"), m.scope.var("highest_daily_rate")
    m.scope.rule(RULE_ID, f"review a daily rate above {money_text(m.limits.high_daily_rate)}",
                 eq(limit, num(m.limits.high_daily_rate)))
    day, highest = max(amounts, key=lambda a: a[1])
    m.scope.premise("highest_daily_rate", f"highest daily rate in the week = {money_text(highest)} ({day})",
                    eq(highest_var, num(highest)), "daily_rate")
    return [m.claim(RULE_ID, "HIGH_DAILY_RATE", "every daily rate <= the review threshold",
                    le(highest_var, limit), shows={"highest_daily_rate": "highest_daily_rate"}, tags=("daily_rate",),
                    highest=money_text(highest), threshold=money_text(m.limits.high_daily_rate))], []


RULE = Rule(RULE_ID, "week", (
    Code("HIGH_DAILY_RATE", "warning", "a day's rate or pay <= review_triggers.high_daily_rates_threshold"),
), plain, translate)

__all__ = ["RULE", "daily_amount"]
