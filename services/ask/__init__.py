"""Read-only questions about the stored records: a typed plan, a deterministic parser, an
optional LLM translator, guardrails and an executor over the store's indexed reads."""

from services.ask.answer import Answer, CannotAnswer, Column, DrawnOn, Table
from services.ask.service import ask

__all__ = ["Answer", "CannotAnswer", "Column", "DrawnOn", "Table", "ask"]
