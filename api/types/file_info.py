from __future__ import annotations

import datetime as dt

import strawberry

from store.models import FileRecord


@strawberry.type(description="An uploaded file, one per distinct content (SHA-256).")
class FileInfo:
    sha256: str
    name: str
    size: int
    format: str
    kind: str
    source: str
    uploaded_at: dt.datetime

    @classmethod
    def from_model(cls, record: FileRecord) -> FileInfo:
        return cls(sha256=record.sha256, name=record.name, size=int(record.size), format=record.format,
                   kind=record.kind, source=record.source, uploaded_at=record.uploaded_at)


__all__ = ["FileInfo"]
