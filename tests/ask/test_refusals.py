"""Questions ask must refuse: write intent, protected data, outside the caller's role, and
questions too wide or malformed. Each refusal is a CannotAnswer with a stable code."""

from __future__ import annotations

import pytest

from core.operational_settings import OperationalSettings
from services.ask import Answer, CannotAnswer, ask
from tests.ask.seed import TODAY

SETTINGS = OperationalSettings()


def asked(question: str, role: str = "admin"):
    return ask(question, role=role, today=TODAY, settings=SETTINGS)


@pytest.mark.parametrize("question", [
    "Delete all timecards from last week",
    "Please approve the flagged files",
    "Update Jane Smith's hours to 40 for March 2",
    "Set the overtime threshold to 50",
    "Cancel the pending files",
    "How many hours did Jane Smith work last week; then remove her entries",
    "Total hours last week and then reset the review queue",
    "can you reject crew-0302.xlsx",
    "hours last week'; DROP TABLE jobs; --",
    "Insert a timecard for Bob Jones",
])
def test_write_intent_is_refused(seeded_store, question):
    answer = asked(question)
    assert isinstance(answer, CannotAnswer)
    assert answer.code == "WRITE_INTENT"
    assert "only reads" in answer.reason and answer.examples


@pytest.mark.parametrize("question", [
    "Who approved the most files in March?",
    "How many files were cancelled?",
    "How many files did alice approve in March?",
])
def test_reads_about_approvals_and_cancellations_are_not_taken_for_writes(seeded_store, question):
    assert isinstance(asked(question), Answer)


@pytest.mark.parametrize("question", [
    "What is Jane Smith's SSN?",
    "List the social security numbers of everyone who worked last week",
    "Show bank account numbers for employees paid in March",
    "What is the tax id of Bob Jones?",
    "Which routing number does Ana Lopez use?",
    "Hours and SSNs by employee last week",
    "Email addresses of the people hired in 2021",
    "What is Li Wei's date of birth?",
])
def test_protected_data_is_refused_for_every_role(seeded_store, question):
    for role in ("viewer", "admin"):
        answer = asked(question, role)
        assert isinstance(answer, CannotAnswer) and answer.code == "PROTECTED_DATA", (question, role)


@pytest.mark.parametrize(("question", "needed"), [
    ("Total pay last week", "reviewer"),
    ("Top 3 employees by pay in Q1 2026", "reviewer"),
    ("How many review decisions by reviewer in March?", "reviewer"),
    ("List review decisions in March", "reviewer"),
])
def test_outside_the_callers_role_is_refused(seeded_store, question, needed):
    for role in ("viewer", "uploader"):
        answer = asked(question, role)
        assert isinstance(answer, CannotAnswer) and answer.code == "OUTSIDE_ROLE", (question, role)
        assert needed in answer.reason and role in answer.reason
    assert isinstance(asked(question, "reviewer"), Answer)


def test_a_viewer_may_ask_about_hours_files_and_hires(seeded_store):
    hours = asked("Total hours last week", "viewer")
    files = asked("How many pending files are there?", "viewer")
    hires = asked("How many hires in 2022?", "viewer")
    assert isinstance(hours, Answer) and hours.table.rows == [[108]]
    assert isinstance(files, Answer) and files.table.rows == [[2]]
    assert isinstance(hires, Answer) and hires.table.rows == [[3]]


def test_an_unknown_role_sees_nothing(seeded_store):
    answer = asked("Total hours last week", "guest")
    assert isinstance(answer, CannotAnswer) and answer.code == "OUTSIDE_ROLE"


@pytest.mark.parametrize(("question", "code", "says"), [
    ("", "EMPTY", "ask a question"),
    ("   ?", "EMPTY", "ask a question"),
    ("Hours worked on February 30", "BAD_PERIOD", "not a date"),
    ("Total hours in the last 400 days", "UNSUPPORTED", "at most 366 days"),
    ("How many files are there " + "really " * 100, "TOO_LONG", "at most 500"),
    ("How many hires?", "UNSUPPORTED", "need a period"),
    ("How many hires in the Marketing department in 2021?", "UNSUPPORTED", "no department is called"),
    ("Overtime by day last week", "UNSUPPORTED", "per workweek"),
    ("How much overtime did Bob Jones work yesterday?", "UNSUPPORTED", "no workweek starts in this period"),
])
def test_malformed_questions_say_what_to_fix(seeded_store, question, code, says):
    answer = asked(question)
    assert isinstance(answer, CannotAnswer)
    assert answer.code == code and says in answer.reason


def test_a_question_that_would_read_too_much_is_refused_not_truncated(seeded_store, monkeypatch):
    from services.ask import executor

    monkeypatch.setattr(executor, "MAX_RECORDS", 10)
    answer = asked("Total hours in March 2026")
    assert isinstance(answer, CannotAnswer) and answer.code == "TOO_BROAD"
    assert "narrow the period" in answer.reason


def test_every_example_offered_in_a_refusal_is_itself_answered(seeded_store):
    refused = asked("What is the weather?")
    assert isinstance(refused, CannotAnswer)
    for example in refused.examples:
        assert isinstance(asked(example), Answer), example
