"""Which days and numbers each rule reads: shared by the plain rules and the z3 translation.

Only selection lives here (no verdicts), so the two reasoning paths read the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from processing.compliance.facts import DayFacts, WeekFacts

# Pay rounded to the cent can fall short of hours x rate by half a cent per day.
ROUNDING_PER_DAY = Decimal("0.005")
CENT = Decimal("0.01")
# Pay the file says was paid (a stated amount or a wage subtotal); hours x rate is only what was earned.
PAID_BASES = ("stated", "subtotal")


def paid_days(week: WeekFacts) -> list[DayFacts]:
    return [d for d in week.days if d.pay is not None]


def assumed_days(week: WeekFacts) -> list[DayFacts]:
    """Paid, worked days whose hours the file does not give: the minimum wage assumes them."""
    return [d for d in paid_days(week) if d.hours is None and d.worked]


def open_hours_days(week: WeekFacts) -> list[DayFacts]:
    """Worked days without hours: hours-dependent rules cannot settle them."""
    return [d for d in week.days if d.hours is None and d.worked]


def worked_days(week: WeekFacts) -> list[DayFacts]:
    return [d for d in week.days if d.worked]


def known_hours(week: WeekFacts) -> Decimal:
    return sum((d.hours for d in week.days if d.hours is not None), Decimal(0))


def minimum_wage_tolerance(week: WeekFacts) -> Decimal:
    return ROUNDING_PER_DAY * len(paid_days(week))


def straight_time_base(day: DayFacts) -> Decimal | None:
    """Straight-time pay for the day: its day rate (29 CFR 778.112), else hourly rate x hours.

    A day paid an amount with no hours and no hourly rate is a day-rate day: the amount is
    its day rate.
    """
    if day.day_rate is not None and (day.pay_basis == "day_rate" or day.hourly_rate is None):
        return day.day_rate
    if day.hourly_rate is not None and day.hours is not None:
        return day.hourly_rate * day.hours
    if day.hours is None and day.hourly_rate is None and day.pay is not None:
        return day.pay
    return None


@dataclass(frozen=True)
class PremiumInputs:
    days: tuple[DayFacts, ...]
    bases: tuple[Decimal, ...]  # straight-time pay per day
    paid: Decimal
    hours_known: bool

    @property
    def straight_time(self) -> Decimal:
        return sum(self.bases, Decimal(0))


def premium_inputs(week: WeekFacts) -> PremiumInputs | None:
    """What the overtime-premium rule needs, or None when the file does not say what was paid.

    Pay implied from hours x hourly rate is what was earned at straight time, not what was
    paid, so a week with such a day is left open (no false OVERTIME_UNPAID on a plain
    timesheet that a payroll system prices later).
    """
    days = tuple(d for d in week.days if d.worked or d.pay)
    if week.exempt or not days:
        return None
    bases = []
    for day in days:
        base = straight_time_base(day)
        if day.pay is None or day.pay_basis == "hourly_rate" or base is None:
            return None
        bases.append(base)
    return PremiumInputs(days=days, bases=tuple(bases), paid=sum((d.pay for d in days), Decimal(0)),
                         hours_known=all(d.hours is not None for d in days))


def is_seventh_day_week(week: WeekFacts) -> bool:
    """A state 7th-day rule applies: all seven days of the workweek worked under it."""
    worked = worked_days(week)
    return (len(worked) == 7 and worked[-1].daily_rule is not None and worked[-1].daily_rule.seventh_day)


def seventh_day(week: WeekFacts) -> DayFacts | None:
    """The 7th consecutive day of a week under a state 7th-day rule, if all seven were worked."""
    return worked_days(week)[-1] if is_seventh_day_week(week) else None


def judged_by_pay(day: DayFacts) -> bool:
    """A day under a state daily rule whose premium can be checked against what the file says was paid:
    hours, an hourly rate, pay the file states (not implied from the rate), and a rule that applies."""
    return (day.daily_rule is not None and day.worked and day.hours is not None and day.hourly_rate is not None
            and day.pay is not None and day.pay_basis in PAID_BASES and daily_rule_applies(day) is True)


def daily_rule_days(week: WeekFacts) -> list[DayFacts]:
    """Days under a state daily-overtime rule (a 7th day under a 7th-day rule has its own rule)."""
    days = [d for d in week.days if d.daily_rule is not None and d.worked]
    if is_seventh_day_week(week):
        days = days[:-1]
    return days


def hours_judged_days(week: WeekFacts) -> list[DayFacts]:
    """Daily-rule days whose pay cannot be checked: their hours alone go to a person."""
    return [d for d in daily_rule_days(week) if not judged_by_pay(d)]


def premium_days(week: WeekFacts) -> list[tuple[DayFacts, bool]]:
    """(day, is the 7th day) for the days judged by pay that owe a state premium."""
    seventh = seventh_day(week)
    found = [(d, False) for d in daily_rule_days(week)
             if judged_by_pay(d) and d.hours > d.daily_rule.overtime_after]
    if seventh is not None and judged_by_pay(seventh):
        found.append((seventh, True))
    return found


def rate_ceiling(day: DayFacts) -> Decimal | None:
    """A rate condition of the state rule (daily overtime only below a multiple of the state minimum)."""
    rule = day.daily_rule
    if rule is None or rule.rate_below_minimum_multiple is None or day.state_minimum is None:
        return None
    return rule.rate_below_minimum_multiple * day.state_minimum


def daily_rule_applies(day: DayFacts) -> bool | None:
    """True/False when decidable; None when the rate is unknown (a rate condition and no rate in the file)."""
    ceiling = rate_ceiling(day)
    if day.daily_rule is None:
        return False
    if day.daily_rule.rate_below_minimum_multiple is None:
        return True
    if ceiling is None:
        return False
    rate = day.effective_hourly_rate
    return None if rate is None else rate < ceiling


__all__ = [
    "CENT",
    "PremiumInputs",
    "ROUNDING_PER_DAY",
    "assumed_days",
    "daily_rule_applies",
    "PAID_BASES",
    "daily_rule_days",
    "hours_judged_days",
    "judged_by_pay",
    "premium_days",
    "seventh_day",
    "is_seventh_day_week",
    "known_hours",
    "minimum_wage_tolerance",
    "rate_ceiling",
    "open_hours_days",
    "paid_days",
    "premium_inputs",
    "straight_time_base",
    "worked_days",
]
