"""Turn dropped bytes into a job, the same way for a local folder and for S3.

Dedupe is the store's: ``register_upload`` is conditioned on the SHA-256 being new, so a file
dropped twice, an S3 event delivered twice, or two consumers racing on one object all end
with one File and one Job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from processing.errors import FILE_TOO_LARGE, InputError
from processing.intake import inspect_upload

DROP_UPLOADER = "drop-folder"
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Registered:
    job_id: str
    status: str
    # Set when the bytes were already known from another upload or drop: written next to the
    # file as <name>.note.json when it is moved (ids only, never contents).
    note: dict[str, Any] | None = None


@dataclass(frozen=True)
class Rejected:
    """Unreadable at intake: no job; the file goes to failed/ with this error."""

    error: dict[str, str] = field(default_factory=dict)


def size_limit_bytes() -> int:
    from store.settings import get_operational_settings

    return get_operational_settings().upload_size_limit_mb * MEGABYTE


def too_large(size: int) -> Rejected | None:
    """Checked before downloading an S3 object: the limit message, without reading it."""
    limit = size_limit_bytes()
    if size > limit:
        return Rejected({"code": FILE_TOO_LARGE, "message": f"the file is larger than the {limit // MEGABYTE} MB limit"})
    return None


def register_drop(drop_key: str, data: bytes) -> Registered | Rejected:
    from processing.worker import notify_new_job
    from store.settings import get_operational_settings
    from store.uploads import register_upload

    settings = get_operational_settings()
    name = PurePosixPath(drop_key).name
    try:
        intake = inspect_upload(name, data, max_bytes=settings.upload_size_limit_mb * MEGABYTE)
    except InputError as exc:
        return Rejected({"code": exc.code, "message": exc.message})
    result = register_upload(
        name,
        data,
        kind=intake.kind,
        file_format=intake.format,
        priority=settings.default_job_priority,
        uploaded_by=DROP_UPLOADER,
        source="drop",
        drop_key=drop_key,
        max_attempts=settings.job_max_attempts,
    )
    if not result.duplicate:
        notify_new_job()  # workers in this process claim at once
        return Registered(result.job.job_id, result.job.status)
    if result.file.source == "drop" and result.file.drop_key == drop_key:
        return Registered(result.job.job_id, result.job.status)  # the same drop seen again
    note = {
        "duplicate": True,
        "job_id": result.job.job_id,
        "message": "the same bytes were already received; no new job was created",
        "first_received_from": result.file.source,
        "first_received_at": result.file.uploaded_at.isoformat(),
    }
    return Registered(result.job.job_id, result.job.status, note=note)


def failure_document(job_id: str | None, status: str | None, error: dict[str, Any] | None) -> dict[str, Any]:
    """What goes in <name>.error.json: codes and messages only (they never quote cells)."""
    if error is None:
        if status == "CANCELLED":
            error = {"code": "CANCELLED", "message": "the job was cancelled"}
        elif status is None:
            error = {"code": "JOB_DELETED", "message": "the job was deleted before it finished"}
        else:
            error = {"code": "FAILED", "message": "the job failed"}
    return {"job_id": job_id, "status": status, "error": {"code": error.get("code"), "message": error.get("message")}}


__all__ = [
    "DROP_UPLOADER",
    "Registered",
    "Rejected",
    "failure_document",
    "register_drop",
    "size_limit_bytes",
    "too_large",
]
