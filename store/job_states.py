"""Job statuses, priorities and the keys derived from them."""

from __future__ import annotations

import zlib

PENDING = "PENDING"
PROCESSING = "PROCESSING"
REVIEW = "REVIEW"
COMPLETED = "COMPLETED"
FAILED = "FAILED"
CANCELLED = "CANCELLED"

STATUSES = (PENDING, PROCESSING, REVIEW, COMPLETED, FAILED, CANCELLED)
FINISHED = frozenset({COMPLETED, FAILED, CANCELLED})

PRIORITIES = {"low": 1, "normal": 2, "high": 3, "urgent": 4}
PRIORITY_NAMES = {value: name for name, value in PRIORITIES.items()}

LEASE_PARTITION = "LEASE"


def parse_priority(value: str | int) -> int:
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        number = int(value)
        if number in PRIORITY_NAMES:
            return number
    elif isinstance(value, str) and value.lower() in PRIORITIES:
        return PRIORITIES[value.lower()]
    raise ValueError(f"priority must be one of low, normal, high, urgent (or 1-4), not {value!r}")


def queue_partition(job_id: str, shards: int) -> str:
    """Spread pending jobs over ``shards`` partitions so the queue index has no hot key."""
    return f"Q{zlib.crc32(job_id.encode()) % shards}"


def queue_sort_key(priority: int, created_sortable: str, job_id: str) -> str:
    """Urgent (4) sorts first, then oldest first: one ascending query gives claim order."""
    return f"{5 - priority}#{created_sortable}#{job_id}"


__all__ = [
    "CANCELLED",
    "COMPLETED",
    "FAILED",
    "FINISHED",
    "LEASE_PARTITION",
    "PENDING",
    "PRIORITIES",
    "PRIORITY_NAMES",
    "PROCESSING",
    "REVIEW",
    "STATUSES",
    "parse_priority",
    "queue_partition",
    "queue_sort_key",
]
