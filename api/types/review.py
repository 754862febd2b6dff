from __future__ import annotations

import datetime as dt

import strawberry

from store.models import Review as ReviewModel


@strawberry.type(description="One review decision: the job's audit trail, append-only.")
class Review:
    decision: str
    reviewer: str
    comment: str | None
    at: dt.datetime
    from_status: str
    to_status: str

    @classmethod
    def from_model(cls, item: ReviewModel) -> Review:
        return cls(decision=item.decision, reviewer=item.reviewer, comment=item.comment, at=item.at,
                   from_status=item.from_status, to_status=item.to_status)


__all__ = ["Review"]
