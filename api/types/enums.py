"""Job status and priority as GraphQL enums, and their store values."""

from __future__ import annotations

from enum import Enum

import strawberry

from store.job_states import PRIORITIES, PRIORITY_NAMES


@strawberry.enum(description="Where a job is in its life.")
class JobStatus(Enum):
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    REVIEW = "REVIEW"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="Claim order: URGENT first, FIFO inside a priority.")
class JobPriority(Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def number(self) -> int:
        return PRIORITIES[self.value]

    @classmethod
    def from_number(cls, number: int | float) -> JobPriority:
        return cls(PRIORITY_NAMES[int(number)])


__all__ = ["JobPriority", "JobStatus"]
