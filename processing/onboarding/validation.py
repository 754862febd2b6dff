"""Coerce and check every row of a model, collecting every error of every row.

Input: mappings of canonical field name -> raw cell value, with the spreadsheet row number
each came from. Output: per row, the typed values or the list of errors. In-file
duplicates of unique fields are found here (no store needed: ``--dry-run`` shows them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from processing.onboarding.coerce import (
    FieldProblem,
    as_choice,
    as_date,
    as_datetime,
    as_email,
    as_integer,
    as_money,
    as_phone,
    as_text,
)
from processing.onboarding.registry import (
    CHOICE,
    DATE,
    DATETIME,
    EMAIL,
    INTEGER,
    MONEY,
    PHONE,
    FieldSpec,
    ModelSpec,
)

REQUIRED = "REQUIRED"
TOO_LONG = "TOO_LONG"
OUT_OF_RANGE = "OUT_OF_RANGE"
DUPLICATE_IN_FILE = "DUPLICATE_IN_FILE"
ALREADY_EXISTS = "ALREADY_EXISTS"


@dataclass(frozen=True)
class RowError:
    row: int
    field: str | None
    code: str
    message: str
    existing_id: str | None = None  # ALREADY_EXISTS: the record that holds the value

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "code": self.code, "message": self.message}


@dataclass
class RowOutcome:
    row: int  # the spreadsheet row number the user sees
    values: dict[str, Any]  # typed values of the fields that were valid
    errors: list[RowError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class RawRow:
    row: int
    cells: Mapping[str, Any]


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def coerce_field(spec: FieldSpec, raw: Any) -> Any:
    """The typed value, or FieldProblem."""
    if spec.type == EMAIL:
        value: Any = as_email(raw)
    elif spec.type == DATE:
        value = as_date(raw)
    elif spec.type == DATETIME:
        value = as_datetime(raw)
    elif spec.type == INTEGER:
        value = as_integer(raw, spec.minimum, spec.maximum)  # type: ignore[arg-type]
    elif spec.type == MONEY:
        value = as_money(raw, spec.minimum, spec.maximum)
    elif spec.type == PHONE:
        value = as_phone(raw)
    elif spec.type == CHOICE:
        value = as_choice(raw, spec.choices)
    else:
        value = as_text(raw)
    if spec.max_length is not None and isinstance(value, str) and len(value) > spec.max_length:
        raise FieldProblem(TOO_LONG, f"is longer than {spec.max_length} characters")
    return value


def validate_row(spec: ModelSpec, raw: RawRow) -> RowOutcome:
    outcome = RowOutcome(raw.row, {})
    for field_spec in spec.fields:
        cell = raw.cells.get(field_spec.name)
        if is_blank(cell):
            if field_spec.required:
                outcome.errors.append(RowError(raw.row, field_spec.name, REQUIRED, f"{field_spec.name} is required"))
            continue
        try:
            outcome.values[field_spec.name] = coerce_field(field_spec, cell)
        except FieldProblem as problem:
            outcome.errors.append(RowError(raw.row, field_spec.name, problem.code,
                                           f"{field_spec.name} {problem.message}"))
    for check in spec.order_checks:
        earlier, later = outcome.values.get(check.earlier), outcome.values.get(check.later)
        if earlier is not None and later is not None and earlier > later:
            outcome.errors.append(RowError(raw.row, check.later, OUT_OF_RANGE,
                                           f"{check.later} is before {check.earlier}"))
    return outcome


def unique_value(value: Any) -> str:
    """How a unique field is compared: emails case-insensitively, everything else as text."""
    return str(value).strip().lower()


def mark_duplicates_in_file(spec: ModelSpec, outcomes: Iterable[RowOutcome]) -> None:
    """The first row holding a unique value keeps it; later rows get DUPLICATE_IN_FILE."""
    first_seen: dict[tuple[str, str], int] = {}
    for outcome in outcomes:
        for name in spec.unique:
            if name not in outcome.values:
                continue
            key = (name, unique_value(outcome.values[name]))
            if key in first_seen:
                outcome.errors.append(RowError(outcome.row, name, DUPLICATE_IN_FILE,
                                               f"{name} repeats the value of row {first_seen[key]}"))
            else:
                first_seen[key] = outcome.row


def validate_rows(spec: ModelSpec, rows: Iterable[RawRow]) -> list[RowOutcome]:
    outcomes = [validate_row(spec, raw) for raw in rows]
    mark_duplicates_in_file(spec, outcomes)
    return outcomes


__all__ = ["ALREADY_EXISTS", "DUPLICATE_IN_FILE", "OUT_OF_RANGE", "REQUIRED", "RawRow", "RowError", "RowOutcome",
           "TOO_LONG", "coerce_field", "is_blank", "mark_duplicates_in_file", "unique_value", "validate_row",
           "validate_rows"]
