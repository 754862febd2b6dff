"""Extracted timecard entries: written per job (idempotent keys), queried by employee and
date range or by month."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from store.job_states import COMPLETED
from store.models import Job, TimecardEntry


def employee_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().lower()


@dataclass
class EntryRow:
    employee: str
    employee_id: str | None
    work_date: dt.date
    hours: Decimal | None
    pay: Decimal | None


def entry_rows(timecards: Iterable) -> list[EntryRow]:
    """The rows to store for extracted timecards (anything with employee, employee_id and
    entries of date, hours, pay)."""
    return [EntryRow(card.employee, card.employee_id, entry.date, entry.hours, entry.pay)
            for card in timecards for entry in card.entries]


def save_timecard_entries(job_id: str, rows: Iterable[EntryRow]) -> int:
    """Write a job's entries; a re-run writes the same keys, so nothing is stored twice."""
    count = 0
    with TimecardEntry.batch_write() as batch:
        for row in rows:
            key = employee_key(row.employee)
            day = row.work_date.isoformat()
            batch.save(
                TimecardEntry(
                    job_id,
                    f"{key}#{day}",
                    employee=row.employee,
                    employee_key=key,
                    employee_id=row.employee_id,
                    work_date=day,
                    hours=row.hours,
                    pay=row.pay,
                    month=day[:7],
                    date_sk=f"{day}#{job_id}#{key}",  # unique: a stable cursor
                )
            )
            count += 1
    return count


def delete_job_entries(job_id: str) -> int:
    count = 0
    with TimecardEntry.batch_write() as batch:
        for item in TimecardEntry.query(job_id, attributes_to_get=["job_id", "entry_sk"]):
            batch.delete(item)
            count += 1
    return count


def job_entries(job_id: str) -> list[TimecardEntry]:
    return list(TimecardEntry.query(job_id, consistent_read=True))


@dataclass
class EntryPage:
    entries: list[TimecardEntry]
    next_cursor: str | None


class _CompletedJobs:
    """Whether a job ended COMPLETED, read once per job per query."""

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    def __call__(self, job_id: str) -> bool:
        if job_id not in self._known:
            try:
                status = Job.get(job_id, attributes_to_get=["job_id", "status"]).status
            except Job.DoesNotExist:
                status = None
            self._known[job_id] = status == COMPLETED
        return self._known[job_id]


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def query_entries(
    *,
    employee: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    first: int = 50,
    after: str | None = None,
) -> EntryPage:
    """By employee (employee index) or by date range (month index), oldest first.
    ``after`` is the last ``date_sk`` returned (opaque to clients).

    Only entries of jobs that ended COMPLETED are returned: a job's entries are written
    before it ends, and a job still running, waiting in REVIEW, rejected, cancelled, failed
    or deleted must not show records (a failed worker's rollback may not have run)."""
    first = max(1, min(first, 500))
    visible = _CompletedJobs()
    low = date_from.isoformat() if date_from else "0000-00-00"
    high = (date_to.isoformat() if date_to else "9999-99-99") + "#~"
    start = max(low, after) if after else low

    def wanted(row: TimecardEntry) -> bool:
        return not (after and row.date_sk <= after) and visible(row.job_id)

    condition = TimecardEntry.date_sk.between(start, high)
    rows: list[TimecardEntry] = []
    if employee:
        query = TimecardEntry.employee_index.query(employee_key(employee), range_key_condition=condition)
        for row in query:
            if wanted(row):
                rows.append(row)
            if len(rows) > first:
                break
    else:
        if date_from is None or date_to is None:
            raise ValueError("give an employee, or both from and to dates")
        if (date_to - date_from).days > 366:
            raise ValueError("a date range without an employee may span at most 366 days")
        for month in _months(date_from, date_to):
            for row in TimecardEntry.month_index.query(month, range_key_condition=condition):
                if wanted(row):
                    rows.append(row)
                if len(rows) > first:
                    break
            if len(rows) > first:
                break
    page = rows[:first]
    return EntryPage(page, page[-1].date_sk if len(rows) > first else None)


__all__ = ["EntryPage", "EntryRow", "delete_job_entries", "employee_key", "job_entries", "query_entries",
           "entry_rows", "save_timecard_entries"]
