"""The worker's side of the queue: claim, heartbeat, progress, finish, retry with backoff,
and reclaiming jobs whose worker died.

Claim order is priority descending, then creation time: each queue shard is one ascending
query on the sparse queue index, and the shards' heads are merged. A claim is a single
conditional transition (status PENDING and unchanged since read), so two workers never run
the same job. While a worker holds a job every write is conditioned on status PROCESSING and
its own lease, so a cancelled or reclaimed job is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import zlib
from typing import Any

from pynamodb.exceptions import UpdateError

from core.config import get_config
from store.blobs import get_blob_store
from store.clock import epoch, sortable, utcnow
from store.errors import Conflict, LeaseLost
from store.job_states import (
    COMPLETED,
    FAILED,
    LEASE_PARTITION,
    PENDING,
    PROCESSING,
    REVIEW,
    queue_partition,
    queue_sort_key,
)
from store.jobs import get_job
from store.models import Counter, Job
from store.transitions import EventSpec, transition

CANDIDATES_PER_SHARD = 8
MAX_ITEM_RESULT_BYTES = 300_000
PROCESSING_TIME_COUNTER = "processing_ms"


def _candidates(kinds: set[str] | None, now: float) -> list[Job]:
    shards = get_config().queue_shards
    streams = [
        Job.queue_index.query(f"Q{shard}", scan_index_forward=True, limit=CANDIDATES_PER_SHARD)
        for shard in range(shards)
    ]
    ready = []
    for job in heapq.merge(*streams, key=lambda j: j.queue_sk):
        if job.status != PENDING or (job.not_before or 0) > now:
            continue
        if kinds is not None and job.kind not in kinds:
            continue
        ready.append(job)
    return ready


def claim_next_job(worker_id: str, lease_seconds: int, kinds: set[str] | None = None) -> Job | None:
    """Claim the most urgent, oldest ready job, or return None when there is none."""
    for candidate in _candidates(kinds, epoch()):
        try:
            return claim_job(candidate, worker_id, lease_seconds)
        except Conflict:
            continue  # another worker took it, or it changed: try the next one
    return None


def claim_job(job: Job, worker_id: str, lease_seconds: int) -> Job:
    """Claim this pending job (as read); Conflict when it changed or another worker took it."""
    now = utcnow()
    attempt = int(job.attempts) + 1
    actions = [
        Job.status.set(PROCESSING),
        Job.stage.set("claimed"),
        Job.attempts.set(attempt),
        Job.lease_owner.set(worker_id),
        Job.lease_pk.set(LEASE_PARTITION),
        Job.lease_expires_at.set(now.timestamp() + lease_seconds),
        Job.started_at.set(now),
        Job.queue_pk.remove(),
        Job.queue_sk.remove(),
    ]
    spec = EventSpec("status", PROCESSING, int(job.progress or 0), "claimed", f"attempt {attempt}",
                     data={"attempt": attempt})
    seq = transition(job, actions, spec, condition=Job.status == PENDING, now=now)
    # The condition proved ``job`` was current, so the new state is known without a read.
    job.status, job.stage, job.attempts, job.lease_owner = PROCESSING, "claimed", attempt, worker_id
    job.lease_pk, job.lease_expires_at, job.started_at = LEASE_PARTITION, now.timestamp() + lease_seconds, now
    job.queue_pk = job.queue_sk = None
    job.event_seq, job.updated_at = seq, now
    return job


def _owned(worker_id: str):
    return (Job.status == PROCESSING) & (Job.lease_owner == worker_id)


def extend_lease(job_id: str, worker_id: str, lease_seconds: int) -> None:
    """Heartbeat. Raises LeaseLost when the job was cancelled, reclaimed or finished."""
    job = Job(job_id)
    try:
        job.update(actions=[Job.lease_expires_at.set(epoch() + lease_seconds)], condition=_owned(worker_id))
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise LeaseLost(f"job {job_id} is no longer leased to this worker") from None
        raise


def _owned_transition(job: Job, worker_id: str, actions: list, spec: EventSpec) -> Job:
    """A transition by the lease holder; re-reads once on a seq conflict (e.g. a heartbeat race)."""
    for _ in range(5):
        if job.status != PROCESSING or job.lease_owner != worker_id:
            raise LeaseLost(f"job {job.job_id} is {job.status}, no longer leased to this worker")
        try:
            transition(job, actions, spec, condition=_owned(worker_id))
            return get_job(job.job_id)
        except Conflict:
            job = get_job(job.job_id)
    raise LeaseLost(f"job {job.job_id} kept changing under its worker")


def record_progress(job: Job, worker_id: str, progress: int, stage: str, message: str | None = None) -> Job:
    """Store a progress event; returns the job as it now is (no read unless a race forced one)."""
    actions = [Job.progress.set(progress), Job.stage.set(stage)]
    spec = EventSpec("progress", PROCESSING, progress, stage, message)
    for _ in range(5):
        if job.status != PROCESSING or job.lease_owner != worker_id:
            raise LeaseLost(f"job {job.job_id} is {job.status}, no longer leased to this worker")
        try:
            seq = transition(job, actions, spec, condition=_owned(worker_id))
        except Conflict:
            job = get_job(job.job_id)
            continue
        job.progress, job.stage, job.event_seq = progress, stage, seq
        return job
    raise LeaseLost(f"job {job.job_id} kept changing under its worker")


def _result_actions(job_id: str, result: dict[str, Any] | None) -> list:
    if result is None:
        return []
    compressed = zlib.compress(json.dumps(result, separators=(",", ":"), default=str).encode(), 6)
    if len(compressed) <= MAX_ITEM_RESULT_BYTES:
        return [Job.result.set(result), Job.result_blob_key.remove()]
    key = f"results/{job_id}.json.z"
    get_blob_store().put(key, compressed)
    return [Job.result.remove(), Job.result_blob_key.set(key)]


def finish_job(
    job: Job,
    worker_id: str,
    status: str,
    result: dict[str, Any] | None,
    *,
    message: str | None = None,
    cleanup_after_days: int = 7,
) -> Job:
    """Processing ended: REVIEW (a person must look) or COMPLETED."""
    if status not in (REVIEW, COMPLETED):
        raise ValueError("finish_job ends in REVIEW or COMPLETED; use fail_attempt for failures")
    now = utcnow()
    actions = [
        Job.status.set(status),
        Job.progress.set(100),
        Job.stage.set("review" if status == REVIEW else "done"),
        Job.lease_owner.remove(),
        Job.lease_pk.remove(),
        Job.lease_expires_at.remove(),
        Job.error.remove(),
        *_result_actions(job.job_id, result),
    ]
    if status == COMPLETED:
        actions += [Job.completed_at.set(now), Job.expires_at.set(now + dt.timedelta(days=cleanup_after_days))]
    spec = EventSpec("status", status, 100, "review" if status == REVIEW else "done", message)
    finished = _owned_transition(job, worker_id, actions, spec)
    _count_processing_time(finished, now)
    return finished


def fail_attempt(
    job: Job,
    worker_id: str,
    error: dict[str, str],
    *,
    retryable: bool,
    backoff_seconds: float,
    cleanup_after_days: int = 7,
) -> Job:
    """Retry with exponential backoff while attempts remain (and the error is transient);
    otherwise FAILED with the last error."""
    now = utcnow()
    attempts = int(job.attempts)
    release = [Job.lease_owner.remove(), Job.lease_pk.remove(), Job.lease_expires_at.remove()]
    if retryable and attempts < int(job.max_attempts):
        delay = backoff_seconds * (2 ** (attempts - 1))
        error = {**error, "message": f"{error.get('message')}; retried automatically in {delay:g} s"}
        actions = release + [
            Job.error.set(error),
            Job.status.set(PENDING),
            Job.stage.set("retry_wait"),
            Job.not_before.set(now.timestamp() + delay),
            Job.queue_pk.set(queue_partition(job.job_id, get_config().queue_shards)),
            Job.queue_sk.set(queue_sort_key(int(job.priority), sortable(job.created_at), job.job_id)),
        ]
        spec = EventSpec("status", PENDING, int(job.progress or 0), "retry_wait",
                         f"attempt {attempts} failed ({error.get('code')}); retry in {delay:g} s",
                         data={"error": error, "retry_in_seconds": delay})
        return _owned_transition(job, worker_id, actions, spec)
    if retryable:  # transient, but every attempt is spent: say so, and how to run it again
        error = {**error, "message": f"{error.get('message')}; failed after {attempts} attempt(s): "
                                    "retry the job (retryJob or `jobs retry`) once the cause is fixed"}
    actions = release + [
        Job.error.set(error),
        Job.status.set(FAILED),
        Job.stage.set("failed"),
        Job.completed_at.set(now),
        Job.expires_at.set(now + dt.timedelta(days=cleanup_after_days)),
    ]
    spec = EventSpec("status", FAILED, int(job.progress or 0), "failed",
                     f"failed after {attempts} attempt(s): {error.get('code')}", data={"error": error})
    failed = _owned_transition(job, worker_id, actions, spec)
    _count_processing_time(failed, now)
    return failed


def reclaim_expired_leases(now: float | None = None, *, backoff_seconds: float = 0.0) -> list[str]:
    """Return jobs whose worker stopped heart-beating to the queue (or FAILED when out of attempts)."""
    now = now if now is not None else epoch()
    reclaimed = []
    for key in Job.lease_index.query(LEASE_PARTITION, range_key_condition=Job.lease_expires_at < now):
        job = get_job(key.job_id)
        if job.status != PROCESSING or job.lease_expires_at is None or job.lease_expires_at >= now:
            continue
        error = {"code": "WORKER_LOST", "message": f"the worker stopped responding during attempt {int(job.attempts)}"}
        try:
            _expire(job, error, backoff_seconds)
            reclaimed.append(job.job_id)
        except Conflict:
            continue  # its worker woke up, or another reclaimer won
    return reclaimed


def _expire(job: Job, error: dict[str, str], backoff_seconds: float) -> None:
    now = utcnow()
    observed = Job.lease_expires_at == job.lease_expires_at
    release = [Job.lease_owner.remove(), Job.lease_pk.remove(), Job.lease_expires_at.remove(), Job.error.set(error)]
    if int(job.attempts) < int(job.max_attempts):
        actions = release + [
            Job.status.set(PENDING),
            Job.stage.set("requeued"),
            Job.not_before.set(now.timestamp() + backoff_seconds),
            Job.queue_pk.set(queue_partition(job.job_id, get_config().queue_shards)),
            Job.queue_sk.set(queue_sort_key(int(job.priority), sortable(job.created_at), job.job_id)),
        ]
        spec = EventSpec("status", PENDING, int(job.progress or 0), "requeued", error["message"], data={"error": error})
    else:
        actions = release + [Job.status.set(FAILED), Job.stage.set("failed"), Job.completed_at.set(now)]
        spec = EventSpec("status", FAILED, int(job.progress or 0), "failed", error["message"], data={"error": error})
    transition(job, actions, spec, condition=(Job.status == PROCESSING) & observed, now=now)


def _count_processing_time(job: Job, now: dt.datetime) -> None:
    if job.started_at is None:
        return
    elapsed_ms = max(0, int((now - job.started_at).total_seconds() * 1000))
    Counter(PROCESSING_TIME_COUNTER).update(actions=[Counter.count.add(1), Counter.total.add(elapsed_ms)])


__all__ = [
    "claim_job",
    "claim_next_job",
    "extend_lease",
    "fail_attempt",
    "finish_job",
    "reclaim_expired_leases",
    "record_progress",
]
