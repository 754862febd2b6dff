"""The processing result: the contract dict of ../shared/docs/result-contract.md.

``build_result`` makes what ``main.py process --json`` prints: the fixed contract keys in
the contract's order, then a few small, stable extras (period, extraction method, a
compact per-sheet summary). ``build_stored_result`` adds what only a stored job needs
(full per-sheet schema records, the normalized markdown, the per-stage history), because
those can be large and would make the CLI output unstable for scripts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from processing.model import Entry, Extraction, Issue, SheetSchema, Timecard
from processing.workbook import Workbook

KIND = "timecard"
REVIEW = "review"
APPROVED = "approved"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_CENT = Decimal("0.01")


class ComplianceReportLike(Protocol):
    issues: list[Issue]
    findings: list[dict[str, Any]]


def json_number(value: Decimal | float | None) -> float | None:
    """Hours and money as JSON numbers: rounded half-up to cents, always a float (8 -> 8.0)."""
    if value is None:
        return None
    return float(Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP))


def decide(issues: Iterable[Issue]) -> str:
    """The contract's rule: any error or warning sends the file to a person."""
    return REVIEW if any(i.severity in ("error", "warning") for i in issues) else APPROVED


def file_record(workbook: Workbook) -> dict[str, Any]:
    return {"name": workbook.name, "sha256": workbook.sha256, "size": workbook.size, "format": workbook.format}


def entry_record(entry: Entry) -> dict[str, Any]:
    return {"date": entry.date.isoformat(), "hours": json_number(entry.hours), "pay": json_number(entry.pay)}


def timecard_record(timecard: Timecard) -> dict[str, Any]:
    entries = sorted(timecard.entries, key=lambda e: e.date)
    return {
        "employee": timecard.employee,
        "employee_id": timecard.employee_id,
        "entries": [entry_record(e) for e in entries],
        "total_hours": json_number(timecard.total_hours),
        "total_pay": json_number(timecard.total_pay),
    }


def timecard_sort_key(timecard: Timecard) -> tuple[str, str, str]:
    # casefold first so "adam" and "ADAM" sit together; the exact name breaks ties stably.
    return (timecard.employee.casefold(), timecard.employee, timecard.employee_id or "")


def merge_issues(*groups: Iterable[Issue]) -> list[Issue]:
    """All issues once each, most severe first, then a stable order a reviewer can scan.

    Extraction's reading problems may also be passed through by the compliance engine;
    an issue identical in every contract field is kept once.
    """
    seen: set[tuple[Any, ...]] = set()
    merged: list[Issue] = []
    for group in groups:
        # Within one group two identical issues are two people who share a name (told apart by their
        # employee ids): both stay. Only what an earlier group already said is dropped.
        group = list(group)
        identities = [(i.code, i.severity, i.employee, i.date, i.message) for i in group]
        for issue, identity in zip(group, identities, strict=True):
            if identity not in seen:
                merged.append(issue)
        seen.update(identities)
    return sorted(
        merged,
        key=lambda i: (
            _SEVERITY_RANK.get(i.severity, 3),
            i.code,
            (i.employee or "").casefold(),
            i.date or dt.date.min,
            i.message,
        ),
    )


def sheet_summary(schema: SheetSchema) -> dict[str, Any]:
    """A small per-sheet record for the CLI: what each sheet was taken to be."""
    return {
        "sheet": schema.sheet,
        "hidden": schema.hidden,
        "family": schema.family,
        "header_rows": list(schema.header_rows),
        "data_rows": list(schema.data_rows) if schema.data_rows else None,
        "confidence": round(schema.confidence, 3),
        "method": schema.method,
        # How many of the file's own totals on this sheet the reading reproduces (None: it states none).
        "reconciliation": dict(schema.reconciliation) if schema.reconciliation else None,
    }


def sheet_record(schema: SheetSchema) -> dict[str, Any]:
    """The full schema record (columns, fingerprint, notes) kept with a stored job."""
    return to_json_safe(asdict(schema))


def build_result(workbook: Workbook, extraction: Extraction, report: ComplianceReportLike,
                 extra_issues: Iterable[Issue] = ()) -> dict[str, Any]:
    issues = merge_issues(extraction.issues, report.issues, extra_issues)
    timecards = sorted(extraction.timecards, key=timecard_sort_key)
    return {
        "file": file_record(workbook),
        "kind": KIND,
        "timecards": [timecard_record(t) for t in timecards],
        "issues": [i.to_contract() for i in issues],
        "decision": decide(issues),
        "findings": to_json_safe(list(report.findings)),
        # extras (the contract welcomes them)
        "period": {
            "start": extraction.period_start.isoformat() if extraction.period_start else None,
            "end": extraction.period_end.isoformat() if extraction.period_end else None,
        },
        "extraction_method": extraction.method,
        "sheets": [sheet_summary(s) for s in extraction.sheets],
    }


def build_stored_result(result: dict[str, Any], extraction: Extraction,
                        stage_ms: dict[str, float]) -> dict[str, Any]:
    """The CLI result plus what a stored job keeps for reviewers and the next file."""
    return {
        **result,
        "sheets": [sheet_record(s) for s in extraction.sheets],
        "markdown": dict(extraction.markdown),
        "history": [{"stage": stage, "ms": ms} for stage, ms in stage_ms.items()],
    }


def to_json_safe(value: Any) -> Any:
    """Make findings and schema records printable by ``json.dumps`` without a custom encoder."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_safe(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((to_json_safe(v) for v in value), key=repr)
    if is_dataclass(value) and not isinstance(value, type):
        return to_json_safe(asdict(value))
    return value


__all__ = [
    "APPROVED",
    "KIND",
    "REVIEW",
    "build_result",
    "build_stored_result",
    "decide",
    "json_number",
    "merge_issues",
    "timecard_record",
    "to_json_safe",
]
