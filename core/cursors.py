"""The one pagination cursor codec: every connection (jobs, review queue, timecard records,
onboarding records) hands out and reads back cursors through it.

A cursor is opaque to clients: base64url of ``{"of": <list>, "after": <sort key>}``. Reading
one validates everything a client could have changed: its length, its encoding, which list
it belongs to and the shape of the sort key, so a forged cursor is a BAD_CURSOR refusal and
never reaches a store query.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

MAX_CURSOR_CHARS = 512  # real cursors are under 200; a 1 MB "cursor" is refused before decoding
BAD_CURSOR = "BAD_CURSOR"
MESSAGE = "the cursor is not one this API returned; start again without `after`"

# Sort keys per list: <sortable time>#<id> (jobs, onboarding records), <date>#<job id>#<employee key>.
SORTABLE_TIME_AND_ID = re.compile(r"^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[\w-]+$")
DATE_JOB_EMPLOYEE = re.compile(r"^\d{4}-\d{2}-\d{2}#[\w-]+#.{1,300}$", re.DOTALL)


class InvalidCursor(ValueError):
    """A cursor this API did not hand out (or for another list)."""

    code = BAD_CURSOR

    def __init__(self) -> None:
        super().__init__(MESSAGE)


def encode_cursor(list_name: str, sort_key: str | None) -> str | None:
    if not sort_key:
        return None
    payload = json.dumps({"of": list_name, "after": sort_key}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(payload.encode()).decode()


def decode_cursor(list_name: str, cursor: str | None, shape: re.Pattern[str]) -> str | None:
    """The sort key a cursor of ``list_name`` stands for; None for no cursor; InvalidCursor else."""
    if not cursor:
        return None
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidCursor
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidCursor from None
    if not isinstance(payload, dict) or payload.get("of") != list_name:
        raise InvalidCursor
    sort_key = payload.get("after")
    if not isinstance(sort_key, str) or not shape.fullmatch(sort_key):
        raise InvalidCursor
    return sort_key


__all__ = ["BAD_CURSOR", "DATE_JOB_EMPLOYEE", "InvalidCursor", "MAX_CURSOR_CHARS", "SORTABLE_TIME_AND_ID",
           "decode_cursor", "encode_cursor"]
