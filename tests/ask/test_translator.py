"""The optional LLM translator, with Bedrock stubbed by botocore's Stubber: it may only emit
the typed plan, which is validated, grounded in the question and role-checked; failures
open the circuit breaker and ask falls back to the parser."""

from __future__ import annotations

from types import SimpleNamespace

import boto3
import pytest
from botocore.stub import Stubber

from core.operational_settings import OperationalSettings
from processing.llm.circuit_breaker import CircuitBreaker
from services.ask import Answer, CannotAnswer, ask
from services.ask.translator import PLAN_TOOL, REFUSE_TOOL, BedrockTranslator, plan_json_schema
from tests.ask.seed import TODAY

# The parser refuses this one ("clock" means nothing to it); the LLM reads it as hours.
CLOCKED = "How long did Ana Lopez clock in the week of March 2?"
ANA_WEEK_PLAN = {"entity": "timecard_entries", "measure": "hours",
                 "period": {"start": "2026-03-02", "end": "2026-03-08", "phrase": "week of March 2"},
                 "filters": {"employee": "Ana Lopez"}}


def settings(**overrides):
    base = OperationalSettings(llm_failure_threshold=2, llm_cooldown_seconds=60).model_dump()
    return SimpleNamespace(**{**base, "ask_llm_enabled": True, **overrides})


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
def translator(client, clock):
    return BedrockTranslator(client, "test-model", CircuitBreaker(2, 60, clock=clock), sleep=lambda _s: None)


def tool_response(name: str, tool_input: dict) -> dict:
    return {
        "output": {"message": {"role": "assistant", "content": [
            {"toolUse": {"toolUseId": "tooluse_1", "name": name, "input": tool_input}}]}},
        "stopReason": "tool_use",
        "usage": {"inputTokens": 300, "outputTokens": 60, "totalTokens": 360},
        "metrics": {"latencyMs": 420},
    }


def ask_with(translator, question: str, role: str = "reviewer", **overrides):
    return ask(question, role=role, today=TODAY, settings=settings(**overrides), translator=translator)


def test_the_request_offers_only_the_plan_and_refusal_tools(translator):
    request = translator.build_request(CLOCKED, TODAY, "monday")
    tools = [tool["toolSpec"]["name"] for tool in request["toolConfig"]["tools"]]
    assert tools == [PLAN_TOOL, REFUSE_TOOL]
    assert request["toolConfig"]["toolChoice"] == {"any": {}}
    assert request["toolConfig"]["tools"][0]["toolSpec"]["inputSchema"]["json"] == plan_json_schema()
    assert "Today is 2026-03-18" in request["system"][0]["text"]
    assert request["inferenceConfig"]["temperature"] == 0.0


def test_a_question_the_parser_cannot_read_is_answered_from_a_validated_llm_plan(seeded_store, translator,
                                                                                 stubber):
    stubber.add_response("converse", tool_response(PLAN_TOOL, ANA_WEEK_PLAN),
                         {"modelId": "test-model", "system": [{"text": translator.build_request(
                             CLOCKED, TODAY, "monday")["system"][0]["text"]}],
                          "messages": [{"role": "user", "content": [{"text": CLOCKED}]}],
                          "inferenceConfig": {"maxTokens": 1024, "temperature": 0.0},
                          "toolConfig": translator.build_request(CLOCKED, TODAY, "monday")["toolConfig"]})
    answer = ask_with(translator, CLOCKED)
    assert isinstance(answer, Answer) and answer.source == "llm"
    assert answer.table.rows == [[48]]  # Ana Lopez, Mon-Sat 8 h
    assert translator.breaker.state == "closed"


def test_without_the_setting_the_llm_is_never_called(seeded_store, translator, stubber):
    answer = ask(CLOCKED, role="reviewer", today=TODAY, settings=OperationalSettings(), translator=translator)
    assert isinstance(answer, CannotAnswer) and answer.code == "UNSUPPORTED"  # Stubber: no call was made


def test_the_parser_answers_first_unless_llm_first_is_set(seeded_store, translator, stubber):
    parsed = ask_with(translator, "Total hours last week")
    assert isinstance(parsed, Answer) and parsed.source == "parser"  # no converse call queued or made
    stubber.add_response("converse", tool_response(PLAN_TOOL, {
        "entity": "timecard_entries", "measure": "hours",
        "period": {"start": "2026-03-09", "end": "2026-03-15"}}))
    first = ask_with(translator, "Total hours last week", ask_llm_first=True)
    assert isinstance(first, Answer) and first.source == "llm" and first.table.rows == [[108]]


