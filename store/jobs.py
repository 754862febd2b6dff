"""Read and steer jobs: get, list, cancel, retry, reprioritise, delete."""

from __future__ import annotations

import datetime as dt
import heapq
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from core.config import get_config
from core.cursors import SORTABLE_TIME_AND_ID, decode_cursor, encode_cursor
from store.blobs import get_blob_store
from store.clock import sortable, utcnow
from store.connection import low_level_connection
from store.errors import Conflict, InvalidJobTransition, JobNotFound
from store.job_states import (
    CANCELLED,
    FAILED,
    PENDING,
    PROCESSING,
    REVIEW,
    STATUSES,
    queue_partition,
    queue_sort_key,
)
from store.models import FileRecord, Job, JobEvent
from store.status_counts import add_status_change
from store.transitions import EventSpec, is_condition_failure, transition
from store.uploads import blob_key_for, get_file

MAX_PAGE = 100
CONFLICT_RETRIES = 20


MAX_JOB_ID_CHARS = 64  # ids are 32 hex characters; DynamoDB refuses keys over 2048 bytes with an error


def get_job(job_id: str) -> Job:
    if not job_id or len(job_id) > MAX_JOB_ID_CHARS:
        raise JobNotFound(job_id[:MAX_JOB_ID_CHARS] + ("…" if len(job_id) > MAX_JOB_ID_CHARS else ""))
    try:
        return Job.get(job_id, consistent_read=True)
    except Job.DoesNotExist:
        raise JobNotFound(job_id) from None


def job_result(job: Job) -> dict[str, Any] | None:
    """The stored result, wherever it lives (item or blob for very large results)."""
    if job.result is not None:
        return job.result
    if job.result_blob_key:
        import zlib

        return json.loads(zlib.decompress(get_blob_store().get(job.result_blob_key)))
    return None


# ------------------------------------------------------------------ listing


@dataclass
class JobPage:
    jobs: list[Job]
    next_cursor: str | None


JOBS_CURSOR = "jobs"
REVIEW_CURSOR = "review_queue"


def _status_stream(status: str, before: str | None) -> Iterable[Job]:
    condition = Job.status_sk < before if before else None
    return Job.status_index.query(status, range_key_condition=condition, scan_index_forward=False, page_size=MAX_PAGE)


def list_jobs(
    statuses: list[str] | None = None,
    *,
    priority: int | None = None,
    kind: str | None = None,
    first: int = 20,
    after: str | None = None,
) -> JobPage:
    """Newest first across the given statuses (all when None), merged from the status index."""
    first = max(1, min(first, MAX_PAGE))
    before = decode_cursor(JOBS_CURSOR, after, SORTABLE_TIME_AND_ID)
    wanted = [s for s in (statuses or STATUSES) if s in STATUSES]
    streams = [_status_stream(status, before) for status in wanted]
    merged = heapq.merge(*streams, key=lambda job: job.status_sk, reverse=True)
    keys: list[Job] = []
    has_more = False
    for job in merged:
        if priority is not None and job.priority != priority:
            continue
        if kind is not None and job.kind != kind:
            continue
        if len(keys) == first:
            has_more = True
            break
        keys.append(job)
    jobs = [j for j in Job.batch_get([k.job_id for k in keys])] if keys else []
    by_id = {j.job_id: j for j in jobs}
    ordered = [by_id[k.job_id] for k in keys if k.job_id in by_id]
    return JobPage(ordered, encode_cursor(JOBS_CURSOR, keys[-1].status_sk) if has_more and keys else None)


def review_queue(first: int = 20, after: str | None = None) -> JobPage:
    """Jobs waiting for a person, oldest first."""
    first = max(1, min(first, MAX_PAGE))
    start = decode_cursor(REVIEW_CURSOR, after, SORTABLE_TIME_AND_ID)
    condition = Job.status_sk > start if start else None
    keys = list(Job.status_index.query(REVIEW, range_key_condition=condition, scan_index_forward=True, limit=first + 1))
    has_more = len(keys) > first
    keys = keys[:first]
    by_id = {j.job_id: j for j in Job.batch_get([k.job_id for k in keys])} if keys else {}
    ordered = [by_id[k.job_id] for k in keys if k.job_id in by_id]
    return JobPage(ordered, encode_cursor(REVIEW_CURSOR, keys[-1].status_sk) if has_more else None)


