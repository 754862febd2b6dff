from __future__ import annotations

import datetime as dt
from decimal import Decimal

import boto3
import pytest
from botocore.stub import Stubber

from core.operational_settings import OperationalSettings
from processing.llm.bedrock import BedrockExtractor, LlmUnavailable
from processing.llm.circuit_breaker import CircuitBreaker
from processing.llm.cross_check import cross_check
from processing.llm.schema import TIMECARDS_JSON_SCHEMA, TOOL_NAME
from tests.processing.pipeline_fakes import entry, extraction, timecard

SETTINGS = OperationalSettings(llm_extraction_enabled=True)
MARKDOWN = {"Week 12": "| Name | 2026-03-02 |\n|---|---|\n| Jane Smith | 8 |"}


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return boto3.client("bedrock-runtime", region_name="us-west-2")


@pytest.fixture
def stubber(client):
    with Stubber(client) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def extractor(client, clock, sleeps):
    breaker = CircuitBreaker(SETTINGS.llm_failure_threshold, SETTINGS.llm_cooldown_seconds, clock=clock)
    return BedrockExtractor(client, SETTINGS.bedrock_model_id, breaker, sleep=sleeps.append)


def tool_use_response(tool_input: dict) -> dict:
    return {
        "output": {"message": {"role": "assistant", "content": [
            {"toolUse": {"toolUseId": "tooluse_1", "name": TOOL_NAME, "input": tool_input}}]}},
        "stopReason": "tool_use",
        "usage": {"inputTokens": 120, "outputTokens": 40, "totalTokens": 160},
        "metrics": {"latencyMs": 812},
    }


def jane_answer(pay: float = 200.0) -> dict:
    return {"timecards": [{"employee": "Jane Smith", "employee_id": "E104",
                           "entries": [{"date": "2026-03-02", "hours": 8, "pay": pay}]}]}


def jane_extraction():
    return extraction(timecard("Jane Smith", entry("2026-03-02", "8", "200"), employee_id="E104"),
                      markdown=MARKDOWN)


def test_request_forces_the_record_timecards_tool_with_its_schema(extractor, stubber):
    request = extractor.build_request(MARKDOWN)
    assert request["modelId"] == "us.anthropic.claude-sonnet-4-20250514-v1:0"
    assert request["toolConfig"]["toolChoice"] == {"tool": {"name": "record_timecards"}}
    [tool] = request["toolConfig"]["tools"]
    assert tool["toolSpec"]["name"] == "record_timecards"
    assert tool["toolSpec"]["inputSchema"] == {"json": TIMECARDS_JSON_SCHEMA}
    [message] = request["messages"]
    assert message["role"] == "user" and "| Jane Smith | 8 |" in message["content"][0]["text"]
    # The stub checks the exact parameters sent and validates them against botocore's model.
    stubber.add_response("converse", tool_use_response(jane_answer()), request)
    [card] = extractor.extract_timecards(MARKDOWN)
    assert card.employee == "Jane Smith" and card.entries[0].date == dt.date(2026, 3, 2)
    assert card.entries[0].pay == Decimal(200)


def test_agreeing_answer_adds_no_issue(extractor, stubber):
    stubber.add_response("converse", tool_use_response(jane_answer(pay=200.004)))
    checked = cross_check(jane_extraction(), extractor)
    assert checked.issues == []
    assert extractor.breaker.state == "closed"


def test_disagreeing_answer_names_employee_and_date_but_not_values(extractor, stubber):
    stubber.add_response("converse", tool_use_response(jane_answer(pay=160.0)))
    [issue] = cross_check(jane_extraction(), extractor).issues
    assert (issue.code, issue.severity, issue.employee, issue.date) == (
        "EXTRACTION_DISAGREEMENT", "warning", "Jane Smith", dt.date(2026, 3, 2))
    assert "pay differ" in issue.message
    assert "160" not in issue.message and "200" not in issue.message


def test_malformed_tool_input_is_a_failure_and_falls_back(extractor, stubber):
    bad = {"timecards": [{"employee": "Jane Smith", "entries": [{"date": "yesterday", "hours": "lots"}]}]}
    stubber.add_response("converse", tool_use_response(bad))
    with pytest.raises(LlmUnavailable) as caught:
        extractor.extract_timecards(MARKDOWN)
    assert "did not match the timecard schema" in caught.value.reason
    assert "yesterday" not in caught.value.reason and "lots" not in caught.value.reason
    assert extractor.breaker.consecutive_failures == 1

    stubber.add_response("converse", tool_use_response(bad))
    [issue] = cross_check(jane_extraction(), extractor).issues
    assert (issue.code, issue.severity) == ("LLM_UNAVAILABLE", "info")


