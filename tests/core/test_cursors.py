"""One cursor codec for every connection, validating what a client hands back."""

from __future__ import annotations

import base64

import pytest

from core.cursors import (
    DATE_JOB_EMPLOYEE,
    SORTABLE_TIME_AND_ID,
    InvalidCursor,
    decode_cursor,
    encode_cursor,
)

JOB_KEY = "2026-03-02T10:00:00.000000Z#0f3a9c"
ENTRY_KEY = "2026-03-02#0f3a9c#jane smith"


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def test_a_cursor_reads_back_as_its_sort_key():
    assert decode_cursor("jobs", encode_cursor("jobs", JOB_KEY), SORTABLE_TIME_AND_ID) == JOB_KEY
    assert decode_cursor("timecards", encode_cursor("timecards", ENTRY_KEY), DATE_JOB_EMPLOYEE) == ENTRY_KEY
    assert encode_cursor("jobs", None) is None and decode_cursor("jobs", None, SORTABLE_TIME_AND_ID) is None


@pytest.mark.parametrize("cursor", [
    "garbage!",                                         # not base64
    b64("not json"),                                    # not the codec's payload
    b64('{"of": "jobs", "after": 7}'),                  # a key that is not text
    b64('{"of": "jobs", "after": "anything at all"}'),  # a key of the wrong shape
    encode_cursor("timecards", ENTRY_KEY),              # another list's cursor
    "A" * 600_000,                                      # far too long: refused before decoding
])
def test_cursors_not_handed_out_by_the_api_are_refused(cursor):
    with pytest.raises(InvalidCursor) as refused:
        decode_cursor("jobs", cursor, SORTABLE_TIME_AND_ID)
    assert refused.value.code == "BAD_CURSOR"
    assert "start again without `after`" in str(refused.value)


def test_records_cursor_is_validated_too():
    """It was decoded and handed to the store unchecked: any base64 text became a range key."""
    from api.errors import BadRequest
    from resolvers.records import decode_after

    with pytest.raises(BadRequest):
        decode_after(b64("2026-03-02#x"))
    assert decode_after(encode_cursor("timecards", ENTRY_KEY)) == ENTRY_KEY


def test_job_lists_refuse_a_cursor_of_another_list(moto_store):
    from store.jobs import list_jobs, review_queue

    with pytest.raises(InvalidCursor):
        list_jobs(after=encode_cursor("review_queue", JOB_KEY))
    assert review_queue(after=encode_cursor("review_queue", JOB_KEY)).jobs == []
