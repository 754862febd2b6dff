"""Every number the rules read, taken from the settings of the job being evaluated.

Built once per ``evaluate`` call from the settings passed in, so a changed setting
applies to the next job without a restart. Settings that the settings model does not
have yet are read with ``getattr`` and a default (see the README's "settings wanted").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.operational_settings import OperationalSettings


@dataclass(frozen=True)
class Thresholds:
    federal_minimum_wage: Decimal
    overtime_threshold_hours: Decimal
    max_weekly_hours: Decimal
    federal_exempt_floor_weekly: Decimal
    highly_compensated_annual: Decimal
    assumed_hours_per_day: Decimal
    high_daily_rate: Decimal
    max_worked_days_weekly: int
    total_tolerance: Decimal
    workweek_start_day: str
    default_work_state: str | None
    state_daily_rules: bool
    # Review triggers: when one is off its issue is still reported, as info.
    review_min_wage: bool
    review_excessive_hours: bool
    review_exempt_excessive_hours: bool
    review_more_than_6_days: bool
    timeout_ms: int

    @classmethod
    def from_settings(cls, settings: OperationalSettings) -> Thresholds:
        triggers = settings.review_triggers
        return cls(
            federal_minimum_wage=settings.federal_minimum_wage,
            overtime_threshold_hours=settings.overtime_threshold_hours,
            max_weekly_hours=settings.max_recommended_hours_weekly,
            federal_exempt_floor_weekly=settings.salary_exempt_threshold_weekly,
            highly_compensated_annual=settings.highly_compensated_annual,
            assumed_hours_per_day=settings.assumed_hours_per_day,
            high_daily_rate=triggers.high_daily_rates_threshold,
            max_worked_days_weekly=int(getattr(settings, "max_worked_days_weekly", 6)),
            total_tolerance=Decimal(str(getattr(settings, "total_tolerance", "0.01"))),
            workweek_start_day=settings.workweek_start_day,
            default_work_state=settings.default_work_state,
            state_daily_rules=bool(getattr(settings, "state_daily_overtime_enabled", True)),
            review_min_wage=triggers.rate_below_federal_minimum,
            review_excessive_hours=triggers.more_than_60_hours_week,
            review_exempt_excessive_hours=triggers.salary_exempt_excessive_hours,
            review_more_than_6_days=triggers.more_than_6_days_week,
            timeout_ms=settings.verification_timeout_ms,
        )


__all__ = ["Thresholds"]
