"""Subscriptions: jobProgress (one job: replay, then live), jobEvents (every job),
reviewQueueChanged. All follow the store through the process's shared pollers (api.live).

jobProgress ends after it delivers an event whose status is REVIEW, COMPLETED, FAILED or
CANCELLED: REVIEW waits for a person, so following on would hold the stream open for hours.
A subscription that starts after such an event with nothing to replay ends at once on a
finished job, and on a job waiting in REVIEW it waits for the review decision.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from api.errors import NotFound
from api.live import GONE
from api.permissions import IsViewer
from api.threads import off_loop
from api.types.job_event import JobEvent
from api.types.review_queue_change import ReviewQueueChange, ReviewQueueChangeKind
from store.job_states import CANCELLED, COMPLETED, FAILED, REVIEW
from store.models import JobEvent as JobEventModel

ENDS_STREAM = frozenset({REVIEW, COMPLETED, FAILED, CANCELLED})
FINISHED = frozenset({COMPLETED, FAILED, CANCELLED})
REPLAY_PAGE = 500


def stored_events(job_id: str, after_seq: int) -> list[JobEventModel]:
    """Every stored event after ``after_seq`` (paged)."""
    from store.jobs import list_events

    events: list[JobEventModel] = []
    while True:
        page = list_events(job_id, after_seq, REPLAY_PAGE)
        events.extend(page)
        if len(page) < REPLAY_PAGE:
            return events
        after_seq = int(page[-1].seq)


async def current_status(job_id: str) -> str:
    from store import errors
    from store.jobs import get_job

    try:
        return (await off_loop(get_job, job_id)).status
    except errors.JobNotFound:
        raise NotFound(f"no job with id {job_id}", code="JOB_NOT_FOUND") from None


def review_change(event: JobEventModel, in_review: set[str]) -> ReviewQueueChangeKind | None:
    """Whether this event moves its job into or out of the review queue."""
    if event.status == REVIEW and event.job_id not in in_review:
        in_review.add(event.job_id)
        return ReviewQueueChangeKind.ENTERED
    if event.status != REVIEW and (event.job_id in in_review or event.type == "review"):
        in_review.discard(event.job_id)
        return ReviewQueueChangeKind.LEFT
    return None


def jobs_in_review() -> set[str]:
    from store.jobs import review_queue

    ids: set[str] = set()
    cursor = None
    for _ in range(20):  # at most 2,000 jobs waiting: enough to spot those leaving
        page = review_queue(100, cursor)
        ids.update(j.job_id for j in page.jobs)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    return ids


@strawberry.type
class ProgressSubscriptions:
    @strawberry.subscription(permission_classes=[IsViewer],
                             description="Stored events after `afterSeq`, then live ones, until the job reaches "
                                         "REVIEW, COMPLETED, FAILED or CANCELLED.")
    async def job_progress(self, info: Info, job_id: strawberry.ID,
                           after_seq: int | None = None) -> AsyncGenerator[JobEvent, None]:
        job_id, last = str(job_id), max(0, after_seq or 0)
        status = await current_status(job_id)
        async with info.context.hubs.follow_job(job_id, last) as queue:
            replay = await off_loop(stored_events, job_id, last)
            for event in replay:
                last = int(event.seq)
                yield JobEvent.from_model(event)
            if replay and replay[-1].status in ENDS_STREAM:
                return
            if not replay and status in FINISHED:
                return
            while True:
                event = await queue.get()
                if event is GONE:
                    return
                if int(event.seq) <= last:
                    continue
                last = int(event.seq)
                yield JobEvent.from_model(event)
                if event.status in ENDS_STREAM:
                    return

    @strawberry.subscription(permission_classes=[IsViewer], description="Every job's events from now on.")
    async def job_events(self, info: Info) -> AsyncGenerator[JobEvent, None]:
        async with info.context.hubs.follow_feed() as queue:
            while True:
                yield JobEvent.from_model(await queue.get())

    @strawberry.subscription(permission_classes=[IsViewer],
                             description="A job entered or left the review queue; reload `reviewQueue` on it.")
    async def review_queue_changed(self, info: Info) -> AsyncGenerator[ReviewQueueChange, None]:
        async with info.context.hubs.follow_feed() as queue:
            in_review = await off_loop(jobs_in_review)
            while True:
                event = await queue.get()
                change = review_change(event, in_review)
                if change is not None:
                    yield ReviewQueueChange(job_id=strawberry.ID(event.job_id), change=change,
                                            event=JobEvent.from_model(event))


__all__ = ["ENDS_STREAM", "ProgressSubscriptions", "review_change", "stored_events"]
