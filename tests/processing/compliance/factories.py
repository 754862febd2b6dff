"""Small builders for timecards and extractions (tests only)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from core.operational_settings import OperationalSettings
from processing.model import Entry, Extraction, Timecard

MONDAY = dt.date(2026, 3, 2)


def d(value: str | int | float | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def day(offset: int, start: dt.date = MONDAY) -> dt.date:
    return start + dt.timedelta(days=offset)


def hourly_week(hours_per_day: list[float | int], rate: float | int | str, *, start: dt.date = MONDAY,
                with_rate: bool = False, **entry: Any) -> list[Entry]:
    """One entry per listed day: hours, and pay = hours x rate (stated, as the file would show it)."""
    entries = []
    for offset, hours in enumerate(hours_per_day):
        if hours is None:
            continue
        pay = (d(hours) * d(rate)).quantize(Decimal("0.01"))
        entries.append(Entry(date=day(offset, start), hours=d(hours), pay=pay,
                             hourly_rate=d(rate) if with_rate else None, **entry))
    return entries


def day_rate_week(days: int, rate: float | int | str, *, start: dt.date = MONDAY) -> list[Entry]:
    """A day-rate sheet: the day's pay, no hours."""
    return [Entry(date=day(offset, start), pay=d(rate)) for offset in range(days)]


def timecard(entries: list[Entry], name: str = "Jane Smith", **fields: Any) -> Timecard:
    return Timecard(employee=name, entries=entries, **fields)


def extraction(*timecards: Timecard, **fields: Any) -> Extraction:
    return Extraction(timecards=list(timecards), sheets=[], **fields)


def settings(**changes: Any) -> OperationalSettings:
    return OperationalSettings(**changes)


def codes(report) -> list[str]:
    return [issue.code for issue in report.issues]


def findings_for(report, rule_id: str) -> list[dict]:
    return [f for f in report.findings if f["rule_id"] == rule_id]
