"""S3 notifications as SQS delivers them: direct, through SNS, the test event, other events."""

from __future__ import annotations

import json

import pytest

from services.drop.names import destination_folder, is_candidate
from services.drop.s3_events import CreatedObject, UnreadableMessage, parse_message


def _record(event: str, key: str) -> dict:
    return {"eventName": event, "s3": {"bucket": {"name": "b"}, "object": {"key": key, "eTag": "e1", "size": 3}}}


def test_created_objects_are_read_with_decoded_keys():
    body = json.dumps({"Records": [_record("ObjectCreated:Put", "drop/Jan+pay%281%29.xlsx"),
                                   _record("ObjectRemoved:Delete", "drop/old.csv"),
                                   _record("ObjectCreated:CompleteMultipartUpload", "drop%2Fbig.xlsx")]})
    assert parse_message(body) == [
        CreatedObject("b", "drop/Jan pay(1).xlsx", "e1", 3),
        CreatedObject("b", "drop/big.xlsx", "e1", 3),
    ]


def test_the_test_event_announces_nothing():
    assert parse_message(json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": "b"})) == []


def test_an_sns_wrapped_notification_is_unwrapped():
    inner = json.dumps({"Records": [_record("ObjectCreated:Copy", "drop/a.csv")]})
    assert parse_message(json.dumps({"Type": "Notification", "Message": inner}))[0].key == "drop/a.csv"


@pytest.mark.parametrize("body", ["not json", "[1, 2]", json.dumps({"hello": "world"})])
def test_other_messages_are_unreadable(body):
    with pytest.raises(UnreadableMessage):
        parse_message(body)


def test_names_and_destinations():
    assert is_candidate("drop/week.xlsx") and is_candidate("Week 12.CSV")
    assert not any(is_candidate(n) for n in (".partial-a.csv", "~$a.xlsx", "a.tmp", "a.xlsx.crdownload", "a.csv~"))
    assert destination_folder("COMPLETED") == destination_folder("REVIEW") == "processed"
    assert destination_folder("FAILED") == destination_folder("CANCELLED") == destination_folder(None) == "failed"
    assert destination_folder("PENDING") is None and destination_folder("PROCESSING") is None
