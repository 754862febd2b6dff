from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from api.threads import off_loop
from api.types.enums import JobPriority, JobStatus
from api.types.file_info import FileInfo
from api.types.issue import Issue
from api.types.job_error import JobError
from api.types.job_event import JobEvent
from api.types.page_info import PageInfo
from api.types.review import Review
from api.types.timecard import Timecard
from store.models import Job as JobModel

MAX_EVENTS = 500


async def load_result(model: JobModel) -> dict[str, Any]:
    from store.jobs import job_result

    if model.result is not None:
        return model.result
    if not model.result_blob_key:
        return {}
    return await off_loop(job_result, model) or {}


@strawberry.type(description="One file's way through the pipeline.")
class Job:
    model: strawberry.Private[JobModel]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(self.model.job_id)

    @strawberry.field
    def kind(self) -> str:
        return self.model.kind

    @strawberry.field
    def status(self) -> JobStatus:
        return JobStatus(self.model.status)

    @strawberry.field
    def priority(self) -> JobPriority:
        return JobPriority.from_number(self.model.priority)

    @strawberry.field(description="0-100.")
    def progress(self) -> int:
        return int(self.model.progress or 0)

    @strawberry.field
    def stage(self) -> str:
        return self.model.stage

    @strawberry.field
    def attempts(self) -> int:
        return int(self.model.attempts or 0)

    @strawberry.field
    def max_attempts(self) -> int:
        return int(self.model.max_attempts or 0)

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field
    def started_at(self) -> dt.datetime | None:
        return self.model.started_at

    @strawberry.field
    def updated_at(self) -> dt.datetime:
        return self.model.updated_at

    @strawberry.field
    def completed_at(self) -> dt.datetime | None:
        return self.model.completed_at

    @strawberry.field(description="The last event's sequence number; pass it as `afterSeq` to follow on.")
    def last_seq(self) -> int:
        return int(self.model.event_seq or 0)

    @strawberry.field
    def error(self) -> JobError | None:
        return JobError.from_dict(self.model.error)

    @strawberry.field
    async def file(self, info: strawberry.Info) -> FileInfo | None:
        if not self.model.file_sha256:
            return None
        record = await info.context.files.load(self.model.file_sha256)
        return FileInfo.from_model(record) if record else None

    @strawberry.field(description="Rule outcomes; empty until processing has finished.")
    async def issues(self) -> list[Issue]:
        return [Issue.from_dict(i) for i in (await load_result(self.model)).get("issues", [])]

    @strawberry.field(description="Formal verification of each rule checked (result contract `findings`).")
    async def findings(self) -> list[JSON]:
        return list((await load_result(self.model)).get("findings", []))

    @strawberry.field(description="The extracted timecards; empty until processing has finished.")
    async def timecards(self) -> list[Timecard]:
        return [Timecard.from_dict(t) for t in (await load_result(self.model)).get("timecards", [])]

    @strawberry.field(description="`approved` or `review` once processed.")
    async def decision(self) -> str | None:
        return (await load_result(self.model)).get("decision")

    @strawberry.field(description="Review decisions on this job, oldest first.")
    async def reviews(self) -> list[Review]:
        from store.reviews import job_reviews

        return [Review.from_model(r) for r in await off_loop(job_reviews, self.model.job_id)]

    @strawberry.field(description="Stored events after `afterSeq`, in order.")
    async def events(self, after_seq: int = 0, first: int = 100) -> list[JobEvent]:
        from store.jobs import list_events

        limit = max(1, min(first, MAX_EVENTS))
        return [JobEvent.from_model(e) for e in await off_loop(list_events, self.model.job_id, after_seq, limit)]


@strawberry.type(description="A page of jobs, newest first.")
class JobConnection:
    nodes: list[Job]
    page_info: PageInfo

__all__ = ["Job", "JobConnection", "load_result"]
