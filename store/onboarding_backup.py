"""AVRO backup files in blob storage: ``backups/<model>/<UTC timestamp>.avro``.

The caller gives the typed schema and the rows (services.onboarding.backup builds both
from the model declaration); this module only encodes, stores and reads them back.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

import fastavro

from store.blobs import BlobStore, get_blob_store
from store.clock import utcnow

BACKUP_PREFIX = "backups"


def backup_key(model: str) -> str:
    return f"{BACKUP_PREFIX}/{model}/{utcnow().strftime('%Y%m%dT%H%M%S%fZ')}.avro"


def write_backup(model: str, schema: dict[str, Any], rows: Iterable[dict[str, Any]],
                 blobs: BlobStore | None = None) -> tuple[str, int]:
    """Encode ``rows`` (deflate-compressed AVRO), store them, return (key, count)."""
    parsed = fastavro.parse_schema(schema)
    counted = _Counter(rows)
    buffer = io.BytesIO()
    fastavro.writer(buffer, parsed, counted, codec="deflate")
    key = backup_key(model)
    (blobs or get_blob_store()).put(key, buffer.getvalue())
    return key, counted.count


def read_backup(key: str, blobs: BlobStore | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The writer's schema and every row (a backup is read whole: restores need the count)."""
    data = (blobs or get_blob_store()).get(key)
    reader = fastavro.reader(io.BytesIO(data))
    rows = list(reader)
    return reader.writer_schema, rows


def list_backups(model: str, blobs: BlobStore | None = None) -> list[str]:
    return sorted((blobs or get_blob_store()).list(f"{BACKUP_PREFIX}/{model}/"))


class _Counter:
    def __init__(self, rows: Iterable[dict[str, Any]]):
        self._rows = iter(rows)
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._rows:
            self.count += 1
            yield row


__all__ = ["BACKUP_PREFIX", "backup_key", "list_backups", "read_backup", "write_backup"]
