"""End to end: a real sample through the real stages, cross-checked by a stubbed Bedrock client."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from core.operational_settings import OperationalSettings
from processing.llm.bedrock import BedrockExtractor
from processing.llm.circuit_breaker import CircuitBreaker
from processing.llm.schema import TOOL_NAME
from processing.pipeline import process_file

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "05_weekly_long.csv"
LLM_ON = OperationalSettings(llm_extraction_enabled=True)


def tool_input_from(result: dict) -> dict:
    """What a perfect model would answer: the deterministic timecards, as the tool's input."""
    return {"timecards": [{"employee": t["employee"], "employee_id": t["employee_id"],
                           "entries": t["entries"]} for t in result["timecards"]]}


def converse_response(tool_input: dict) -> dict:
    return {"output": {"message": {"role": "assistant", "content": [
                {"toolUse": {"toolUseId": "t1", "name": TOOL_NAME, "input": tool_input}}]}},
            "stopReason": "tool_use", "usage": {"inputTokens": 1, "outputTokens": 1, "totalTokens": 2},
            "metrics": {"latencyMs": 1}}


@pytest.fixture
def deterministic() -> dict:
    if not SAMPLE.is_file():
        pytest.fail(f"sample missing: {SAMPLE}")
    return process_file(SAMPLE.name, SAMPLE.read_bytes(), OperationalSettings()).result


@pytest.fixture
def stubbed():
    client = boto3.client("bedrock-runtime", region_name="us-west-2",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    with Stubber(client) as stub:
        yield client, stub
        stub.assert_no_pending_responses()


def run_with(client) -> dict:
    extractor = BedrockExtractor(client, LLM_ON.bedrock_model_id, CircuitBreaker(3, 60), sleep=lambda s: None)
    return process_file(SAMPLE.name, SAMPLE.read_bytes(), LLM_ON, llm=extractor).result


def test_agreeing_model_changes_nothing(deterministic, stubbed):
    client, stub = stubbed
    stub.add_response("converse", converse_response(tool_input_from(deterministic)))
    checked = run_with(client)
    assert checked["timecards"] == deterministic["timecards"]
    assert checked["issues"] == deterministic["issues"]
    assert checked["decision"] == deterministic["decision"]


def test_disagreeing_model_sends_the_file_to_review(deterministic, stubbed):
    client, stub = stubbed
    answer = tool_input_from(deterministic)
    first = answer["timecards"][0]
    first["entries"][0]["pay"] = (first["entries"][0]["pay"] or 0) + 50
    stub.add_response("converse", converse_response(answer))
    checked = run_with(client)
    disagreements = [i for i in checked["issues"] if i["code"] == "EXTRACTION_DISAGREEMENT"]
    assert [(i["employee"], i["date"]) for i in disagreements] == [(first["employee"], first["entries"][0]["date"])]
    assert checked["decision"] == "review"
