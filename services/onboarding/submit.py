"""Validated rows -> records in the store, under the submit policy, with the summary the
CLI prints and a job stores.

Policies: ``valid_rows_only`` creates every valid row and reports the rest;
``all_or_nothing`` creates nothing unless every row is valid and new. DynamoDB cannot put a
whole file in one transaction (100 items), so all-or-nothing checks the unique values first
(batch key reads) and, if a concurrent load still takes one while writing, deletes what this
run created before reporting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from processing.onboarding.registry import ModelSpec
from processing.onboarding.validation import ALREADY_EXISTS, RowError, RowOutcome, unique_value
from services.onboarding.records import plan_record
from store.onboarding import (
    CREATED,
    EXISTS,
    REPLAYED,
    CreateOutcome,
    NewRecord,
    create_records,
    delete_records,
    find_existing,
)

VALID_ROWS_ONLY = "valid_rows_only"
ALL_OR_NOTHING = "all_or_nothing"
POLICIES = (VALID_ROWS_ONLY, ALL_OR_NOTHING)
MAX_REPORTED = 1000  # errors and per-row results kept in a summary


@dataclass
class Summary:
    model: str
    outcomes: list[RowOutcome]
    created_ids: dict[int, str] = field(default_factory=dict)  # row -> record id
    held_back: bool = False  # all_or_nothing refused the file

    @property
    def valid(self) -> int:
        return sum(1 for o in self.outcomes if o.valid)

    def to_dict(self) -> dict[str, Any]:
        errors = [error.to_dict() for o in self.outcomes for error in o.errors]
        results = [self._row_result(o) for o in self.outcomes]
        return {
            "model": self.model,
            "rows": len(self.outcomes),
            "valid": self.valid,
            "invalid": len(self.outcomes) - self.valid,
            "created": len(self.created_ids),
            "errors": errors[:MAX_REPORTED],
            "error_count": len(errors),
            "errors_truncated": len(errors) > MAX_REPORTED,
            "results": results[:MAX_REPORTED],
            "results_truncated": len(results) > MAX_REPORTED,
        }

    def _row_result(self, outcome: RowOutcome) -> dict[str, Any]:
        if outcome.row in self.created_ids:
            return {"row": outcome.row, "status": "created", "id": self.created_ids[outcome.row]}
        status = "invalid" if not outcome.valid else ("held_back" if self.held_back else "not_submitted")
        return {"row": outcome.row, "status": status, "id": None}


def dry_run(spec: ModelSpec, outcomes: list[RowOutcome]) -> Summary:
    return Summary(spec.name, outcomes)


def already_exists(outcome: RowOutcome, spec: ModelSpec, clash_field: str | None, existing_id: str | None) -> None:
    name = clash_field or (spec.unique[0] if spec.unique else "id")
    outcome.errors.append(RowError(outcome.row, name, ALREADY_EXISTS,
                                   f"a {spec.name} with this {name} already exists (id {existing_id})",
                                   existing_id))


def submit(spec: ModelSpec, outcomes: list[RowOutcome], *, policy: str, origin_prefix: str,
           writers: int = 8, on_progress: Callable[[int, int], None] | None = None) -> Summary:
    """Write the valid rows. ``origin_prefix`` (a job id, ``api:<uuid>``) makes record ids
    stable, so running the same submission twice writes nothing new."""
    if policy not in POLICIES:
        raise ValueError(f"submit policy must be one of {', '.join(POLICIES)}")
    summary = Summary(spec.name, outcomes)
    if policy == ALL_OR_NOTHING and (not all(o.valid for o in outcomes) or _mark_taken(spec, outcomes)):
        summary.held_back = True
        return summary
    candidates = [o for o in outcomes if o.valid]
    planned = [plan_record(spec, o.values, origin=f"{origin_prefix}#{o.row}") for o in candidates]
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if on_progress:
            on_progress(done, len(planned))

    results = create_records(planned, writers=writers, on_progress=progress)
    _apply(spec, summary, candidates, results)
    if policy == ALL_OR_NOTHING and any(r.status == EXISTS for r in results):
        _undo(spec, summary, candidates, planned)
    return summary


def _mark_taken(spec: ModelSpec, outcomes: Sequence[RowOutcome]) -> bool:
    """Add ALREADY_EXISTS for unique values the store already holds; True if any."""
    found = False
    for name in spec.unique:
        by_value = {unique_value(o.values[name]): o for o in outcomes if o.values.get(name) is not None}
        for value, existing_id in find_existing(spec.key, name, list(by_value)).items():
            already_exists(by_value[value], spec, name, existing_id)
            found = True
    return found


def _apply(spec: ModelSpec, summary: Summary, candidates: list[RowOutcome], results: list[CreateOutcome]) -> None:
    for outcome, result in zip(candidates, results, strict=True):
        if result.status in (CREATED, REPLAYED):
            summary.created_ids[outcome.row] = result.record_id
        else:
            already_exists(outcome, spec, result.clash_field, result.existing_id)


def _undo(spec: ModelSpec, summary: Summary, candidates: list[RowOutcome], planned: list[NewRecord]) -> None:
    delete_records(new for outcome, new in zip(candidates, planned, strict=True) if outcome.row in summary.created_ids)
    summary.created_ids.clear()
    summary.held_back = True


def undo_submission(spec: ModelSpec, outcomes: list[RowOutcome], *, origin_prefix: str) -> int:
    """Delete whatever a submission with this origin created, even one interrupted midway:
    record ids follow from the origin, and only records still carrying it are deleted."""
    planned = [plan_record(spec, o.values, origin=f"{origin_prefix}#{o.row}") for o in outcomes if o.valid]
    return delete_records(planned)


__all__ = ["ALL_OR_NOTHING", "MAX_REPORTED", "POLICIES", "Summary", "VALID_ROWS_ONLY", "already_exists", "dry_run",
           "submit", "undo_submission"]
