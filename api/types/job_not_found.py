from __future__ import annotations

import strawberry

from store.errors import JobNotFound as JobNotFoundError


@strawberry.type(description="No job has this id (never existed, or deleted).")
class JobNotFound:
    job_id: strawberry.ID
    message: str

    @classmethod
    def from_error(cls, error: JobNotFoundError) -> JobNotFound:
        return cls(job_id=strawberry.ID(error.job_id), message=str(error))


__all__ = ["JobNotFound"]
