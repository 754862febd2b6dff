"""timecards: stored entries by employee and/or date range, with an opaque cursor."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from api.errors import BadRequest
from api.permissions import IsViewer
from api.threads import off_loop
from api.types.page_info import PageInfo
from api.types.timecard_record import TimecardRecord, TimecardRecordConnection
from core.cursors import DATE_JOB_EMPLOYEE, InvalidCursor, decode_cursor, encode_cursor
from resolvers.common import clamp

MAX_PAGE = 500


RECORDS_CURSOR = "timecards"


def decode_after(cursor: str | None) -> str | None:
    try:
        return decode_cursor(RECORDS_CURSOR, cursor, DATE_JOB_EMPLOYEE)
    except InvalidCursor as exc:
        raise BadRequest(str(exc), code=exc.code) from None


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
        from services.records import find_timecards

        try:
            page = await off_loop(find_timecards, employee=employee, date_from=date_from, date_to=date_to,
                                  first=clamp(first, 50, MAX_PAGE), after=decode_after(after))
        except ValueError as exc:
            raise BadRequest(str(exc), code="BAD_FILTER") from None
        cursor = encode_cursor(RECORDS_CURSOR, page.next_cursor)
        return TimecardRecordConnection(nodes=[TimecardRecord.from_model(e) for e in page.entries],
                                        page_info=PageInfo(end_cursor=cursor, has_next_page=cursor is not None))


__all__ = ["RecordQueries"]
