"""Human review: approve (REVIEW -> COMPLETED) or reject (REVIEW -> FAILED), each written with
its audit item and its JobEvent in one transaction."""

from __future__ import annotations

import datetime as dt
import uuid

from store.clock import sortable, utcnow
from store.errors import Conflict, InvalidJobTransition
from store.job_states import COMPLETED, FAILED, REVIEW
from store.jobs import get_job
from store.models import Job, Review
from store.transitions import EventSpec, ExtraWrites, transition

APPROVED = "approved"
REJECTED = "rejected"


def _decide(job_id: str, *, reviewer: str, comment: str | None, approve: bool, cleanup_after_days: int) -> Job:
    target = COMPLETED if approve else FAILED
    decision = APPROVED if approve else REJECTED
    for _ in range(20):
        job = get_job(job_id)
        if job.status != REVIEW:
            raise InvalidJobTransition(job_id, job.status, "approve" if approve else "reject", (REVIEW,))
        now = utcnow()
        review = Review(
            job_id,
            f"{sortable(now)}#{uuid.uuid4().hex[:8]}",
            decision=decision,
            reviewer=reviewer,
            comment=comment,
            at=now,
            from_status=REVIEW,
            to_status=target,
        )
        actions = [
            Job.status.set(target),
            Job.stage.set("approved" if approve else "rejected"),
            Job.completed_at.set(now),
            Job.expires_at.set(now + dt.timedelta(days=cleanup_after_days)),
        ]
        if not approve:
            actions.append(Job.error.set({"code": "REJECTED_IN_REVIEW", "message": comment or "rejected"}))
        spec = EventSpec("review", target, 100, "approved" if approve else "rejected",
                         f"{decision} by {reviewer}", data={"reviewer": reviewer, "decision": decision})
        extra = ExtraWrites(saves=[(review, Review.review_sk.does_not_exist())])
        try:
            transition(job, actions, spec, condition=Job.status == REVIEW, extra=extra, now=now)
        except Conflict:
            continue
        return get_job(job_id)
    raise Conflict(f"job {job_id} kept changing; try again")


def approve_review(job_id: str, *, reviewer: str, comment: str | None = None, cleanup_after_days: int = 7) -> Job:
    return _decide(job_id, reviewer=reviewer, comment=comment, approve=True, cleanup_after_days=cleanup_after_days)


def reject_review(job_id: str, *, reviewer: str, comment: str, cleanup_after_days: int = 7) -> Job:
    if not comment or not comment.strip():
        raise ValueError("a rejection needs a comment that says what is wrong")
    return _decide(job_id, reviewer=reviewer, comment=comment, approve=False, cleanup_after_days=cleanup_after_days)


def job_reviews(job_id: str) -> list[Review]:
    return list(Review.query(job_id, consistent_read=True))


__all__ = ["APPROVED", "REJECTED", "approve_review", "job_reviews", "reject_review"]