# ------------------------------------------------------------------ steering


def _with_retries(job_id: str, attempt: Callable[[Job], Job]) -> Job:
    for _ in range(CONFLICT_RETRIES):
        job = get_job(job_id)
        try:
            return attempt(job)
        except Conflict:
            continue
    raise Conflict(f"job {job_id} kept changing; try again")


def _finished_actions(now: dt.datetime) -> list:
    ttl = now + dt.timedelta(days=_cleanup_days())
    return [Job.completed_at.set(now), Job.expires_at.set(ttl)]


def _cleanup_days() -> int:
    from store.settings import get_operational_settings

    return get_operational_settings().cleanup_after_days


def _leave_queue_and_lease() -> list:
    return [Job.queue_pk.remove(), Job.queue_sk.remove(), Job.lease_pk.remove(), Job.lease_expires_at.remove()]


def cancel_job(job_id: str, *, by: str) -> Job:
    """A pending or reviewed job is cancelled at once; a running one too, and its worker's
    next conditional write fails, so it stops and never overwrites CANCELLED."""
    allowed = (PENDING, PROCESSING, REVIEW)

    def attempt(job: Job) -> Job:
        if job.status not in allowed:
            raise InvalidJobTransition(job_id, job.status, "cancel", allowed)
        now = utcnow()
        actions = [Job.status.set(CANCELLED), Job.stage.set("cancelled"), Job.lease_owner.remove()]
        actions += _leave_queue_and_lease() + _finished_actions(now)
        spec = EventSpec("status", CANCELLED, int(job.progress), "cancelled", f"cancelled by {by}")
        transition(job, actions, spec, condition=Job.status == job.status, now=now)
        return get_job(job_id)

    return _with_retries(job_id, attempt)


RETRY_HINTS = {
    REVIEW: "It is waiting for a person: approve or reject it, or cancel it first and then retry it",
    PENDING: "It is already queued",
    PROCESSING: "It is running; cancel it first to run it again from the start",
}


def retry_job(job_id: str, *, by: str) -> Job:
    allowed = (FAILED, CANCELLED)

    def attempt(job: Job) -> Job:
        if job.status not in allowed:
            raise InvalidJobTransition(job_id, job.status, "retry", allowed, hint=RETRY_HINTS.get(job.status))
        actions = [
            Job.status.set(PENDING),
            Job.stage.set("queued"),
            Job.progress.set(0),
            Job.attempts.set(0),
            Job.not_before.set(0),
            Job.error.remove(),
            Job.completed_at.remove(),
            Job.expires_at.remove(),
            Job.queue_pk.set(queue_partition(job.job_id, get_config().queue_shards)),
            Job.queue_sk.set(queue_sort_key(int(job.priority), sortable(job.created_at), job.job_id)),
        ]
        spec = EventSpec("status", PENDING, 0, "queued", f"retry requested by {by}")
        transition(job, actions, spec, condition=Job.status == job.status)
        return get_job(job_id)

    return _with_retries(job_id, attempt)


def set_job_priority(job_id: str, priority: int, *, by: str) -> Job:
    allowed = (PENDING,)

    def attempt(job: Job) -> Job:
        if job.status not in allowed:
            raise InvalidJobTransition(job_id, job.status, "change the priority of", allowed)
        actions = [
            Job.priority.set(priority),
            Job.queue_sk.set(queue_sort_key(priority, sortable(job.created_at), job.job_id)),
        ]
        spec = EventSpec("priority", PENDING, int(job.progress), job.stage, f"priority {priority} set by {by}",
                         data={"priority": priority})
        transition(job, actions, spec, condition=Job.status == PENDING)
        return get_job(job_id)

    return _with_retries(job_id, attempt)


