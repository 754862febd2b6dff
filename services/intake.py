"""Accepting a file: the one operation behind every way in (GraphQL uploadFile, the drop
folder, ``enqueue`` and ``onboard --submit``).

One size check, one format/kind check, one set of messages: what a way in may do on its
own is read the bytes and present the answer (a GraphQL union, a CLI line, a note next to
a dropped file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from core.operational_settings import OperationalSettings
from processing.errors import InputError
from processing.intake import MEGABYTE, Intake, file_too_large, inspect_upload
from store.models import FileRecord, Job

Source = Literal["upload", "cli", "drop"]


@dataclass(frozen=True)
class Accepted:
    """A new File and its PENDING Job."""

    job: Job
    file: FileRecord


@dataclass(frozen=True)
class Duplicate:
    """These bytes were received before: the existing File and Job, nothing new written."""

    job: Job
    file: FileRecord


@dataclass(frozen=True)
class Refused:
    """Not accepted; nothing was stored. ``code`` is stable, ``message`` says what to fix."""

    code: str
    message: str


def current_settings() -> OperationalSettings:
    from store.settings import get_operational_settings

    return get_operational_settings()


def size_limit_bytes(settings: OperationalSettings | None = None) -> int:
    return (settings or current_settings()).upload_size_limit_mb * MEGABYTE


def too_large(settings: OperationalSettings | None = None) -> Refused:
    error = file_too_large(size_limit_bytes(settings))
    return Refused(error.code, error.message)


def refuse_size(size: int, settings: OperationalSettings | None = None) -> Refused | None:
    """The size check alone, for a caller that knows the size before it has the bytes (an S3
    object's metadata)."""
    return too_large(settings) if size > size_limit_bytes(settings) else None


def inspect(name: str, data: bytes, *, kind: str | None = None,
            settings: OperationalSettings | None = None) -> Intake | Refused:
    """Size, format and kind, decided from the bytes; nothing is stored."""
    try:
        return inspect_upload(name, data, max_bytes=size_limit_bytes(settings), kind=kind)
    except InputError as exc:
        return Refused(exc.code, exc.message)


def submit_file(
    source: Source,
    name: str,
    data: bytes,
    *,
    kind: str | None,
    priority: int | None,
    by: str,
    drop_key: str | None = None,
    metadata: dict[str, Any] | None = None,
) -> Accepted | Duplicate | Refused:
    """Check the bytes, then store the blob, the File and its Job once per distinct content.

    ``kind`` None detects it from the content; ``priority`` None takes ``default_job_priority``.
    """
    from store.uploads import register_upload

    settings = current_settings()
    intake = inspect(name, data, kind=kind, settings=settings)
    if isinstance(intake, Refused):
        return intake
    result = register_upload(
        name,
        data,
        kind=intake.kind,
        file_format=intake.format,
        priority=settings.default_job_priority if priority is None else priority,
        uploaded_by=by,
        source=source,
        drop_key=drop_key,
        metadata=metadata,
        max_attempts=settings.job_max_attempts,
    )
    if result.duplicate:
        return Duplicate(result.job, result.file)
    _wake_workers()
    return Accepted(result.job, result.file)


def _wake_workers() -> None:
    """Idle workers in this process claim the new job at once instead of at their next poll."""
    from services.worker import notify_new_job

    notify_new_job()


__all__ = ["Accepted", "Duplicate", "Refused", "inspect", "refuse_size", "size_limit_bytes", "submit_file",
           "too_large"]
