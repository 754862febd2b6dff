"""Which workweek a work date belongs to (contract: seven consecutive days, never averaged).

When the extraction's period covers one week or less, that period is the workweek (a
weekly sheet that runs Wednesday to Tuesday is one workweek); a stated period of whole weeks
(two weeks from a Sunday) is cut into 7-day blocks from its first day; dates outside it fall in
the 7-day blocks anchored on the period's first day. Otherwise weeks start on the
``workweek_start_day`` setting.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


MAX_ANCHORED_DAYS = 35  # five weeks: a longer period is a month, whose first day starts no workweek


def week_anchor(period_start: dt.date | None, period_end: dt.date | None, *, stated: bool = True) -> dt.date | None:
    """The period's first day when the period is one workweek, or when the file states a period of whole
    weeks (a bi-weekly period from a Sunday has Sunday workweeks); else None."""
    if period_start is None or period_end is None:
        return None
    days = (period_end - period_start).days + 1
    if 1 <= days <= 7 or (stated and days % 7 == 0 and days <= MAX_ANCHORED_DAYS):
        return period_start
    return None


def week_start(day: dt.date, start_day: str, anchor: dt.date | None) -> dt.date:
    if anchor is not None:
        return anchor + dt.timedelta(days=7 * ((day - anchor).days // 7))
    offset = (day.weekday() - WEEKDAYS.index(start_day)) % 7
    return day - dt.timedelta(days=offset)


__all__ = ["WEEKDAYS", "week_anchor", "week_start"]
