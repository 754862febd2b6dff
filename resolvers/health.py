"""health: is the store reachable, and how many jobs are in each status."""

from __future__ import annotations

import logging

import strawberry

from api.threads import off_loop
from api.types.health import Health
from api.types.queue_stats import StatusCounts

log = logging.getLogger("punchline.api")


def status_counts() -> dict[str, int]:
    from store.status_counts import status_counts as counted

    return counted()  # six counter items: cheap enough for every load-balancer probe


async def check_health() -> tuple[bool, dict[str, int] | None]:
    try:
        return True, await off_loop(status_counts)
    except Exception as exc:  # noqa: BLE001 - health reports, it does not raise
        log.warning("health check: store unreachable (%s)", type(exc).__name__)
        return False, None


@strawberry.type
class HealthQueries:
    @strawberry.field(description="Store reachability and queue counts.")
    async def health(self) -> Health:
        reachable, counts = await check_health()
        return Health(ok=reachable, store_reachable=reachable,
                      counts=StatusCounts.from_dict(counts) if counts is not None else None)


__all__ = ["HealthQueries", "check_health", "status_counts"]
