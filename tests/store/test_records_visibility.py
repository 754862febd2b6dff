"""Records queries show entries only of jobs that ended COMPLETED: never of a job that is
running, waiting for review, rejected, cancelled, failed after lost workers, or deleted."""

from __future__ import annotations

import datetime as dt

from store import queue
from store.job_states import COMPLETED, REVIEW
from store.records import EntryRow, query_entries, save_timecard_entries
from store.uploads import register_upload

WORKER = "test-worker"
MARCH = {"date_from": dt.date(2026, 3, 1), "date_to": dt.date(2026, 3, 31)}


def job_with_entries(employee: str, day: int):
    """A claimed job whose worker has written its entries, as a handler does before it ends."""
    data = f"Employee,Date,Hours\n{employee},2026-03-{day:02d},8\n".encode()
    upload = register_upload(f"{employee}.csv", data, kind="timecard", file_format="csv", priority=2,
                             uploaded_by="test")
    job = queue.claim_job(upload.job, WORKER, 30)
    save_timecard_entries(job.job_id, [EntryRow(employee, None, dt.date(2026, 3, day), None, None)])
    return job


def employees(**query) -> list[str]:
    return [row.employee for row in query_entries(**query).entries]


def test_only_completed_jobs_show_their_records(moto_store):
    from store.jobs import cancel_job
    from store.reviews import approve_review, reject_review

    done = job_with_entries("Ann Done", 2)
    queue.finish_job(done, WORKER, COMPLETED, {})
    running = job_with_entries("Ron Running", 3)
    in_review = job_with_entries("Rae Review", 4)
    queue.finish_job(in_review, WORKER, REVIEW, {})
    rejected = job_with_entries("Rex Rejected", 5)
    queue.finish_job(rejected, WORKER, REVIEW, {})
    reject_review(rejected.job_id, reviewer="test", comment="wrong week")
    cancelled = job_with_entries("Cy Cancelled", 6)
    cancel_job(cancelled.job_id, by="test")
    lost = job_with_entries("Lou Lost", 9)  # its workers died: FAILED, no rollback ran
    queue.fail_attempt(lost, WORKER, {"code": "WORKER_LOST", "message": "lost"}, retryable=False, backoff_seconds=0)

    assert employees(**MARCH) == ["Ann Done"]
    for name in ("Ron Running", "Rae Review", "Rex Rejected", "Cy Cancelled", "Lou Lost"):
        assert employees(employee=name) == []
    assert running  # still PROCESSING: its records appear only once it completes

    approve_review(in_review.job_id, reviewer="test")
    assert employees(**MARCH) == ["Ann Done", "Rae Review"]


def test_a_page_is_filled_past_hidden_records(moto_store):
    hidden = job_with_entries("Hal Hidden", 2)
    assert hidden
    shown = [job_with_entries(f"Sam {i}", 10 + i) for i in range(3)]
    for job in shown:
        queue.finish_job(job, WORKER, COMPLETED, {})
    page = query_entries(first=2, **MARCH)
    assert [row.employee for row in page.entries] == ["Sam 0", "Sam 1"] and page.next_cursor
    rest = query_entries(first=2, after=page.next_cursor, **MARCH)
    assert [row.employee for row in rest.entries] == ["Sam 2"] and rest.next_cursor is None
