"""Per-request batch loading: a page of jobs asking for their files costs one BatchGetItem.

Caching is off: a subscription's context lives as long as its stream, and a cached file
would outlive its deletion.
"""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from api.threads import off_loop
from store.models import FileRecord


def fetch_files(hashes: list[str]) -> dict[str, FileRecord]:
    return {item.sha256: item for item in FileRecord.batch_get(list(set(hashes)))}


async def load_files(hashes: list[str]) -> list[FileRecord | None]:
    found = await off_loop(fetch_files, hashes)
    return [found.get(sha) for sha in hashes]


def file_loader() -> DataLoader[str, FileRecord | None]:
    return DataLoader(load_fn=load_files, cache=False)


__all__ = ["file_loader", "load_files"]
