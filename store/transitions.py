"""The one way a job changes: a conditional update of the Job and the JobEvent that records
it, written in one transaction. ``event_seq`` on the job is the optimistic lock: a writer
that read an older job loses with ``Conflict`` and must re-read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pynamodb.exceptions import TransactWriteError
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.transactions import TransactWrite

from store.clock import hour_partition, sortable, utcnow
from store.connection import low_level_connection
from store.errors import Conflict
from store.models import Job, JobEvent
from store.status_counts import add_status_change


@dataclass
class EventSpec:
    type: str
    status: str
    progress: int
    stage: str
    message: str | None = None
    data: dict[str, Any] | None = None


@dataclass
class ExtraWrites:
    """Other items that must change in the same transaction (a review, a file record)."""

    saves: list[tuple[Any, Condition | None]] = field(default_factory=list)


def build_event(job_id: str, seq: int, spec: EventSpec, at: dt.datetime) -> JobEvent:
    return JobEvent(
        job_id,
        seq,
        type=spec.type,
        status=spec.status,
        progress=spec.progress,
        stage=spec.stage,
        message=spec.message,
        data=spec.data,
        at=at,
        feed_pk=hour_partition(at),
        feed_sk=f"{sortable(at)}#{job_id}#{seq:010d}",
    )


def is_condition_failure(exc: TransactWriteError) -> bool:
    reasons = [r.code for r in (exc.cancellation_reasons or []) if r is not None]
    return exc.cause_response_code in ("TransactionCanceledException", "TransactionConflictException") and (
        not reasons or any(code in ("ConditionalCheckFailed", "TransactionConflict") for code in reasons)
    )


def transition(
    job: Job,
    actions: list[Action],
    event: EventSpec,
    condition: Condition | None = None,
    extra: ExtraWrites | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Apply ``actions`` to ``job`` if nobody changed it since it was read; return the new seq."""
    now = now or utcnow()
    seq = int(job.event_seq) + 1
    guard = Job.event_seq == job.event_seq
    if condition is not None:
        guard = guard & condition
    all_actions = [*actions, Job.event_seq.set(seq), Job.updated_at.set(now)]
    try:
        with TransactWrite(connection=low_level_connection()) as tx:
            tx.update(job, actions=all_actions, condition=guard)
            tx.save(build_event(job.job_id, seq, event, now), condition=JobEvent.seq.does_not_exist())
            add_status_change(tx, job.status, event.status)
            for item, item_condition in (extra.saves if extra else []):
                tx.save(item, condition=item_condition)
    except TransactWriteError as exc:
        if is_condition_failure(exc):
            raise Conflict(f"job {job.job_id} changed concurrently") from None
        raise
    return seq


__all__ = ["EventSpec", "ExtraWrites", "build_event", "is_condition_failure", "transition"]