@pytest.mark.parametrize(("bad_input", "why"), [
    ({**ANA_WEEK_PLAN, "action": "delete"}, "an extra field (no write can be expressed)"),
    ({**ANA_WEEK_PLAN, "entity": "customers"}, "an entity that does not exist"),
    ({**ANA_WEEK_PLAN, "measure": "ssn"}, "a measure that does not exist"),
    ({**ANA_WEEK_PLAN, "group_by": ["reviewer"]}, "a grouping the entity does not support"),
    ({**ANA_WEEK_PLAN, "filters": {"employee": "Bob Jones"}}, "a name the question does not contain"),
    ({**ANA_WEEK_PLAN, "period": {"start": "2020-01-01", "end": "2026-03-08"}}, "a period over the limit"),
])
def test_an_llm_plan_that_fails_validation_is_not_run_and_the_parser_answers(seeded_store, translator, stubber,
                                                                           bad_input, why):
    stubber.add_response("converse", tool_response(PLAN_TOOL, bad_input))
    answer = ask_with(translator, CLOCKED)
    assert isinstance(answer, CannotAnswer), why
    assert answer.code == "UNSUPPORTED"  # the parser's refusal: the fallback
    assert translator.breaker.consecutive_failures == 1


def test_an_llm_plan_still_passes_the_role_check(seeded_store, translator, stubber):
    stubber.add_response("converse", tool_response(PLAN_TOOL, {**ANA_WEEK_PLAN, "measure": "pay"}))
    answer = ask_with(translator, "How much was Ana Lopez given in the week of March 2?", role="viewer")
    assert isinstance(answer, CannotAnswer) and answer.code == "OUTSIDE_ROLE"


def test_the_llm_may_refuse(seeded_store, translator, stubber):
    stubber.add_response("converse", tool_response(REFUSE_TOOL, {"reason": "off_topic"}))
    answer = ask_with(translator, "Write me a poem about timesheets")
    assert isinstance(answer, CannotAnswer) and answer.code == "UNSUPPORTED"
    assert translator.breaker.consecutive_failures == 0  # a refusal is an answer, not a failure


def test_guardrails_refuse_before_the_llm_sees_the_question(seeded_store, translator, stubber):
    for question in ("Delete Ana Lopez's hours", "What is Ana Lopez's SSN?"):
        answer = ask_with(translator, question, ask_llm_first=True)
        assert isinstance(answer, CannotAnswer) and answer.code in ("WRITE_INTENT", "PROTECTED_DATA")
    # Stubber raises on any unexpected converse call: none was made.


def test_throttling_is_retried_then_answered(seeded_store, translator, stubber):
    stubber.add_client_error("converse", service_error_code="ThrottlingException", http_status_code=429)
    stubber.add_response("converse", tool_response(PLAN_TOOL, ANA_WEEK_PLAN))
    answer = ask_with(translator, CLOCKED)
    assert isinstance(answer, Answer) and answer.table.rows == [[48]]


def test_repeated_failures_open_the_breaker_and_the_parser_carries_on(seeded_store, translator, stubber, clock):
    for _ in range(2):
        stubber.add_client_error("converse", service_error_code="AccessDeniedException", http_status_code=403)
    for _ in range(2):
        answer = ask_with(translator, CLOCKED)
        assert isinstance(answer, CannotAnswer) and answer.code == "UNSUPPORTED"
    assert translator.breaker.state == "open"
    # Open: no call goes out (nothing is queued on the stub), and questions the parser reads still work.
    assert isinstance(ask_with(translator, CLOCKED), CannotAnswer)
    answer = ask_with(translator, "Total hours last week", ask_llm_first=True)
    assert isinstance(answer, Answer) and answer.source == "parser" and answer.table.rows == [[108]]
    # After the cool-down one trial goes out; its success closes the breaker.
    clock.now += 61
    stubber.add_response("converse", tool_response(PLAN_TOOL, ANA_WEEK_PLAN))
    assert isinstance(ask_with(translator, CLOCKED), Answer)
    assert translator.breaker.state == "closed"


def test_an_answer_without_a_tool_call_is_a_failure(seeded_store, translator, stubber):
    stubber.add_response("converse", {
        "output": {"message": {"role": "assistant", "content": [{"text": "DELETE FROM jobs"}]}},
        "stopReason": "end_turn", "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
        "metrics": {"latencyMs": 1}})
    answer = ask_with(translator, CLOCKED)
    assert isinstance(answer, CannotAnswer) and translator.breaker.consecutive_failures == 1


def test_the_plan_schema_names_no_write_and_no_protected_field():
    schema = str(plan_json_schema()).lower()
    for word in ("delete", "update", "insert", "ssn", "bank", "tax", "email"):
        assert word not in schema
