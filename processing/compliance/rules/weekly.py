"""Per-employee, per-workweek rules, computed plainly (Decimal arithmetic, no solver).

Each workweek stands alone: nothing is carried or averaged across weeks.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text, money_text, rate_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue, trigger_severity
from processing.compliance.thresholds import Thresholds
from processing.model import Issue

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


def min_wage_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
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
            employee=week.employee, finding=finding_id("FLSA.MIN_WAGE", week.employee, week.key, OPEN),
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
            employee=week.employee, finding=finding_id("FLSA.MIN_WAGE", week.employee, week.key, variant),
            week_start=week.start, severity=trigger_severity("MIN_WAGE", limits.review_min_wage),
            wages=wages, hours=hours, rate=(wages / hours), minimum=minimum, jurisdiction=source,
            required=required))
    return issues


def overtime_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    hours = sel.known_hours(week)
    if hours <= limits.overtime_threshold_hours:
        return []
    return [make_issue(
        "OVERTIME",
        f"{hours_text(hours)} hours {_week_phrase(week)} (threshold {hours_text(limits.overtime_threshold_hours)})",
        employee=week.employee, finding=finding_id("FLSA.OVERTIME_HOURS", week.employee, week.key),
        week_start=week.start, hours=hours, threshold=limits.overtime_threshold_hours)]


def excessive_hours_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    hours = sel.known_hours(week)
    if hours <= limits.max_weekly_hours:
        return []
    trigger = limits.review_exempt_excessive_hours if week.exempt else limits.review_excessive_hours
    who = "exempt employee: " if week.exempt else ""
    return [make_issue(
        "EXCESSIVE_HOURS",
        f"{who}{hours_text(hours)} hours {_week_phrase(week)} "
        f"(recommended maximum {hours_text(limits.max_weekly_hours)})",
        employee=week.employee, finding=finding_id("POLICY.MAX_WEEKLY_HOURS", week.employee, week.key),
        week_start=week.start, severity=trigger_severity("EXCESSIVE_HOURS", trigger),
        hours=hours, threshold=limits.max_weekly_hours)]


def worked_days_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    count = len(sel.worked_days(week))
    if count <= limits.max_worked_days_weekly:
        return []
    return [make_issue(
        "MORE_THAN_6_DAYS",
        f"{count} days worked {_week_phrase(week)} (more than {limits.max_worked_days_weekly})",
        employee=week.employee, finding=finding_id("POLICY.MAX_DAYS_WEEKLY", week.employee, week.key),
        week_start=week.start, severity=trigger_severity("MORE_THAN_6_DAYS", limits.review_more_than_6_days),
        days=count, threshold=limits.max_worked_days_weekly)]


def daily_amount(day) -> Decimal | None:
    """A day's rate: the day rate when the file has one, else the day's pay."""
    return day.day_rate if day.day_rate is not None else day.pay


def high_daily_rate_issues(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day in week.days:
        amount = daily_amount(day)
        if amount is not None and amount > limits.high_daily_rate:
            issues.append(make_issue(
                "HIGH_DAILY_RATE",
                f"daily rate {money_text(amount)} on {day.date.isoformat()} "
                f"(review above {money_text(limits.high_daily_rate)})",
                employee=week.employee, date=day.date,
                finding=finding_id("POLICY.HIGH_DAILY_RATE", week.employee, week.key),
                week_start=week.start, amount=amount, threshold=limits.high_daily_rate))
    return issues


__all__ = [
    "ASSUMED",
    "OPEN",
    "daily_amount",
    "excessive_hours_issues",
    "high_daily_rate_issues",
    "min_wage_issues",
    "minimum_wage_text",
    "overtime_issues",
    "worked_days_issues",
]
