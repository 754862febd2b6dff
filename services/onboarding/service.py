"""Record operations the API calls: create one, bulk insert, get, list, by email.

Input rows are mappings of field name (canonical or an alias) to value; they go through the
same validation as file rows. Row numbers in a bulk insert are positions in the list,
starting at 1.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from processing.onboarding.registry import ModelSpec, get_model, header_lookup, normalize_header
from processing.onboarding.validation import ALREADY_EXISTS, RawRow, RowError, unique_value, validate_rows
from services.onboarding.records import from_json
from services.onboarding.submit import VALID_ROWS_ONLY, Summary, submit
from store.onboarding import get_by_unique, get_record, list_records
from store.onboarding_models import OnboardingRecord

MIN_BULK, MAX_BULK = 1, 1000


class BulkSizeError(ValueError):
    pass


@dataclass
class StoredRecord:
    id: str
    values: dict[str, Any]
    created_at: Any

    @classmethod
    def from_item(cls, spec: ModelSpec, item: OnboardingRecord) -> StoredRecord:
        return cls(item.record_id, from_json(spec, item.data), item.created_at)


@dataclass
class CreateResult:
    record: StoredRecord | None = None
    errors: list[RowError] | None = None  # validation errors, or one ALREADY_EXISTS


def canonical_cells(spec: ModelSpec, row: Mapping[str, Any]) -> dict[str, Any]:
    """Field names as given (``email``, ``customerEmail``, ``email_address``) -> canonical."""
    lookup = header_lookup(spec)
    cells: dict[str, Any] = {}
    for name, value in row.items():
        canonical = lookup.get(normalize_header(str(name)))
        if canonical and canonical not in cells:
            cells[canonical] = value
    return cells


def check_bulk_size(count: int) -> None:
    """The one bulk-insert cap (the API checks it before reading the rows)."""
    if not MIN_BULK <= count <= MAX_BULK:
        raise BulkSizeError(f"a bulk insert takes {MIN_BULK} to {MAX_BULK} rows, not {count}; "
                            "split larger sets or upload them as a file")


def bulk_insert(model: str, rows: Sequence[Mapping[str, Any]], *, policy: str = VALID_ROWS_ONLY) -> Summary:
    spec = get_model(model)
    check_bulk_size(len(rows))
    raw = [RawRow(index + 1, canonical_cells(spec, row)) for index, row in enumerate(rows)]
    return submit(spec, validate_rows(spec, raw), policy=policy, origin_prefix=f"api:{uuid.uuid4().hex}", writers=4)


def create_one(model: str, row: Mapping[str, Any]) -> CreateResult:
    spec = get_model(model)
    summary = bulk_insert(model, [row])
    outcome = summary.outcomes[0]
    if not outcome.valid:
        return CreateResult(errors=outcome.errors)
    record = get_record(spec.key, summary.created_ids[outcome.row])
    return CreateResult(record=StoredRecord.from_item(spec, record)) if record else CreateResult(errors=[])


def get_one(model: str, record_id: str) -> StoredRecord | None:
    spec = get_model(model)
    item = get_record(spec.key, record_id)
    return StoredRecord.from_item(spec, item) if item else None


def get_by_email(email: str) -> StoredRecord | None:
    spec = get_model("Customer")
    item = get_by_unique(spec.key, "email", unique_value(email))
    return StoredRecord.from_item(spec, item) if item else None


def list_page(model: str, *, first: int, after: str | None) -> tuple[list[StoredRecord], str | None]:
    spec = get_model(model)
    page = list_records(spec.key, first=first, after=after)
    return [StoredRecord.from_item(spec, item) for item in page.records], page.next_cursor


def is_already_exists(errors: list[RowError]) -> RowError | None:
    return next((e for e in errors if e.code == ALREADY_EXISTS), None)


__all__ = ["BulkSizeError", "CreateResult", "MAX_BULK", "MIN_BULK", "StoredRecord", "bulk_insert", "check_bulk_size",
           "canonical_cells", "create_one", "get_by_email", "get_one", "is_already_exists", "list_page"]
