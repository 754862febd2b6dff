"""timecards: stored entries by employee and/or date range, with an opaque cursor."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Annotated

import strawberry

from api.errors import BadRequest
from api.permissions import IsViewer
from api.threads import off_loop
from api.types.page_info import PageInfo
from api.types.timecard_record import TimecardRecord, TimecardRecordConnection
from resolvers.common import clamp

MAX_PAGE = 500


def encode_cursor(date_sk: str | None) -> str | None:
    return base64.urlsafe_b64encode(date_sk.encode()).decode() if date_sk else None


def decode_cursor(cursor: str | None) -> str | None:
    if not cursor:
        return None
    try:
        return base64.urlsafe_b64decode(cursor.encode()).decode()
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("the cursor is not one this API returned; start again without `after`",
                         code="BAD_CURSOR") from None


@strawberry.type
class RecordQueries:
    @strawberry.field(permission_classes=[IsViewer],
                      description="Extracted entries by employee, or by a date range of at most 366 days.")
    async def timecards(
        self,
        employee: str | None = None,
        date_from: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        date_to: Annotated[dt.date | None, strawberry.argument(name="to")] = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> TimecardRecordConnection:
        from store.records import query_entries

        try:
            page = await off_loop(query_entries, employee=employee, date_from=date_from, date_to=date_to,
                                  first=clamp(first, 50, MAX_PAGE), after=decode_cursor(after))
        except ValueError as exc:
            raise BadRequest(str(exc), code="BAD_FILTER") from None
        cursor = encode_cursor(page.next_cursor)
        return TimecardRecordConnection(nodes=[TimecardRecord.from_model(e) for e in page.entries],
                                        page_info=PageInfo(end_cursor=cursor, has_next_page=cursor is not None))


__all__ = ["RecordQueries"]
