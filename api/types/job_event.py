from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from api.types.enums import JobStatus
from store.models import JobEvent as JobEventModel


@strawberry.type(description="A stored change of a job; `seq` increases by one per job.")
class JobEvent:
    job_id: strawberry.ID
    seq: int
    type: str
    status: JobStatus
    progress: int
    stage: str
    message: str | None
    at: dt.datetime
    data: JSON | None

    @classmethod
    def from_model(cls, item: JobEventModel) -> JobEvent:
        return cls(job_id=strawberry.ID(item.job_id), seq=int(item.seq), type=item.type,
                   status=JobStatus(item.status), progress=int(item.progress), stage=item.stage,
                   message=item.message, at=item.at, data=item.data)


__all__ = ["JobEvent"]
