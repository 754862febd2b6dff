from __future__ import annotations

import strawberry

from store.stats import QueueStats as QueueStatsModel


@strawberry.type
class StatusCounts:
    pending: int
    processing: int
    review: int
    completed: int
    failed: int
    cancelled: int

    @classmethod
    def from_dict(cls, counts: dict[str, int]) -> StatusCounts:
        return cls(**{status.lower(): int(counts.get(status, 0)) for status in
                      ("PENDING", "PROCESSING", "REVIEW", "COMPLETED", "FAILED", "CANCELLED")})


@strawberry.type(description="The timecard system's formulas: success rate = completed / (completed + failed) x 100.")
class QueueStats:
    counts: StatusCounts
    review_queue_size: int
    total_jobs: int
    average_processing_seconds: float | None
    success_rate: float | None
    jobs_created_today: int

    @classmethod
    def from_model(cls, stats: QueueStatsModel) -> QueueStats:
        return cls(counts=StatusCounts.from_dict(stats.counts), review_queue_size=stats.review_queue_size,
                   total_jobs=stats.total_jobs, average_processing_seconds=stats.average_processing_seconds,
                   success_rate=stats.success_rate, jobs_created_today=stats.jobs_created_today)


__all__ = ["QueueStats", "StatusCounts"]