def test_answer_without_the_tool_call_is_a_failure(extractor, stubber):
    response = tool_use_response({})
    response["output"]["message"]["content"] = [{"text": "I cannot read this file."}]
    response["stopReason"] = "end_turn"
    stubber.add_response("converse", response)
    with pytest.raises(LlmUnavailable, match="did not call record_timecards"):
        extractor.extract_timecards(MARKDOWN)


def test_throttling_is_retried_with_exponential_backoff(extractor, stubber, sleeps):
    stubber.add_client_error("converse", "ThrottlingException", "Too many requests", 429)
    stubber.add_client_error("converse", "ThrottlingException", "Too many requests", 429)
    stubber.add_response("converse", tool_use_response(jane_answer()))
    assert len(extractor.extract_timecards(MARKDOWN)) == 1
    assert sleeps == [0.5, 1.0]
    assert extractor.breaker.consecutive_failures == 0


def test_throttling_three_times_gives_up_after_three_attempts(extractor, stubber, sleeps):
    for _ in range(3):
        stubber.add_client_error("converse", "ThrottlingException", "Too many requests", 429)
    with pytest.raises(LlmUnavailable, match="ThrottlingException"):
        extractor.extract_timecards(MARKDOWN)
    assert sleeps == [0.5, 1.0]
    assert extractor.breaker.consecutive_failures == 1


def test_validation_errors_are_not_retried(extractor, stubber, sleeps):
    stubber.add_client_error("converse", "ValidationException", "bad input", 400)
    with pytest.raises(LlmUnavailable, match="ValidationException"):
        extractor.extract_timecards(MARKDOWN)
    assert sleeps == []


def test_repeated_failures_open_the_breaker_and_stop_calling(extractor, stubber):
    for _ in range(SETTINGS.llm_failure_threshold):
        stubber.add_client_error("converse", "AccessDeniedException", "no access", 403)
        with pytest.raises(LlmUnavailable):
            extractor.extract_timecards(MARKDOWN)
    assert extractor.breaker.state == "open"

    # No response is queued: a call reaching the client would fail the stub's pending check
    # with a different reason than the breaker's.
    with pytest.raises(LlmUnavailable, match="circuit open"):
        extractor.extract_timecards(MARKDOWN)
    checked = cross_check(jane_extraction(), extractor)
    assert [(i.code, i.severity) for i in checked.issues] == [("LLM_UNAVAILABLE", "info")]
    assert checked.extraction.timecards[0].employee == "Jane Smith"

    empty = cross_check(extraction(markdown=MARKDOWN), extractor)
    assert [(i.code, i.severity) for i in empty.issues] == [("LLM_UNAVAILABLE", "warning")]


def test_half_open_trial_success_closes_the_breaker(extractor, stubber, clock):
    for _ in range(SETTINGS.llm_failure_threshold):
        stubber.add_client_error("converse", "ServiceUnavailableException", "down", 503)
        stubber.add_client_error("converse", "ServiceUnavailableException", "down", 503)
        stubber.add_client_error("converse", "ServiceUnavailableException", "down", 503)
        with pytest.raises(LlmUnavailable):
            extractor.extract_timecards(MARKDOWN)
    assert extractor.breaker.state == "open"

    clock.now += SETTINGS.llm_cooldown_seconds - 1
    with pytest.raises(LlmUnavailable, match="circuit open"):
        extractor.extract_timecards(MARKDOWN)

    clock.now += 1
    assert extractor.breaker.state == "half_open"
    stubber.add_response("converse", tool_use_response(jane_answer()))
    assert cross_check(jane_extraction(), extractor).issues == []
    assert extractor.breaker.state == "closed"


def test_half_open_trial_failure_reopens_for_another_cooldown(extractor, stubber, clock):
    for _ in range(SETTINGS.llm_failure_threshold):
        stubber.add_client_error("converse", "AccessDeniedException", "no access", 403)
        with pytest.raises(LlmUnavailable):
            extractor.extract_timecards(MARKDOWN)
    clock.now += SETTINGS.llm_cooldown_seconds
    stubber.add_client_error("converse", "AccessDeniedException", "no access", 403)
    with pytest.raises(LlmUnavailable, match="AccessDeniedException"):
        extractor.extract_timecards(MARKDOWN)
    assert extractor.breaker.state == "open"
    with pytest.raises(LlmUnavailable, match="circuit open"):
        extractor.extract_timecards(MARKDOWN)


def test_oversized_sheets_are_refused_without_calling_or_blaming_the_service(client, stubber, clock):
    breaker = CircuitBreaker(1, 60, clock=clock)
    small = BedrockExtractor(client, SETTINGS.bedrock_model_id, breaker, max_prompt_chars=20)
    with pytest.raises(LlmUnavailable, match="too large"):
        small.extract_timecards(MARKDOWN)
    assert breaker.state == "closed"
