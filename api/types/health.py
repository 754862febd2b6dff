from __future__ import annotations

import strawberry

from api.types.queue_stats import StatusCounts


@strawberry.type
class Health:
    ok: bool
    store_reachable: bool
    counts: StatusCounts | None


__all__ = ["Health"]
