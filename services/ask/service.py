"""``ask``: a question in, an answer table or a reasoned refusal out.

Order of checks: the question's own words (write intent, protected data) before anything
reads it further; then a plan, from the parser or (optionally) the LLM translator; then
the caller's role against the plan; then the read. The LLM never sees a question the
guardrails refused, and its plans pass the same validation and role check as the parser's.

LLM settings: ``ask_llm_enabled`` (off), ``ask_llm_first`` (off: the parser answers what it
can and the LLM gets only what the parser could not read; on: the LLM goes first and the
parser is the fallback). Model, region and breaker settings are the extractor's.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any, Protocol

from services.ask.answer import Answer, CannotAnswer, Source
from services.ask.executor import ExecutionSettings, TooBroad, execute
from services.ask.guardrails import Refusal, check_question, check_role
from services.ask.parser import parse
from services.ask.plan import PlanRejected, QueryPlan

MAX_QUESTION_CHARS = 500
log = logging.getLogger(__name__)


class Translator(Protocol):
    def translate(self, question: str, today: dt.date, week_start: str = "monday") -> QueryPlan | Refusal:
        """A validated plan, a refusal, or raise TranslatorUnavailable."""
        ...


def llm_enabled(settings: Any) -> bool:
    return settings.ask_llm_enabled


def ask(question: str, *, role: str, today: dt.date | None = None, settings: Any = None,
        translator: Translator | None = None) -> Answer | CannotAnswer:
    """Answer ``question`` for a caller with ``role``. ``translator`` is used only when the
    settings enable it; pass one explicitly in tests (the default is Bedrock)."""
    if settings is None:
        from store.settings import get_operational_settings

        settings = get_operational_settings()
    today = today or dt.datetime.now(dt.UTC).date()
    if len(question) > MAX_QUESTION_CHARS:
        return CannotAnswer(question[:MAX_QUESTION_CHARS], "TOO_LONG",
                            f"a question may have at most {MAX_QUESTION_CHARS} characters")
    refused = check_question(question)
    if refused:
        return _cannot(question, refused)
    week_start = str(getattr(settings, "workweek_start_day", "monday"))
    outcome, source = _plan(question, today, week_start, settings, translator)
    if isinstance(outcome, Refusal):
        return _cannot(question, outcome)
    refused = check_role(outcome, role)
    if refused:
        return _cannot(question, refused)
    execution = ExecutionSettings(week_start=week_start,
                                  overtime_threshold=Decimal(str(getattr(settings, "overtime_threshold_hours", 40))))
    try:
        table = execute(outcome, execution)
    except TooBroad as exc:
        return _cannot(question, Refusal("TOO_BROAD", exc.reason))
    except PlanRejected as exc:
        return _cannot(question, Refusal("UNSUPPORTED", exc.reason))
    return Answer(question, outcome, table, source, today)


def _plan(question: str, today: dt.date, week_start: str, settings: Any,
          translator: Translator | None) -> tuple[QueryPlan | Refusal, Source]:
    parsed = parse(question, today, week_start=week_start)
    if not llm_enabled(settings):
        return parsed, "parser"
    first = settings.ask_llm_first
    if not first and isinstance(parsed, QueryPlan):
        return parsed, "parser"
    if not first and parsed.code != "UNSUPPORTED":
        return parsed, "parser"  # a bad date or an empty question: the LLM would not fix it
    from services.ask.translator import TranslatorUnavailable, default_translator

    try:
        translated = (translator or default_translator(settings)).translate(question, today, week_start)
    except TranslatorUnavailable as exc:
        log.warning("ask: LLM translator unavailable, parser used instead: %s", exc.reason)
        return parsed, "parser"
    return translated, "llm"


def _cannot(question: str, refusal: Refusal) -> CannotAnswer:
    return CannotAnswer(question, refusal.code, refusal.reason)


__all__ = ["MAX_QUESTION_CHARS", "Translator", "ask", "llm_enabled"]
