"""Whatever is asked, ask only reads, and only by key or index: every DynamoDB call made
while the whole question set (and the refusals) run is recorded at the botocore level."""

from __future__ import annotations

import botocore.client
import pytest

from services.ask import Answer
from tests.ask.test_question_set import QUESTIONS, ask_as_reviewer
from tests.ask.test_refusals import asked

READS = {"Query", "GetItem", "BatchGetItem"}
PROTECTED_COLUMN_WORDS = ("ssn", "social", "tax", "bank", "account", "routing", "birth", "email", "phone",
                          "comment", "name")


@pytest.fixture
def operations(monkeypatch):
    seen: list[str] = []
    original = botocore.client.BaseClient._make_api_call

    def recording(self, operation_name, api_params):
        seen.append(operation_name)
        return original(self, operation_name, api_params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", recording)
    return seen


def test_the_question_set_makes_only_key_and_index_reads(seeded_store, operations):
    answers = [ask_as_reviewer(question) for question, _ in QUESTIONS]
    asked("Delete all timecards from last week")
    asked("What is Jane Smith's SSN?")
    assert operations, "the recorder saw no call: it would prove nothing"
    assert set(operations) <= READS, sorted(set(operations) - READS)
    assert "Query" in operations
    for answer in answers:
        if isinstance(answer, Answer):
            names = [column.name for column in answer.table.columns]
            assert not [n for n in names if any(word in n for word in PROTECTED_COLUMN_WORDS)], names


def test_a_refused_question_reads_nothing(seeded_store, operations):
    asked("Delete all timecards from last week")
    asked("Which routing number does Ana Lopez use?")
    asked("Total pay last week", role="viewer")  # refused on the plan, before any read
    assert operations == []
