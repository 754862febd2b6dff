from __future__ import annotations

import strawberry


@strawberry.type(description="The job, its events, records and file are gone; its reviews stay.")
class DeletedJob:
    id: strawberry.ID


__all__ = ["DeletedJob"]
