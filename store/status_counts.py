"""Jobs per status, kept as counters updated in the same transaction as every status change.

Counting the status index instead reads every finished job, and that partition only grows
between cleanups: health checks and queue statistics would get slower with volume. Each
counter is one item (a write-hot key only past ~1,000 status changes per second).
"""

from __future__ import annotations

from pynamodb.transactions import TransactWrite

from store.job_states import STATUSES
from store.models import Counter

PREFIX = "status#"


def counter_for(status: str) -> Counter:
    return Counter(f"{PREFIX}{status}")


def add_status_change(tx: TransactWrite, old: str | None, new: str | None) -> None:
    """Add the counter updates for a job moving from ``old`` to ``new`` (None: created/deleted)."""
    if old == new:
        return
    if old is not None:
        tx.update(counter_for(old), actions=[Counter.count.add(-1)])
    if new is not None:
        tx.update(counter_for(new), actions=[Counter.count.add(1)])


def status_counts() -> dict[str, int]:
    """Jobs per status: one batch read of six small items, however many jobs there are."""
    found = {item.name: int(item.count) for item in Counter.batch_get([f"{PREFIX}{s}" for s in STATUSES])}
    return {status: max(0, found.get(f"{PREFIX}{status}", 0)) for status in STATUSES}


__all__ = ["add_status_change", "counter_for", "status_counts"]
