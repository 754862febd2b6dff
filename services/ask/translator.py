"""The optional LLM translator: Amazon Bedrock Converse with tool use, allowed to emit only a
``QueryPlan`` (tool ``query_plan``) or a refusal (tool ``cannot_answer``).

Its answer is never trusted: the tool input is validated by the same pydantic model and
``validate_plan`` as the parser's, every name it filters on must appear in the question
(it may not invent a person or a reviewer), and the caller still applies the role check.
Transient service errors are retried with backoff; any other failure, or an answer that
does not validate, counts towards the circuit breaker and raises ``TranslatorUnavailable``,
after which ``ask`` falls back to the deterministic parser.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from processing.llm.bedrock import converse_with_retries
from processing.llm.circuit_breaker import CircuitBreaker
from services.ask.guardrails import Refusal
from services.ask.plan import CAPABILITIES, PlanRejected, QueryPlan, validate_plan

PLAN_TOOL = "query_plan"
REFUSE_TOOL = "cannot_answer"
REFUSAL_REASONS = ("write_request", "personal_data", "off_topic", "not_supported")
MAX_QUESTION_CHARS = 500

REFUSE_SCHEMA = {
    "type": "object",
    "properties": {"reason": {"type": "string", "enum": list(REFUSAL_REASONS)}},
    "required": ["reason"],
    "additionalProperties": False,
}


class TranslatorUnavailable(Exception):
    """No plan from the LLM this time; ``reason`` is safe to show and to log."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def system_prompt(today: dt.date, week_start: str) -> str:
    capabilities = "; ".join(
        f"{name}: measures {sorted(c.measures)}, group_by {sorted(c.groupings)}, filters {sorted(c.filters)}"
        for name, c in CAPABILITIES.items())
    return (
        "You translate a payroll clerk's question into a read-only query plan over Punchline's records by "
        f"calling the {PLAN_TOOL} tool exactly once. Today is {today.isoformat()}; workweeks start on "
        f"{week_start}. Resolve dates in words to an inclusive period of ISO dates; a date without a year is "
        "the latest such date on or before today. Entities and what they support: " + capabilities + ". "
        "hr_report has report hires_by_quarter or departments_above_mean and a one-year period. "
        "Use only names that appear in the question. "
        f"Call {REFUSE_TOOL} instead when the question asks to change, delete or create anything, asks for "
        "social security numbers, tax ids, bank details, birth dates or contact details, or is not about "
        "these records."
    )


class BedrockTranslator:
    def __init__(self, client: Any, model_id: str, breaker: CircuitBreaker, *, max_attempts: int = 3,
                 backoff_seconds: float = 0.5, sleep: Callable[[float], None] = time.sleep,
                 max_tokens: int = 1024):
        self._client = client
        self._model_id = model_id
        self.breaker = breaker
        self._max_attempts = max_attempts
        self._backoff_seconds = backoff_seconds
        self._sleep = sleep
        self._max_tokens = max_tokens

    def translate(self, question: str, today: dt.date, week_start: str = "monday") -> QueryPlan | Refusal:
        if len(question) > MAX_QUESTION_CHARS:
            raise TranslatorUnavailable("the question is too long for the AI translator")
        if not self.breaker.allow():
            raise TranslatorUnavailable("the AI translator is paused after repeated failures (circuit open)")
        try:
            response = self._converse(self.build_request(question, today, week_start))
            outcome = parse_response(response, question)
        except TranslatorUnavailable:
            self.breaker.record_failure()
            raise
        except Exception as exc:  # noqa: BLE001 - every failure must reach the breaker
            self.breaker.record_failure()
            raise TranslatorUnavailable(f"the AI translator failed unexpectedly ({type(exc).__name__})") from None
        self.breaker.record_success()
        return outcome

    def build_request(self, question: str, today: dt.date, week_start: str) -> dict[str, Any]:
        return {
            "modelId": self._model_id,
            "system": [{"text": system_prompt(today, week_start)}],
            "messages": [{"role": "user", "content": [{"text": question}]}],
            "inferenceConfig": {"maxTokens": self._max_tokens, "temperature": 0.0},
            "toolConfig": {
                "tools": [
                    {"toolSpec": {"name": PLAN_TOOL, "description": "Run this read-only query plan.",
                                  "inputSchema": {"json": plan_json_schema()}}},
                    {"toolSpec": {"name": REFUSE_TOOL, "description": "Decline the question.",
                                  "inputSchema": {"json": REFUSE_SCHEMA}}},
                ],
                "toolChoice": {"any": {}},
            },
        }

    def _converse(self, request: dict[str, Any]) -> dict[str, Any]:
        return converse_with_retries(self._client, request, max_attempts=self._max_attempts,
                                     backoff_seconds=self._backoff_seconds, sleep=self._sleep,
                                     unavailable=TranslatorUnavailable)


