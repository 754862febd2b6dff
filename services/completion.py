"""How a processed job ends, the same for a worker and for ``process --save``: its records are
written (undo registered first) and the job goes to REVIEW or COMPLETED through the queue's
lease-holder transition (store.transitions), with its event and status counters."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from typing import Any

from core.operational_settings import OperationalSettings
from services.jobs import JobOutcome, timecard_outcome
from store import queue
from store.errors import Conflict, LeaseLost
from store.jobs import get_job
from store.models import Job

log = logging.getLogger(__name__)

PROCESSED_BY_CLI = "processed by the CLI"


def complete_job(job: Job, worker_id: str, outcome: JobOutcome, settings: OperationalSettings) -> Job:
    """The handler's outcome becomes the job's final state; LeaseLost if the job is no longer
    this worker's (cancelled, reclaimed), and then nothing is written."""
    return queue.finish_job(job, worker_id, outcome.status, outcome.result, message=outcome.message,
                            cleanup_after_days=settings.cleanup_after_days)


def roll_back(job_id: str, rollbacks: list[Callable[[], None]]) -> None:
    """Undo a stopped or failed job's writes, newest first."""
    for undo in reversed(rollbacks):
        try:
            undo()
        except Exception:  # noqa: BLE001 - keep undoing the rest; a retry rewrites the same keys
            log.exception("rollback step failed for job %s", job_id)


def stored_settings() -> OperationalSettings:
    from store.settings import get_operational_settings

    return get_operational_settings()


def save_processed(*, name: str, data: bytes, outcome: Any, priority: int, by: str = "cli",
                   settings: OperationalSettings | None = None) -> dict[str, Any]:
    """Record a file processed in this process (``process --save``) as a job: registered like
    any upload, claimed by this process, completed through ``complete_job``. The same bytes
    again -> the existing job, nothing written."""
    from store.settings import get_operational_settings
    from store.uploads import register_upload

    settings = settings or get_operational_settings()
    upload = register_upload(name, data, kind="timecard", file_format=outcome.result["file"]["format"],
                             priority=priority, uploaded_by=by, source="cli", max_attempts=settings.job_max_attempts)
    if upload.duplicate:
        return _summary(upload.job, duplicate=True)
    worker_id = f"cli:{socket.gethostname()}:{os.getpid()}"
    try:
        job = queue.claim_job(upload.job, worker_id, settings.lease_seconds)
    except Conflict:  # a worker elsewhere claimed it first: it processes the same bytes
        return _summary(get_job(upload.job.job_id), duplicate=False)
    rollbacks: list[Callable[[], None]] = []
    try:
        finished = complete_job(job, worker_id, timecard_outcome(job.job_id, outcome, rollbacks.append,
                                                                 message=PROCESSED_BY_CLI), settings)
    except LeaseLost:  # cancelled while saving
        roll_back(job.job_id, rollbacks)
        return _summary(get_job(job.job_id), duplicate=False)
    except Exception:
        roll_back(job.job_id, rollbacks)
        # Back to the queue: a worker processes the stored file again.
        queue.fail_attempt(job, worker_id, {"code": "SAVE_FAILED", "message": "saving the processed file failed"},
                           retryable=True, backoff_seconds=settings.retry_backoff_seconds)
        raise
    return _summary(finished, duplicate=False)


def _summary(job: Job, *, duplicate: bool) -> dict[str, Any]:
    return {"id": job.job_id, "status": job.status, "file_sha256": job.file_sha256, "duplicate": duplicate}


__all__ = ["complete_job", "roll_back", "save_processed", "stored_settings"]
