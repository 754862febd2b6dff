"""The ``record_timecards`` tool: the JSON schema the model is given, and its validator.

The schema is written out (no ``$ref``) so that every model behind Converse reads it the
same way; the pydantic model checks the answer against the same shape, so an answer the
schema would refuse is refused here too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

TOOL_NAME = "record_timecards"

_NUMBER_OR_NULL = {"type": ["number", "null"]}

TIMECARDS_JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "timecards": {
            "type": "array",
            "description": "One timecard per employee found in the file (all sheets together).",
            "items": {
                "type": "object",
                "properties": {
                    "employee": {"type": "string", "minLength": 1,
                                 "description": "Name as 'First Last', trimmed and single-spaced."},
                    "employee_id": {"type": ["string", "null"]},
                    "entries": {
                        "type": "array",
                        "description": "One entry per work date; several shifts on a date are summed.",
                        "items": {
                            "type": "object",
                            "properties": {
                                "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
                                "hours": {**_NUMBER_OR_NULL, "description": "Hours worked, null if not stated."},
                                "pay": {**_NUMBER_OR_NULL,
                                        "description": "Gross wages for the date; never per diem, "
                                                       "reimbursements, advances, deductions or bonuses."},
                            },
                            "required": ["date", "hours", "pay"],
                            "additionalProperties": False,
                        },
                    },
                },
                "required": ["employee", "entries"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["timecards"],
    "additionalProperties": False,
}


class LlmEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    hours: Decimal | None
    pay: Decimal | None


class LlmTimecard(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employee: str = Field(min_length=1)
    employee_id: str | None = None
    entries: list[LlmEntry]


class TimecardsToolInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timecards: list[LlmTimecard]


__all__ = ["TIMECARDS_JSON_SCHEMA", "TOOL_NAME", "LlmEntry", "LlmTimecard", "TimecardsToolInput"]
