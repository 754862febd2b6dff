"""Timecard records for the API: entries of completed jobs, by employee or date range."""

from __future__ import annotations

import datetime as dt

from store.records import EntryPage, query_entries


def find_timecards(*, employee: str | None, date_from: dt.date | None, date_to: dt.date | None, first: int,
                   after: str | None) -> EntryPage:
    """Raises ValueError naming what to fix when the filter is unusable."""
    return query_entries(employee=employee, date_from=date_from, date_to=date_to, first=first, after=after)


__all__ = ["find_timecards"]
