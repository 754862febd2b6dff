"""The jobs this process created from drops, followed until they end (one batch read per round)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from services.drop.names import destination_folder


@dataclass
class Tracked:
    key: str  # the drop key: a relative path, or an S3 key
    job_id: str
    note: dict[str, Any] | None = None
    # What the file was when registered (size + mtime, or an ETag): a file replaced since is
    # new content and must not be moved as if it had been processed.
    fingerprint: Hashable = None


@dataclass
class Ended:
    tracked: Tracked
    folder: str  # processed | failed
    status: str | None
    error: dict[str, Any] | None


@dataclass
class JobTracker:
    _by_key: dict[str, Tracked] = field(default_factory=dict)

    def track(self, tracked: Tracked) -> None:
        self._by_key[tracked.key] = tracked

    def get(self, key: str) -> Tracked | None:
        return self._by_key.get(key)

    def forget(self, key: str) -> None:
        self._by_key.pop(key, None)

    def __len__(self) -> int:
        return len(self._by_key)

    def ended(self) -> list[Ended]:
        """Tracked drops whose job has ended (or vanished), with where each file goes."""
        from store.models import Job

        if not self._by_key:
            return []
        job_ids = {t.job_id for t in self._by_key.values()}
        jobs = {job.job_id: job for job in Job.batch_get(list(job_ids), consistent_read=True)}
        result = []
        for tracked in list(self._by_key.values()):
            job = jobs.get(tracked.job_id)
            status = job.status if job is not None else None
            folder = destination_folder(status)
            if folder is not None:
                result.append(Ended(tracked, folder, status, job.error if job is not None else None))
        return result


__all__ = ["Ended", "JobTracker", "Tracked"]
