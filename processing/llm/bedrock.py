"""The optional LLM extractor: Amazon Bedrock Converse with one forced tool call.

The model reads the sheets' normalized markdown and answers by calling
``record_timecards``; the tool input is validated against the same schema it was given.
Transient service errors are retried with exponential backoff inside one extraction;
anything else (or retries exhausted, or an answer that does not fit the schema) counts as
one failure for the circuit breaker and surfaces as ``LlmUnavailable``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from pydantic import ValidationError

from processing.llm.circuit_breaker import CircuitBreaker
from processing.llm.schema import (
    TIMECARDS_JSON_SCHEMA,
    TOOL_NAME,
    LlmTimecard,
    TimecardsToolInput,
)

# Error codes worth another attempt: the service is busy or briefly down, not refusing us.
RETRYABLE_ERROR_CODES = frozenset({
    "ThrottlingException",
    "ModelNotReadyException",
    "ServiceUnavailableException",
    "InternalServerException",
})

SYSTEM_PROMPT = (
    "You read payroll timecard spreadsheets given as markdown tables, one per sheet, and "
    "record every employee's work by calling the record_timecards tool exactly once. "
    "One timecard per employee across all sheets; employee names as 'First Last'. One entry "
    "per employee per work date (YYYY-MM-DD); sum several shifts on one date; a shift that "
    "crosses midnight belongs to the date it started. hours = hours worked (minus unpaid "
    "breaks) or null when the file does not say; pay = gross wages for that date as stated "
    "or implied (hours x hourly rate, the day rate, or the wage subtotal), never per diem, "
    "reimbursements, advances, deductions or bonuses; null when unknown. Totals rows, "
    "summary sheets, instruction sheets and banner rows are not entries."
)


class LlmUnavailable(Exception):
    """The AI extractor could not give an answer for this file; ``reason`` is safe to show."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class LlmExtractor(Protocol):
    def extract_timecards(self, markdown: dict[str, str]) -> list[LlmTimecard]:
        """Timecards read from the sheets' markdown, or raise LlmUnavailable."""
        ...


class BedrockExtractor:
    def __init__(self, client: Any, model_id: str, breaker: CircuitBreaker, *,
                 max_attempts: int = 3, backoff_seconds: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep, max_tokens: int = 16_384,
                 max_prompt_chars: int = 400_000):
        self._client = client
        self._model_id = model_id
        self.breaker = breaker
        self._max_attempts = max_attempts
        self._backoff_seconds = backoff_seconds
        self._sleep = sleep
        self._max_tokens = max_tokens
        self._max_prompt_chars = max_prompt_chars

    def extract_timecards(self, markdown: dict[str, str]) -> list[LlmTimecard]:
        prompt_chars = sum(len(name) + len(table) for name, table in markdown.items())
        if prompt_chars > self._max_prompt_chars:
            # Not the service's fault: it must not count towards opening the breaker.
            raise LlmUnavailable(f"the sheets are too large for the AI extractor ({prompt_chars} characters)")
        if not self.breaker.allow():
            raise LlmUnavailable("the AI extractor is paused after repeated failures (circuit open)")
        try:
            response = self._converse_with_retries(self.build_request(markdown))
            timecards = parse_tool_input(response)
        except LlmUnavailable:
            self.breaker.record_failure()
            raise
        except Exception as exc:  # noqa: BLE001 - any failure must reach the breaker
            # Whatever went wrong, the breaker must hear about it (a half-open trial would
            # otherwise stay in flight forever) and the job falls back to the deterministic path.
            self.breaker.record_failure()
            raise LlmUnavailable(f"the AI extractor failed unexpectedly ({type(exc).__name__})") from None
        self.breaker.record_success()
        return timecards

    def build_request(self, markdown: dict[str, str]) -> dict[str, Any]:
        return {
            "modelId": self._model_id,
            "system": [{"text": SYSTEM_PROMPT}],
            "messages": [{"role": "user", "content": [{"text": render_sheets(markdown)}]}],
            "inferenceConfig": {"maxTokens": self._max_tokens, "temperature": 0.0},
            "toolConfig": {
                "tools": [{"toolSpec": {
                    "name": TOOL_NAME,
                    "description": "Record the timecards found in the spreadsheet.",
                    "inputSchema": {"json": TIMECARDS_JSON_SCHEMA},
                }}],
                "toolChoice": {"tool": {"name": TOOL_NAME}},
            },
        }

    def _converse_with_retries(self, request: dict[str, Any]) -> dict[str, Any]:
        return converse_with_retries(self._client, request, max_attempts=self._max_attempts,
                                     backoff_seconds=self._backoff_seconds, sleep=self._sleep,
                                     unavailable=LlmUnavailable)


def converse_with_retries(client: Any, request: dict[str, Any], *, max_attempts: int, backoff_seconds: float,
                          sleep: Any, unavailable: type[Exception]) -> dict[str, Any]:
    """One Bedrock Converse call, throttling retried with exponential backoff; any other failure raised as
    ``unavailable(reason)`` (the extractor's and the ask translator's own exception type)."""
    from botocore.exceptions import BotoCoreError, ClientError

    for attempt in range(1, max_attempts + 1):
        try:
            return client.converse(**request)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in RETRYABLE_ERROR_CODES and attempt < max_attempts:
                sleep(backoff_seconds * 2 ** (attempt - 1))
                continue
            # The code names the failure; the message may echo the request, so it is dropped.
            raise unavailable(f"the AI service refused the request ({code or 'unknown error'})") from None
        except BotoCoreError as exc:
            raise unavailable(f"the AI service could not be reached ({type(exc).__name__})") from None
    raise AssertionError("unreachable: the loop returns or raises")


def render_sheets(markdown: dict[str, str]) -> str:
    parts = [f"## Sheet: {name}\n\n{table}" for name, table in markdown.items()]
    return "Timecard spreadsheet, one section per sheet:\n\n" + "\n\n".join(parts)


def parse_tool_input(response: dict[str, Any]) -> list[LlmTimecard]:
    """The validated ``record_timecards`` input from a Converse response."""
    content = (response.get("output") or {}).get("message", {}).get("content") or []
    tool_inputs = [block["toolUse"].get("input") for block in content
                   if "toolUse" in block and block["toolUse"].get("name") == TOOL_NAME]
    if not tool_inputs:
        stop = response.get("stopReason", "unknown")
        raise LlmUnavailable(f"the AI model did not call {TOOL_NAME} (stop reason {stop})")
    try:
        return TimecardsToolInput.model_validate(tool_inputs[0]).timecards
    except ValidationError as exc:
        # Field paths only: the offending values may be personal data.
        where = sorted({".".join(str(p) for p in err["loc"]) for err in exc.errors()})[:5]
        raise LlmUnavailable("the AI model's answer did not match the timecard schema at "
                             + ", ".join(where)) from None


def create_bedrock_client(region: str) -> Any:
    """A bedrock-runtime client whose own retries are off: this module does the retrying."""
    import boto3
    from botocore.config import Config

    config = Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=120)
    return boto3.client("bedrock-runtime", region_name=region, config=config)


__all__ = [
    "RETRYABLE_ERROR_CODES",
    "BedrockExtractor",
    "LlmExtractor",
    "LlmUnavailable",
    "create_bedrock_client",
    "parse_tool_input",
    "render_sheets",
]
