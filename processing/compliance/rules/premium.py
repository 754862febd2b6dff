"""Overtime premium owed and whether the file pays it (29 CFR 778.107, 778.112).

Regular rate = straight-time pay for the week / hours worked (hourly: rate x hours; day
rates: the sum of day rates). Owed for hours over the threshold: half the regular rate on
top of the straight-time pay. Only decided when the file says what was paid and gives
the hours; otherwise the finding stays SATISFIABLE or NO_TRANSLATIONS.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text, money_text, rate_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.model import Issue


def premium_owed(straight_time: Decimal, hours: Decimal, threshold: Decimal) -> Decimal:
    overtime = max(hours - threshold, Decimal(0))
    if hours <= 0:
        return Decimal(0)
    return straight_time / hours * overtime / 2


def overtime_unpaid_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    inputs = sel.premium_inputs(week)
    if inputs is None or not inputs.hours_known:
        return []
    hours = sum((d.hours for d in inputs.days), Decimal(0))
    threshold = limits.overtime_threshold_hours
    if hours <= threshold:
        return []
    straight = inputs.straight_time
    owed = straight + premium_owed(straight, hours, threshold)
    if inputs.paid + sel.CENT >= owed:
        return []
    regular_rate = straight / hours
    return [make_issue(
        "OVERTIME_UNPAID",
        f"paid {money_text(inputs.paid)} for {hours_text(hours)} hours in the workweek starting "
        f"{week.start.isoformat()}; owed at least {money_text(owed)} (regular rate {rate_text(regular_rate)}, "
        f"{hours_text(hours - threshold)} overtime hours at half-time {rate_text(regular_rate / 2)} extra)",
        employee=week.employee, finding=finding_id("FLSA.OVERTIME_PREMIUM", week.employee, week.key),
        week_start=week.start, paid=inputs.paid, owed=owed, hours=hours, regular_rate=regular_rate,
        straight_time=straight, threshold=threshold)]


__all__ = ["overtime_unpaid_issues", "premium_owed"]
