"""Per-request batch loading, so nested lists cost one thread hop per level, not one per parent.

- files: a page of jobs asking for their files costs one BatchGetItem.
- events, reviews: DynamoDB has no batch query, so a batch runs its distinct queries side
  by side on a small thread pool, in one hop off the event loop; the same key asked twice in
  one batch (aliases of the same page) is queried once.

Caching across batches is off: a subscription's context lives as long as its stream, and a
cached file or event list would outlive its deletion or its next event.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from strawberry.dataloader import DataLoader

from api.threads import off_loop
from store.models import FileRecord, JobEvent, Review

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Queries of one batch run side by side: enough to overlap store round trips, bounded so one
# request cannot take every connection of the pool (PynamoDB's default pool is 10).
BATCH_QUERY_THREADS = 8
_batch_pool = ThreadPoolExecutor(max_workers=BATCH_QUERY_THREADS, thread_name_prefix="punchline-batch")


def fetch_files(hashes: list[str]) -> dict[str, FileRecord]:
    return {item.sha256: item for item in FileRecord.batch_get(list(set(hashes)))}


async def load_files(hashes: list[str]) -> list[FileRecord | None]:
    found = await off_loop(fetch_files, hashes)
    return [found.get(sha) for sha in hashes]


def file_loader() -> DataLoader[str, FileRecord | None]:
    return DataLoader(load_fn=load_files, cache=False)


def query_each(fetch: Callable[[K], V], keys: Sequence[K]) -> dict[K, V]:
    """``fetch`` once per distinct key, side by side. Blocking: call it off the loop."""
    distinct = list(dict.fromkeys(keys))
    return dict(zip(distinct, _batch_pool.map(fetch, distinct), strict=True))


def batched(fetch: Callable[[K], V]) -> Callable[[list[K]], object]:
    async def load(keys: list[K]) -> list[V]:
        found = await off_loop(query_each, fetch, keys)
        return [found[key] for key in keys]

    return load


def _events(key: tuple[str, int, int]) -> list[JobEvent]:
    from store.jobs import list_events

    job_id, after_seq, limit = key
    return list_events(job_id, after_seq, limit)


def _reviews(job_id: str) -> list[Review]:
    from store.reviews import job_reviews

    return job_reviews(job_id)


def events_loader() -> DataLoader[tuple[str, int, int], list[JobEvent]]:
    """Keys: (job id, after seq, limit)."""
    return DataLoader(load_fn=batched(_events), cache=False)


def reviews_loader() -> DataLoader[str, list[Review]]:
    """Keys: job ids."""
    return DataLoader(load_fn=batched(_reviews), cache=False)


__all__ = ["events_loader", "file_loader", "load_files", "query_each", "reviews_loader"]
