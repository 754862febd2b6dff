"""Read S3 event notifications as they arrive on SQS (direct, or wrapped by SNS)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_plus


@dataclass(frozen=True)
class CreatedObject:
    bucket: str
    key: str
    etag: str | None
    size: int | None


class UnreadableMessage(ValueError):
    """Not JSON or not an S3 notification: left on the queue, so it ends in the dead-letter queue."""


def parse_message(body: str) -> list[CreatedObject]:
    """The objects an SQS message announces as created. ``s3:TestEvent`` (sent when the
    notification is configured) and other event types announce none."""
    try:
        document: Any = json.loads(body)
    except ValueError:
        raise UnreadableMessage("message body is not JSON") from None
    if isinstance(document, dict) and document.get("Type") == "Notification" and "Message" in document:
        return parse_message(document["Message"])  # S3 -> SNS -> SQS
    if not isinstance(document, dict):
        raise UnreadableMessage("message body is not an object")
    if document.get("Event") == "s3:TestEvent":
        return []
    records = document.get("Records")
    if not isinstance(records, list):
        raise UnreadableMessage("message has no Records")
    created = []
    for record in records:
        if not str(record.get("eventName", "")).startswith("ObjectCreated:"):
            continue
        s3 = record.get("s3") or {}
        obj = s3.get("object") or {}
        if "key" not in obj:
            continue
        created.append(
            CreatedObject(
                bucket=(s3.get("bucket") or {}).get("name", ""),
                # Keys arrive URL-encoded with '+' for spaces.
                key=unquote_plus(obj["key"]),
                etag=obj.get("eTag"),
                size=obj.get("size"),
            )
        )
    return created


__all__ = ["CreatedObject", "UnreadableMessage", "parse_message"]
