from __future__ import annotations

import strawberry


@strawberry.type(description="Pass `endCursor` as `after` for the next page; cursors are opaque.")
class PageInfo:
    end_cursor: str | None
    has_next_page: bool


__all__ = ["PageInfo"]
