from __future__ import annotations

from enum import Enum

import strawberry

from api.types.job_event import JobEvent


@strawberry.enum
class ReviewQueueChangeKind(Enum):
    ENTERED = "ENTERED"
    LEFT = "LEFT"


@strawberry.type(description="A job entered the review queue or left it (approved, rejected, cancelled, deleted).")
class ReviewQueueChange:
    job_id: strawberry.ID
    change: ReviewQueueChangeKind
    event: JobEvent | None


__all__ = ["ReviewQueueChange", "ReviewQueueChangeKind"]
