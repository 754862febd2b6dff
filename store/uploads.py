"""Register a file and its job, once per distinct content.

The File item's hash key is the SHA-256: the File, the Job and the first JobEvent are written
in one transaction conditioned on the hash being new, so 50 concurrent uploads of one file
create exactly one File and one Job; the losers read the winner's records.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from pynamodb.exceptions import DeleteError, TransactWriteError
from pynamodb.transactions import TransactWrite

from core.config import get_config
from store.blobs import BlobStore, get_blob_store
from store.clock import sortable, utcnow
from store.connection import low_level_connection
from store.job_states import PENDING, queue_partition, queue_sort_key
from store.models import FileRecord, Job
from store.status_counts import add_status_change
from store.transitions import EventSpec, build_event, is_condition_failure


@dataclass
class UploadResult:
    file: FileRecord
    job: Job
    duplicate: bool


def blob_key_for(sha256: str) -> str:
    return f"files/{sha256[:2]}/{sha256}"


def new_job(
    kind: str,
    priority: int,
    *,
    created_by: str,
    file: FileRecord | None = None,
    metadata: dict[str, Any] | None = None,
    max_attempts: int = 3,
) -> Job:
    now = utcnow()
    job_id = uuid.uuid4().hex
    created = sortable(now)
    return Job(
        job_id,
        kind=kind,
        status=PENDING,
        priority=priority,
        file_sha256=file.sha256 if file else None,
        file_name=file.name if file else None,
        progress=0,
        stage="queued",
        attempts=0,
        max_attempts=max_attempts,
        not_before=0,
        created_at=now,
        updated_at=now,
        created_by=created_by,
        metadata=metadata,
        event_seq=1,
        queue_pk=queue_partition(job_id, get_config().queue_shards),
        queue_sk=queue_sort_key(priority, created, job_id),
        status_sk=f"{created}#{job_id}",
    )


def _created_event(job: Job):
    spec = EventSpec(type="created", status=PENDING, progress=0, stage="queued", message="job created")
    return build_event(job.job_id, 1, spec, job.created_at)


def register_upload(
    name: str,
    data: bytes,
    *,
    kind: str,
    file_format: str,
    priority: int,
    uploaded_by: str,
    source: str = "upload",
    drop_key: str | None = None,
    metadata: dict[str, Any] | None = None,
    max_attempts: int = 3,
    blobs: BlobStore | None = None,
) -> UploadResult:
    """Store the bytes and create the File + Job, or return the existing ones for these bytes."""
    sha256 = hashlib.sha256(data).hexdigest()
    existing = get_file(sha256)
    if existing is not None:
        job = _job_of(existing)
        if job is not None:
            return UploadResult(existing, job, duplicate=True)

    file = _store_file(sha256, name, data, file_format=file_format, kind=kind, uploaded_by=uploaded_by,
                       source=source, drop_key=drop_key, blobs=blobs)
    job = new_job(kind, priority, created_by=uploaded_by, file=file, metadata=metadata, max_attempts=max_attempts)
    file.job_id = job.job_id
    try:
        with TransactWrite(connection=low_level_connection()) as tx:
            tx.save(file, condition=FileRecord.sha256.does_not_exist())
            tx.save(job, condition=Job.job_id.does_not_exist())
            tx.save(_created_event(job))
            add_status_change(tx, None, PENDING)
    except TransactWriteError as exc:
        if not is_condition_failure(exc):
            raise
        winner = FileRecord.get(sha256, consistent_read=True)
        return UploadResult(winner, Job.get(winner.job_id, consistent_read=True), duplicate=True)
    return UploadResult(file, job, duplicate=False)


def _job_of(file: FileRecord) -> Job | None:
    """The File's job; None after removing a File left pointing at a deleted job (a cleanup
    stopped halfway by older code), so the bytes register again as a new job."""
    try:
        return Job.get(file.job_id, consistent_read=True)
    except Job.DoesNotExist:
        pass
    try:
        file.delete(condition=FileRecord.job_id == file.job_id)
    except DeleteError as exc:
        if exc.cause_response_code != "ConditionalCheckFailedException":
            raise
    return None


def _store_file(sha256: str, name: str, data: bytes, *, file_format: str, kind: str, uploaded_by: str,
                source: str, drop_key: str | None = None, blobs: BlobStore | None = None) -> FileRecord:
    """Write the blob (content-addressed: a concurrent writer writes the same bytes) and return
    its File record, not yet saved and not yet tied to a job."""
    key = blob_key_for(sha256)
    (blobs or get_blob_store()).put(key, data)
    return FileRecord(sha256, name=name, size=len(data), format=file_format, kind=kind, blob_key=key, job_id="",
                      uploaded_by=uploaded_by, uploaded_at=utcnow(), source=source, drop_key=drop_key)


def create_job(
    kind: str,
    priority: int,
    *,
    created_by: str,
    metadata: dict[str, Any] | None = None,
    max_attempts: int = 3,
) -> Job:
    """A job with no file behind it (e.g. a restore or a bulk insert run in the background)."""
    job = new_job(kind, priority, created_by=created_by, metadata=metadata, max_attempts=max_attempts)
    with TransactWrite(connection=low_level_connection()) as tx:
        tx.save(job, condition=Job.job_id.does_not_exist())
        tx.save(_created_event(job))
        add_status_change(tx, None, PENDING)
    return job


def get_file(sha256: str) -> FileRecord | None:
    try:
        return FileRecord.get(sha256, consistent_read=True)
    except FileRecord.DoesNotExist:
        return None


__all__ = ["UploadResult", "blob_key_for", "create_job", "get_file", "new_job", "register_upload"]
