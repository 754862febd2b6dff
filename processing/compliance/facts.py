"""The facts the rules reason about, read once from an Extraction.

Both the plain rule computation and the z3 translation start from these objects, so the
two can only differ in how they reason, never in what they read. An entry with a negative
value is kept out of the weekly facts: it contradicts the policy (NEGATIVE_VALUE, an
IMPOSSIBLE finding of its own), and summing it would hide or invent other violations.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from processing.compliance import tables
from processing.compliance.jurisdictions import FEDERAL, WorkLocation, work_location
from processing.compliance.thresholds import Thresholds
from processing.compliance.workweeks import week_anchor, week_start
from processing.model import Entry, Extraction, Timecard

HOUR_PARTS = ("straight_hours", "overtime_hours", "double_time_hours")  # an entry's breakdown of its hours
NUMERIC_FIELDS = ("hours", "pay", "straight_hours", "overtime_hours", "double_time_hours",
                  "hourly_rate", "day_rate", "stated_hours_total", "wage_subtotal")


@dataclass(frozen=True)
class DayFacts:
    date: dt.date
    hours: Decimal | None  # None: the file does not say (day-rate sheet)
    pay: Decimal | None  # None: no way to know (MISSING_VALUE)
    pay_basis: str | None  # "stated" | "subtotal" | "day_rate" | "hourly_rate": where pay came from
    worked: bool
    hourly_rate: Decimal | None
    day_rate: Decimal | None
    location: WorkLocation
    minimum_wage: Decimal  # the highest minimum among the location's jurisdictions that day
    minimum_source: str  # the jurisdiction that sets it
    state_minimum: Decimal | None
    daily_rule: tables.DailyOvertimeRule | None
    # Jurisdictions of the location whose minimum wage the tables do not know on this date.
    uncovered: tuple[str, ...] = ()

    @property
    def effective_hourly_rate(self) -> Decimal | None:
        if self.hourly_rate is not None:
            return self.hourly_rate
        if self.pay is not None and self.hours:
            return self.pay / self.hours
        return None


@dataclass(frozen=True)
class WeekFacts:
    employee: str
    start: dt.date
    days: tuple[DayFacts, ...]
    exempt: bool
    weekly_salary: Decimal | None
    exempt_floor: Decimal
    exempt_floor_source: str

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def key(self) -> str:
        return self.start.isoformat()


@dataclass
class EmployeeFacts:
    timecard: Timecard
    weeks: list[WeekFacts]
    entries: list[Entry]  # every entry, as extracted, sorted by date
    negative_entries: list[tuple[Entry, str, Decimal]] = field(default_factory=list)  # entry, field, value

    @property
    def employee(self) -> str:
        return self.timecard.employee

    @property
    def has_salary(self) -> bool:
        return self.timecard.weekly_salary is not None or self.timecard.annual_salary is not None


def negative_fields(entry: Entry) -> list[tuple[str, Decimal]]:
    found = []
    for name in NUMERIC_FIELDS:
        value = getattr(entry, name)
        if value is not None and value < 0:
            found.append((name, value))
    return found


def has_breakdown(entry: Entry) -> bool:
    """The entry splits its hours into straight / overtime / double time (and has no negative value)."""
    return any(getattr(entry, part) is not None for part in HOUR_PARTS) and not negative_fields(entry)


def implied_pay(entry: Entry, timecard: Timecard) -> tuple[Decimal | None, str | None]:
    """The day's pay as the contract defines it, and its basis: stated, else implied by the file's rates.

    Hours x hourly rate says what was earned at straight time, not what was paid: the
    overtime-premium rule only trusts the other bases.
    """
    if entry.pay is not None:
        return entry.pay, "stated"
    if entry.wage_subtotal is not None:
        return entry.wage_subtotal, "subtotal"
    if entry.day_rate is not None and entry.worked:
        return entry.day_rate, "day_rate"
    if entry.hourly_rate is not None and entry.hours is not None:
        return entry.hours * entry.hourly_rate, "hourly_rate"
    if timecard.day_rate is not None and entry.worked and (entry.hours is None or entry.hours > 0):
        return timecard.day_rate, "day_rate"
    if timecard.hourly_rate is not None and entry.hours is not None:
        return entry.hours * timecard.hourly_rate, "hourly_rate"
    return None, None


def is_worked(entry: Entry) -> bool:
    if not entry.worked:
        return False
    return not (entry.hours == 0 and not entry.pay)


def _sum_known(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _weakest_basis(bases: list[str | None]) -> str | None:
    known = [b for b in bases if b is not None]
    if not known:
        return None
    return "hourly_rate" if "hourly_rate" in known else known[0]


def _first(values: list[Decimal | None]) -> Decimal | None:
    return next((v for v in values if v is not None), None)


def minimum_for(location: WorkLocation, on: dt.date, federal: Decimal) -> tuple[Decimal, str, Decimal | None]:
    best, source, state_rate = federal, FEDERAL, None
    for jurisdiction in location.jurisdictions()[1:]:
        rate = tables.minimum_wage(jurisdiction, on)
        if jurisdiction == location.state:
            state_rate = rate
        if rate is not None and rate > best:
            best, source = rate, jurisdiction
    return best, source, state_rate


def uncovered_jurisdictions(location: WorkLocation, on: dt.date) -> tuple[str, ...]:
    return tuple(j for j in location.jurisdictions()[1:] if not tables.minimum_wage_covers(j, on))


def exempt_floor_for(location: WorkLocation, on: dt.date, federal: Decimal) -> tuple[Decimal, str]:
    best, source = federal, FEDERAL
    for jurisdiction in location.jurisdictions()[1:]:
        floor = tables.exempt_salary_floor(jurisdiction, on)
        if floor is not None and floor > best:
            best, source = floor, jurisdiction
    return best, source


def build_day(day: dt.date, entries: list[Entry], timecard: Timecard, limits: Thresholds) -> DayFacts:
    pays = [implied_pay(e, timecard) for e in entries]
    location = work_location(entries[0], timecard, limits.default_work_state)
    minimum, source, state_minimum = minimum_for(location, day, limits.federal_minimum_wage)
    daily_rule = None
    if limits.state_daily_rules and location.state:
        daily_rule = tables.daily_overtime_rule(location.state, day)
    return DayFacts(
        date=day,
        hours=_sum_known([e.hours for e in entries]),
        pay=_sum_known([p for p, _ in pays]),
        pay_basis=_weakest_basis([basis for _, basis in pays]),
        worked=any(is_worked(e) for e in entries),
        hourly_rate=_first([e.hourly_rate for e in entries]) or timecard.hourly_rate,
        day_rate=_first([e.day_rate for e in entries]) or timecard.day_rate,
        location=location,
        minimum_wage=minimum,
        minimum_source=source,
        state_minimum=state_minimum,
        daily_rule=daily_rule,
        uncovered=uncovered_jurisdictions(location, day),
    )


def weekly_salary(timecard: Timecard) -> Decimal | None:
    if timecard.weekly_salary is not None:
        return timecard.weekly_salary
    if timecard.annual_salary is not None:
        return timecard.annual_salary / 52
    return None


def build_weeks(timecard: Timecard, entries: list[Entry], limits: Thresholds,
                anchor: dt.date | None) -> list[WeekFacts]:
    by_date: dict[dt.date, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_date[entry.date].append(entry)
    by_week: dict[dt.date, list[DayFacts]] = defaultdict(list)
    for day in sorted(by_date):
        by_week[week_start(day, limits.workweek_start_day, anchor)].append(
            build_day(day, by_date[day], timecard, limits))
    weeks = []
    for start, days in sorted(by_week.items()):
        floors = [exempt_floor_for(d.location, d.date, limits.federal_exempt_floor_weekly) for d in days]
        floor, floor_source = max(floors, key=lambda f: f[0])
        weeks.append(WeekFacts(
            employee=timecard.employee, start=start, days=tuple(days), exempt=timecard.exempt is True,
            weekly_salary=weekly_salary(timecard), exempt_floor=floor, exempt_floor_source=floor_source))
    return weeks


def build_facts(extraction: Extraction, limits: Thresholds) -> list[EmployeeFacts]:
    anchor = week_anchor(extraction.period_start, extraction.period_end, stated=extraction.period_stated)
    employees = []
    for timecard in extraction.timecards:
        entries = sorted(timecard.entries, key=lambda e: e.date)
        negatives = [(e, name, value) for e in entries for name, value in negative_fields(e)]
        clean = [e for e in entries if not negative_fields(e)]
        employees.append(EmployeeFacts(timecard=timecard, weeks=build_weeks(timecard, clean, limits, anchor),
                                       entries=entries, negative_entries=negatives))
    return employees


__all__ = [
    "DayFacts",
    "EmployeeFacts",
    "HOUR_PARTS",
    "NUMERIC_FIELDS",
    "WeekFacts",
    "build_facts",
    "has_breakdown",
    "implied_pay",
    "is_worked",
    "negative_fields",
]
