"""Queue statistics with the timecard system's formulas, from index counts (no scans)."""

from __future__ import annotations

from dataclasses import dataclass

from store.clock import utcnow
from store.job_states import COMPLETED, FAILED, REVIEW, STATUSES
from store.models import Counter, Job
from store.queue import PROCESSING_TIME_COUNTER
from store.status_counts import status_counts


@dataclass
class QueueStats:
    counts: dict[str, int]
    review_queue_size: int
    total_jobs: int
    average_processing_seconds: float | None
    success_rate: float | None  # completed / (completed + failed) x 100
    jobs_created_today: int


def queue_stats() -> QueueStats:
    counts = status_counts()
    today = utcnow().strftime("%Y-%m-%dT00:00:00.000000Z")
    created_today = sum(
        Job.status_index.count(status, range_key_condition=Job.status_sk >= today) for status in STATUSES
    )
    try:
        counter = Counter.get(PROCESSING_TIME_COUNTER, consistent_read=True)
        average = (float(counter.total) / float(counter.count) / 1000.0) if counter.count else None
    except Counter.DoesNotExist:
        average = None
    done = counts[COMPLETED] + counts[FAILED]
    return QueueStats(
        counts=counts,
        review_queue_size=counts[REVIEW],
        total_jobs=sum(counts.values()),
        average_processing_seconds=round(average, 3) if average is not None else None,
        success_rate=round(counts[COMPLETED] / done * 100, 2) if done else None,
        jobs_created_today=created_today,
    )


__all__ = ["QueueStats", "queue_stats"]
