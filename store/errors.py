"""Expected outcomes a caller acts on (the API maps them to union members)."""

from __future__ import annotations


class StoreError(Exception):
    code = "STORE_ERROR"


class JobNotFound(StoreError):
    code = "JOB_NOT_FOUND"

    def __init__(self, job_id: str):
        self.job_id = job_id
        super().__init__(f"no job with id {job_id}")


class InvalidJobTransition(StoreError):
    code = "INVALID_JOB_TRANSITION"

    def __init__(self, job_id: str, status: str, action: str, allowed_from: tuple[str, ...], hint: str | None = None):
        self.job_id = job_id
        self.status = status
        self.action = action
        self.allowed_from = allowed_from
        super().__init__(
            f"cannot {action} job {job_id} while it is {status}; allowed from: {', '.join(allowed_from)}"
            + (f". {hint}" if hint else "")
        )


class Conflict(StoreError):
    """A conditional write lost a race; re-read and decide again."""

    code = "CONFLICT"


class LeaseLost(StoreError):
    """The worker no longer owns the job (cancelled, reclaimed or finished elsewhere)."""

    code = "LEASE_LOST"


__all__ = ["Conflict", "InvalidJobTransition", "JobNotFound", "LeaseLost", "StoreError"]
