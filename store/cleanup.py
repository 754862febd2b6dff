"""Remove finished jobs (and their events, records and blobs) older than
``cleanup_after_days``. On AWS the TTL attribute lets DynamoDB expire items; emulators never
do, and TTL deletion lags up to days, so this sweep runs everywhere."""

from __future__ import annotations

import datetime as dt

from store.clock import sortable, utcnow
from store.job_states import FINISHED
from store.jobs import delete_job_item, purge_job_data
from store.models import Job


def sweep_finished_jobs(cleanup_after_days: int, now: dt.datetime | None = None, limit: int = 500) -> list[str]:
    now = now or utcnow()
    cutoff = now - dt.timedelta(days=cleanup_after_days)
    # Created before the cutoff is necessary for finished before it; completed_at decides.
    created_before = sortable(cutoff)
    removed: list[str] = []
    for status in sorted(FINISHED):
        for key in Job.status_index.query(status, range_key_condition=Job.status_sk < created_before, limit=limit):
            if key.completed_at is None or key.completed_at > cutoff:
                continue
            job = Job.get(key.job_id, consistent_read=True)
            if not delete_job_item(job, allowed=FINISHED):
                continue  # changed meanwhile (e.g. retried): keep it
            purge_job_data(job)
            removed.append(job.job_id)
    return removed


__all__ = ["sweep_finished_jobs"]
