"""approveReview (REVIEW -> COMPLETED) and rejectReview (REVIEW -> FAILED); the reviewer is
the caller's identity, written with the decision into the job's audit trail."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.errors import BadRequest
from api.permissions import IsReviewer
from api.threads import off_loop
from api.types.results import ReviewResult
from resolvers.common import actor
from resolvers.jobs import steer

MAX_COMMENT = 2000


def checked_comment(comment: str | None, *, required: bool) -> str | None:
    text = (comment or "").strip()
    if required and not text:
        raise BadRequest("a rejection needs a comment that says what is wrong", code="COMMENT_REQUIRED")
    if len(text) > MAX_COMMENT:
        raise BadRequest(f"a comment may be at most {MAX_COMMENT} characters", code="COMMENT_TOO_LONG")
    return text or None


async def cleanup_days() -> int:
    from store.settings import get_operational_settings

    return (await off_loop(get_operational_settings)).cleanup_after_days


@strawberry.type
class ReviewMutations:
    @strawberry.mutation(permission_classes=[IsReviewer], description="REVIEW -> COMPLETED.")
    async def approve_review(self, info: Info, job_id: strawberry.ID, comment: str | None = None) -> ReviewResult:
        from store.reviews import approve_review

        text = checked_comment(comment, required=False)
        return await steer(approve_review, str(job_id), reviewer=await actor(info), comment=text,
                           cleanup_after_days=await cleanup_days())

    @strawberry.mutation(permission_classes=[IsReviewer], description="REVIEW -> FAILED; the comment is required.")
    async def reject_review(self, info: Info, job_id: strawberry.ID, comment: str) -> ReviewResult:
        from store.reviews import reject_review

        text = checked_comment(comment, required=True)
        return await steer(reject_review, str(job_id), reviewer=await actor(info), comment=text,
                           cleanup_after_days=await cleanup_days())


__all__ = ["ReviewMutations", "checked_comment"]
