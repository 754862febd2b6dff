from __future__ import annotations

import strawberry

from api.types.enums import JobStatus
from store.errors import InvalidJobTransition as InvalidJobTransitionError


@strawberry.type(description="The job's status does not allow this action now.")
class InvalidJobTransition:
    job_id: strawberry.ID
    status: JobStatus
    action: str
    allowed_from: list[JobStatus]
    message: str

    @classmethod
    def from_error(cls, error: InvalidJobTransitionError) -> InvalidJobTransition:
        return cls(job_id=strawberry.ID(error.job_id), status=JobStatus(error.status), action=error.action,
                   allowed_from=[JobStatus(s) for s in error.allowed_from], message=str(error))


__all__ = ["InvalidJobTransition"]
