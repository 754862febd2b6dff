"""Queue statistics: counters kept with every status change agree with the status index."""

from __future__ import annotations

import time

from store import queue
from store.job_states import COMPLETED, FAILED, STATUSES
from store.jobs import cancel_job, delete_job, retry_job
from store.models import Job
from store.reviews import approve_review, reject_review
from store.stats import queue_stats
from store.status_counts import status_counts
from store.uploads import create_job, register_upload


def index_counts() -> dict[str, int]:
    return {status: Job.status_index.count(status) for status in STATUSES}


def test_counters_follow_every_kind_of_status_change(moto_store):
    jobs = [create_job("timecard", 2, created_by="t").job_id for _ in range(7)]
    register_upload("a.csv", b"a", kind="timecard", file_format="csv", priority=2, uploaded_by="t")
    register_upload("b.csv", b"a", kind="timecard", file_format="csv", priority=2, uploaded_by="t")  # duplicate
    claimed = [queue.claim_next_job(f"w{i}", 30) for i in range(6)]
    queue.finish_job(claimed[0], "w0", COMPLETED, {})
    queue.finish_job(claimed[1], "w1", "REVIEW", {})
    queue.finish_job(claimed[2], "w2", "REVIEW", {})
    approve_review(claimed[1].job_id, reviewer="r")
    reject_review(claimed[2].job_id, reviewer="r", comment="wrong totals")
    queue.fail_attempt(claimed[3], "w3", {"code": "X", "message": "x"}, retryable=False, backoff_seconds=0)
    cancel_job(claimed[4].job_id, by="t")
    retry_job(claimed[4].job_id, by="t")
    assert queue.reclaim_expired_leases(now=time.time() + 3600) == [claimed[5].job_id]
    assert jobs[6] not in {c.job_id for c in claimed}  # FIFO: the seventh is still pending
    delete_job(jobs[6])
    delete_job(claimed[0].job_id)  # a finished one
    assert status_counts() == index_counts()


def test_queue_stats_formulas(moto_store):
    for _ in range(4):
        create_job("timecard", 2, created_by="t")
    done = [queue.claim_next_job("w", 30) for _ in range(3)]
    queue.finish_job(done[0], "w", COMPLETED, {})
    queue.finish_job(done[1], "w", COMPLETED, {})
    queue.fail_attempt(done[2], "w", {"code": "X", "message": "x"}, retryable=False, backoff_seconds=0)
    stats = queue_stats()
    assert stats.counts[COMPLETED] == 2 and stats.counts[FAILED] == 1 and stats.counts["PENDING"] == 1
    assert stats.total_jobs == 4
    assert stats.success_rate == round(2 / 3 * 100, 2)
    assert stats.jobs_created_today == 4
    assert stats.average_processing_seconds is not None and stats.average_processing_seconds >= 0
