"""Turn dropped bytes into a job, the same way for a local folder and for S3.

Intake is services.intake.submit_file, as for every way in. Dedupe is the store's: ``register_upload`` is conditioned on the SHA-256 being new, so a file
dropped twice, an S3 event delivered twice, or two consumers racing on one object all end
with one File and one Job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from services import intake
from store.job_states import CANCELLED, FAILED

DROP_UPLOADER = "drop-folder"


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


def _rejected(refusal: intake.Refused) -> Rejected:
    return Rejected({"code": refusal.code, "message": refusal.message})


def too_large(size: int) -> Rejected | None:
    """Checked before downloading an S3 object: the intake's size refusal, without reading it."""
    refusal = intake.refuse_size(size)
    return _rejected(refusal) if refusal else None


def register_drop(drop_key: str, data: bytes) -> Registered | Rejected:
    name = PurePosixPath(drop_key).name
    outcome = intake.submit_file("drop", name, data, kind=None, priority=None, by=DROP_UPLOADER, drop_key=drop_key)
    if isinstance(outcome, intake.Refused):
        return _rejected(outcome)
    if isinstance(outcome, intake.Accepted):
        return Registered(outcome.job.job_id, outcome.job.status)
    if outcome.file.source == "drop" and outcome.file.drop_key == drop_key:
        return Registered(outcome.job.job_id, outcome.job.status)  # the same drop seen again
    note = {
        "duplicate": True,
        "job_id": outcome.job.job_id,
        "message": "the same bytes were already received; no new job was created",
        "first_received_from": outcome.file.source,
        "first_received_at": outcome.file.uploaded_at.isoformat(),
    }
    return Registered(outcome.job.job_id, outcome.job.status, note=note)


def failure_document(job_id: str | None, status: str | None, error: dict[str, Any] | None) -> dict[str, Any]:
    """What goes in <name>.error.json: codes and messages only (they never quote cells)."""
    if error is None:
        if status == CANCELLED:
            error = {"code": CANCELLED, "message": "the job was cancelled"}
        elif status is None:
            error = {"code": "JOB_DELETED", "message": "the job was deleted before it finished"}
        else:
            error = {"code": FAILED, "message": "the job failed"}
    return {"job_id": job_id, "status": status, "error": {"code": error.get("code"), "message": error.get("message")}}


__all__ = [
    "DROP_UPLOADER",
    "Registered",
    "Rejected",
    "failure_document",
    "register_drop",
    "too_large",
]
