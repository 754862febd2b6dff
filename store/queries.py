"""Read-only, index-backed streams for the question interface (services/ask).

Each function reads one key or one index partition range; none scans a table and none
writes. They stream (no page cap) because ``ask`` aggregates: the caller bounds the work
by the period it passes (the plan validator caps it) and by ``limit`` where one is given.
Only the attributes an answer can use are fetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from store.clock import sortable
from store.models import Job, Review, TimecardEntry
from store.onboarding_models import OnboardingRecord
from store.records import employee_key

# What an aggregate over entries needs; never the raw source cells (there are none here anyway).
ENTRY_ATTRIBUTES = ["employee", "employee_key", "work_date", "hours", "pay", "date_sk"]


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def iter_entries(date_from: dt.date, date_to: dt.date, *, employee: str | None = None) -> Iterator[TimecardEntry]:
    """Entries worked between the two dates (inclusive), oldest first: one employee-index
    range when an employee is named, else one month-index range per month."""
    condition = TimecardEntry.date_sk.between(date_from.isoformat(), date_to.isoformat() + "#~")
    if employee:
        yield from TimecardEntry.employee_index.query(
            employee_key(employee), range_key_condition=condition, attributes_to_get=ENTRY_ATTRIBUTES)
        return
    for month in _months(date_from, date_to):
        yield from TimecardEntry.month_index.query(
            month, range_key_condition=condition, attributes_to_get=ENTRY_ATTRIBUTES)


def _created_condition(created_from: dt.datetime | None, created_to: dt.datetime | None):
    # status_sk is "<created sortable>#<job id>": a time range is a key range.
    low = sortable(created_from) if created_from else None
    high = sortable(created_to) + "#~" if created_to else None
    if low and high:
        return Job.status_sk.between(low, high)
    if low:
        return Job.status_sk >= low
    if high:
        return Job.status_sk <= high
    return None


def iter_job_keys(status: str, *, created_from: dt.datetime | None = None,
                  created_to: dt.datetime | None = None, newest_first: bool = True) -> Iterator[Job]:
    """Jobs of one status created in the range, from the status index: keys plus the
    projected priority, kind, completed_at (no file name; ``get_jobs`` reads whole items)."""
    yield from Job.status_index.query(status, range_key_condition=_created_condition(created_from, created_to),
                                      scan_index_forward=not newest_first)


def count_jobs(status: str, *, created_from: dt.datetime | None = None,
               created_to: dt.datetime | None = None) -> int:
    return Job.status_index.count(status, range_key_condition=_created_condition(created_from, created_to))


def get_jobs(job_ids: Iterable[str]) -> list[Job]:
    """Whole job items by key (batch reads), in the order asked."""
    ids = list(dict.fromkeys(job_ids))
    if not ids:
        return []
    by_id = {job.job_id: job for job in Job.batch_get(ids)}
    return [by_id[job_id] for job_id in ids if job_id in by_id]


def iter_job_reviews(job_ids: Iterable[str]) -> Iterator[Review]:
    """The audit items of the given jobs (one key query per job)."""
    for job_id in job_ids:
        yield from Review.query(job_id)


def iter_hires_between(start: dt.datetime, end: dt.datetime) -> Iterator[OnboardingRecord]:
    """Hires whose hire time falls in [start, end], from the hires index (one partition per year)."""
    condition = OnboardingRecord.hires_sk.between(sortable(start), sortable(end) + "#~")
    for year in range(start.year, end.year + 1):
        yield from OnboardingRecord.hires_index.query(f"hired#{year:04d}", range_key_condition=condition)


def record_names(model: str, field: str) -> dict[int, str]:
    """id -> name for a small lookup model (departments, job titles), from its list-index partition."""
    names: dict[int, str] = {}
    for item in OnboardingRecord.list_index.query(model):
        try:
            names[int(item.record_id)] = str(item.data.get(field, ""))
        except ValueError:
            continue
    return names


__all__ = ["count_jobs", "get_jobs", "iter_entries", "iter_hires_between", "iter_job_keys", "iter_job_reviews",
           "record_names"]
