"""Read and steer jobs: job, jobs, reviewQueue, queueStats; cancel, retry, reprioritise, delete."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from strawberry.types import Info

from api.errors import BadRequest, Conflict
from api.permissions import IsAdmin, IsUploader, IsViewer
from api.threads import off_loop
from api.types.deleted_job import DeletedJob
from api.types.enums import JobPriority, JobStatus
from api.types.invalid_job_transition import InvalidJobTransition
from api.types.job import Job, JobConnection
from api.types.job_not_found import JobNotFound
from api.types.page_info import PageInfo
from api.types.queue_stats import QueueStats
from api.types.results import DeleteJobResult, JobActionResult
from resolvers.common import actor, clamp
from store import errors as store_errors
from store.jobs import JobPage

MAX_PAGE = 100


def to_connection(page: JobPage) -> JobConnection:
    return JobConnection(nodes=[Job(model=j) for j in page.jobs],
                         page_info=PageInfo(end_cursor=page.next_cursor, has_next_page=page.next_cursor is not None))


async def list_page(fn: Callable[..., JobPage], *args, **kwargs) -> JobConnection:
    try:
        return to_connection(await off_loop(fn, *args, **kwargs))
    except ValueError as exc:
        raise BadRequest(str(exc), code="BAD_CURSOR") from None


async def steer(fn: Callable, *args, **kwargs) -> Job | JobNotFound | InvalidJobTransition:
    """Run a store action on a job, mapping its expected failures to union members."""
    try:
        return Job(model=await off_loop(fn, *args, **kwargs))
    except store_errors.JobNotFound as exc:
        return JobNotFound.from_error(exc)
    except store_errors.InvalidJobTransition as exc:
        return InvalidJobTransition.from_error(exc)
    except store_errors.Conflict as exc:
        raise Conflict(str(exc)) from None


@strawberry.type
class JobQueries:
    @strawberry.field(permission_classes=[IsViewer], description="Null when no job has this id.")
    async def job(self, id: strawberry.ID) -> Job | None:
        from store.jobs import get_job

        try:
            return Job(model=await off_loop(get_job, str(id)))
        except store_errors.JobNotFound:
            return None

    @strawberry.field(permission_classes=[IsViewer], description="Newest first; `after` is a cursor from pageInfo.")
    async def jobs(self, status: list[JobStatus] | None = None, priority: JobPriority | None = None,
                   kind: str | None = None, first: int | None = 20, after: str | None = None) -> JobConnection:
        from store.jobs import list_jobs

        statuses = [s.value for s in status] if status else None
        return await list_page(list_jobs, statuses, priority=priority.number if priority else None, kind=kind,
                               first=clamp(first, 20, MAX_PAGE), after=after)

    @strawberry.field(permission_classes=[IsViewer], description="Jobs waiting for a person, oldest first.")
    async def review_queue(self, first: int | None = 20, after: str | None = None) -> JobConnection:
        from store.jobs import review_queue

        return await list_page(review_queue, clamp(first, 20, MAX_PAGE), after)

    @strawberry.field(permission_classes=[IsViewer])
    async def queue_stats(self) -> QueueStats:
        from store.stats import queue_stats

        return QueueStats.from_model(await off_loop(queue_stats))


@strawberry.type
class JobMutations:
    @strawberry.mutation(permission_classes=[IsUploader], description="PENDING, PROCESSING or REVIEW -> CANCELLED.")
    async def cancel_job(self, info: Info, id: strawberry.ID) -> JobActionResult:
        from store.jobs import cancel_job

        return await steer(cancel_job, str(id), by=await actor(info))

    @strawberry.mutation(permission_classes=[IsUploader], description="FAILED or CANCELLED -> PENDING, attempts reset.")
    async def retry_job(self, info: Info, id: strawberry.ID) -> JobActionResult:
        from store.jobs import retry_job

        return await steer(retry_job, str(id), by=await actor(info))

    @strawberry.mutation(permission_classes=[IsUploader], description="Only while PENDING.")
    async def set_job_priority(self, info: Info, id: strawberry.ID, priority: JobPriority) -> JobActionResult:
        from store.jobs import set_job_priority

        return await steer(set_job_priority, str(id), priority.number, by=await actor(info))

    @strawberry.mutation(permission_classes=[IsAdmin], description="Any status but PROCESSING; reviews are kept.")
    async def delete_job(self, id: strawberry.ID) -> DeleteJobResult:
        from store.jobs import delete_job

        result = await steer(delete_job, str(id))
        return DeletedJob(id=id) if isinstance(result, Job) else result


__all__ = ["JobMutations", "JobQueries", "steer", "to_connection"]