def delete_job(job_id: str) -> Job:
    """Delete a job that is not running, with its events, records, file record and blob.
    Review items stay: the audit trail is append-only."""
    job = get_job(job_id)
    if job.status == PROCESSING:
        raise InvalidJobTransition(job_id, job.status, "delete", tuple(s for s in STATUSES if s != PROCESSING))
    if not delete_job_item(job):
        raise Conflict(f"job {job_id} changed while being deleted; try again")
    purge_job_data(job)
    return job


def delete_job_item(job: Job, allowed: frozenset[str] | None = None) -> bool:
    """Delete the job item if unchanged since read (and, if given, in an ``allowed`` status),
    with its status counter and its File record, in one transaction; False when it changed
    meanwhile. What else hangs off the job goes in ``purge_job_data``: stopped in between,
    nothing points at the deleted job (the same bytes upload again as a new job) and the
    leftovers are unreachable (records show only for completed jobs)."""
    condition = Job.event_seq == job.event_seq
    condition &= Job.status.is_in(*allowed) if allowed else (Job.status != PROCESSING)
    file = _file_of(job)
    try:
        with TransactWrite(connection=low_level_connection()) as tx:
            tx.delete(job, condition=condition)
            add_status_change(tx, job.status, None)
            if file is not None:
                tx.delete(file, condition=FileRecord.job_id == job.job_id)
    except TransactWriteError as exc:
        if is_condition_failure(exc):
            return False
        raise
    return True


def _file_of(job: Job) -> FileRecord | None:
    """The job's File record, if it is still this job's (the same bytes may belong to a newer job)."""
    if not job.file_sha256:
        return None
    try:
        file = FileRecord.get(job.file_sha256, consistent_read=True)
    except FileRecord.DoesNotExist:
        return None
    return file if file.job_id == job.job_id else None


def purge_job_data(job: Job) -> None:
    """Remove what hangs off a deleted job (idempotent; the cleanup sweep uses it too)."""
    with JobEvent.batch_write() as batch:
        for event in JobEvent.query(job.job_id, attributes_to_get=["job_id", "seq"]):
            batch.delete(event)
    from store.records import delete_job_entries

    delete_job_entries(job.job_id)
    if job.result_blob_key:
        get_blob_store().delete(job.result_blob_key)
    # Unless the same bytes were uploaded again meanwhile: the new File uses the same blob.
    if job.file_sha256 and get_file(job.file_sha256) is None:
        get_blob_store().delete(blob_key_for(job.file_sha256))


def list_events(job_id: str, after_seq: int = 0, limit: int = 500) -> list[JobEvent]:
    return list(JobEvent.query(job_id, range_key_condition=JobEvent.seq > after_seq, consistent_read=True, limit=limit))


def list_feed(after: str | None, now: dt.datetime | None = None, limit: int = 500) -> list[JobEvent]:
    """Events of every job after the feed cursor ``after`` (a feed_sk), oldest first.
    Reads the hour partitions from the cursor's hour (at most the last 2 hours) to now."""
    now = now or utcnow()
    start = now - dt.timedelta(hours=1)
    if after:
        try:
            cursor_time = dt.datetime.strptime(after.split("#", 1)[0], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
                tzinfo=dt.UTC
            )
            start = max(start, cursor_time.replace(minute=0, second=0, microsecond=0))
        except ValueError:
            pass
    hours = []
    moment = start.replace(minute=0, second=0, microsecond=0)
    while moment <= now:
        hours.append(moment.strftime("FEED#%Y%m%d%H"))
        moment += dt.timedelta(hours=1)
    events: list[JobEvent] = []
    for partition in hours:
        condition = JobEvent.feed_sk > after if after else None
        events.extend(JobEvent.feed_index.query(partition, range_key_condition=condition, limit=limit))
    events.sort(key=lambda e: e.feed_sk)
    return events[:limit]


__all__ = [
    "JobPage",
    "cancel_job",
    "delete_job",
    "delete_job_item",
    "get_job",
    "job_result",
    "list_events",
    "list_feed",
    "list_jobs",
    "purge_job_data",
    "retry_job",
    "review_queue",
    "set_job_priority",
]