def plan_json_schema() -> dict[str, Any]:
    return QueryPlan.model_json_schema()


def parse_response(response: dict[str, Any], question: str) -> QueryPlan | Refusal:
    content = (response.get("output") or {}).get("message", {}).get("content") or []
    calls = [block["toolUse"] for block in content if "toolUse" in block]
    if len(calls) != 1:
        raise TranslatorUnavailable(f"the AI model made {len(calls)} tool calls instead of one")
    call = calls[0]
    if call.get("name") == REFUSE_TOOL:
        reason = (call.get("input") or {}).get("reason")
        code = {"write_request": "WRITE_INTENT", "personal_data": "PROTECTED_DATA"}.get(reason, "UNSUPPORTED")
        return Refusal(code, "the AI translator could not turn this into a question about the records"
                       if code == "UNSUPPORTED" else "the AI translator declined: " + str(reason).replace("_", " "))
    if call.get("name") != PLAN_TOOL:
        raise TranslatorUnavailable("the AI model called a tool it was not given")
    try:
        plan = QueryPlan.model_validate(_as_object(call.get("input")))
        validate_plan(plan)
    except ValidationError as exc:
        where = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})[:5]
        raise TranslatorUnavailable("the AI model's plan did not match the schema at " + ", ".join(where)) from None
    except PlanRejected as exc:
        raise TranslatorUnavailable("the AI model's plan was refused: " + exc.reason) from None
    _check_grounded(plan, question)
    return plan


def _as_object(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _check_grounded(plan: QueryPlan, question: str) -> None:
    """Every name the plan filters on must be in the question: the model may not invent one."""
    text = question.lower()
    for name in ("employee", "reviewer", "department", "job"):
        value = getattr(plan.filters, name)
        if value is not None and value.lower() not in text:
            raise TranslatorUnavailable(f"the AI model's plan filters on a {name} the question does not name")


_default_lock = threading.Lock()
_default_translators: dict[tuple, BedrockTranslator] = {}


def default_translator(settings: Any) -> BedrockTranslator:
    """One translator (and one breaker) per process and configuration, like the extractor's."""
    key = (settings.bedrock_model_id, settings.aws_region, settings.llm_failure_threshold,
           settings.llm_cooldown_seconds)
    with _default_lock:
        if key not in _default_translators:
            breaker = CircuitBreaker(settings.llm_failure_threshold, settings.llm_cooldown_seconds)
            _default_translators[key] = BedrockTranslator(_bedrock_client(settings.aws_region),
                                                          settings.bedrock_model_id, breaker)
        return _default_translators[key]


def _bedrock_client(region: str) -> Any:
    """Like the extractor's client (botocore retries off: this module retries), but a person
    is waiting: a short read timeout, after which the parser answers instead."""
    import boto3
    from botocore.config import Config

    config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=3, read_timeout=15)
    return boto3.client("bedrock-runtime", region_name=region, config=config)


__all__ = ["BedrockTranslator", "PLAN_TOOL", "REFUSE_TOOL", "TranslatorUnavailable", "default_translator",
           "parse_response", "plan_json_schema", "system_prompt"]
