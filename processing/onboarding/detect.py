"""Which model a file holds: from its header row (names and aliases), or, for a file
shipped without headers (the HR tables), from the shape of its rows and its name.

``looks_like_onboarding`` is the cheap form intake uses to route a CSV upload: it reads
only the first lines of the bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from processing.onboarding.coerce import FieldProblem, as_datetime, as_integer
from processing.onboarding.columns import evidence_columns
from processing.onboarding.registry import (
    MODELS,
    ModelSpec,
    get_model,
    header_lookup,
    normalize_header,
)
from processing.onboarding.validation import is_blank

UNKNOWN_MODEL = "UNKNOWN_MODEL"
AMBIGUOUS_MODEL = "AMBIGUOUS_MODEL"
SAMPLE_ROWS = 20


class DetectionError(ValueError):
    """No model, or more than one, fits the file. ``candidates`` lists the models considered."""

    def __init__(self, code: str, message: str, candidates: Sequence[str]):
        super().__init__(message)
        self.code = code
        self.message = message
        self.candidates = list(candidates)


@dataclass(frozen=True)
class Detection:
    model: ModelSpec
    has_header: bool
    columns: tuple[str | None, ...]  # canonical field per column; None = ignored column
    reason: str  # "header", "shape", "evidence", "forced"


def map_header(spec: ModelSpec, header: Sequence[Any]) -> tuple[str | None, ...]:
    """Canonical field per header cell; a field claimed twice keeps its first column."""
    lookup = header_lookup(spec)
    taken: set[str] = set()
    columns: list[str | None] = []
    for cell in header:
        name = lookup.get(normalize_header(str(cell))) if not is_blank(cell) else None
        if name in taken:
            name = None
        if name:
            taken.add(name)
        columns.append(name)
    return tuple(columns)


def _header_fit(spec: ModelSpec, header: Sequence[Any]) -> tuple[int, float, tuple[str | None, ...]] | None:
    columns = map_header(spec, header)
    matched = {name for name in columns if name}
    if not matched or not set(spec.required) <= matched:
        return None
    return len(matched), len(matched) / len(spec.fields), columns


def looks_like_header(header: Sequence[Any]) -> bool:
    return any(any(name for name in map_header(spec, header)) for spec in MODELS) and not _first_is_id(header)


def _first_is_id(row: Sequence[Any]) -> bool:
    if not row or is_blank(row[0]):
        return False
    try:
        as_integer(row[0], 1, None)
    except FieldProblem:
        return False
    return True


def detect_from_header(header: Sequence[Any]) -> Detection:
    fits = [(spec, fit) for spec in MODELS if (fit := _header_fit(spec, header)) is not None]
    if not fits:
        raise DetectionError(
            UNKNOWN_MODEL,
            "the headers match no model; each needs its required columns: " + _required_columns()
            + ". Pass --model to choose one.",
            [spec.name for spec in MODELS],
        )
    fits.sort(key=lambda item: (item[1][0], item[1][1]), reverse=True)
    best = fits[0]
    tied = [spec.name for spec, fit in fits if fit[:2] == best[1][:2]]
    if len(tied) > 1:
        raise DetectionError(AMBIGUOUS_MODEL,
                             f"the headers fit several models equally well: {', '.join(tied)}. Pass --model.", tied)
    return Detection(best[0], True, best[1][2], "header")


def _required_columns() -> str:
    return "; ".join(f"{spec.name} ({', '.join(spec.required)})" for spec in MODELS)


def _fits_shape(spec: ModelSpec, rows: Sequence[Sequence[Any]]) -> bool:
    """Every sampled row has the model's column count (trailing blanks aside) and types."""
    width = len(spec.headerless_columns)
    for row in rows:
        cells = list(row)
        while len(cells) > width and is_blank(cells[-1]):
            cells.pop()
        if len(cells) != width or not _first_is_id(cells):
            return False
        for name, cell in zip(spec.headerless_columns, cells, strict=True):
            if not is_blank(cell) and not _cell_fits(spec.field(name).type, name, cell):
                return False
    return True


def _cell_fits(kind: str, name: str, cell: Any) -> bool:
    if kind == "integer":
        return _parses(lambda: as_integer(cell, None, None))
    if kind == "datetime":
        return _parses(lambda: as_datetime(cell))
    if kind == "text" and name != "id":
        return not _parses(lambda: as_integer(cell, None, None))  # a name column of numbers: not this model
    return True


def _parses(attempt) -> bool:
    try:
        attempt()
    except FieldProblem:
        return False
    return True


def detect_from_shape(rows: Sequence[Sequence[Any]], file_name: str | None) -> Detection:
    sample = [row for row in rows[:SAMPLE_ROWS] if any(not is_blank(c) for c in row)]
    candidates = [spec for spec in MODELS if spec.headerless_columns and sample and _fits_shape(spec, sample)]
    if len(candidates) > 1 and file_name:
        stem = PurePath(file_name).stem.lower()
        hinted = [spec for spec in candidates if any(hint in stem for hint in spec.file_hints)]
        candidates = hinted or candidates
    if len(candidates) == 1:
        spec = candidates[0]
        return Detection(spec, False, spec.headerless_columns, "shape")
    if not candidates:
        raise DetectionError(
            UNKNOWN_MODEL,
            "the first row is no model's header (" + _required_columns() + ") and the rows fit no headerless "
            "table (" + "; ".join(f"{spec.name}: {', '.join(spec.headerless_columns)}" for spec in MODELS
                                  if spec.headerless_columns)
            + "). Add a header row or pass --model.",
            [spec.name for spec in MODELS],
        )
    names = [spec.name for spec in candidates]
    raise DetectionError(AMBIGUOUS_MODEL,
                         f"the rows fit several headerless tables: {', '.join(names)}. Name the file after the "
                         "table (e.g. departments.csv) or pass --model.", names)


def detect_model(rows: Sequence[Sequence[Any]], file_name: str | None = None, forced: str | None = None) -> Detection:
    """Header first; a headerless file by shape; ``forced`` (--model) overrides both."""
    first = list(rows[0]) if rows else []
    if forced:
        spec = get_model(forced)
        if first and looks_like_header(first):
            columns = map_header(spec, first)
            if any(columns):
                return Detection(spec, True, columns, "forced")
        return Detection(spec, False, spec.headerless_columns or spec.field_names, "forced")
    if not rows:
        raise DetectionError(UNKNOWN_MODEL, "the file has no rows", [spec.name for spec in MODELS])
    if looks_like_header(first):
        try:
            return detect_from_header(first)
        except DetectionError as exc:
            if exc.code != UNKNOWN_MODEL:
                raise
            return detect_from_evidence(first, rows[1:], exc)
    try:
        return detect_from_shape(rows, file_name)
    except DetectionError as exc:
        if exc.code != UNKNOWN_MODEL or not _all_text(first):
            raise
        return detect_from_evidence(first, rows[1:], exc)


EVIDENCE_MARGIN = 0.05  # two models this close on evidence: ambiguous, the user chooses


def _all_text(row: Sequence[Any]) -> bool:
    filled = [c for c in row if not is_blank(c)]
    return bool(filled) and all(isinstance(c, str) and not _parses(lambda c=c: as_integer(c, None, None))
                                for c in filled)


def detect_from_evidence(header: Sequence[Any], rows: Sequence[Sequence[Any]], refusal: DetectionError) -> Detection:
    """A header in the file's own words: fields mapped from header words and column content together."""
    sample = [row for row in rows[:SAMPLE_ROWS] if any(not is_blank(c) for c in row)]
    fits = [(spec, fit) for spec in MODELS
            if sample and (fit := evidence_columns(spec, header, sample, _cell_fits)) is not None]
    if not fits:
        raise refusal
    fits.sort(key=lambda item: item[1][0], reverse=True)
    best = fits[0]
    if len(fits) > 1 and best[1][0] - fits[1][1][0] < EVIDENCE_MARGIN:
        names = [spec.name for spec, _ in fits[:2]]
        raise DetectionError(AMBIGUOUS_MODEL, f"the columns fit several models about equally: {', '.join(names)}. "
                             "Pass --model.", names)
    return Detection(best[0], True, best[1][1], "evidence")


# ------------------------------------------------------------------ cheap routing for intake

_HEAD_BYTES = 8192


def _head_rows(data: bytes) -> list[list[str]]:
    head = data[:_HEAD_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    text = head.decode("utf-8", errors="replace")
    lines = text.splitlines()[:SAMPLE_ROWS + 1]
    if len(data) > _HEAD_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    sample = "\n".join(lines)
    delimiter = max((",", ";", "\t", "|"), key=lambda d: lines[0].count(d) if lines else 0)
    return [row for row in csv.reader(io.StringIO(sample), delimiter=delimiter)]


ROUTING_COVERAGE = 0.8


def looks_like_onboarding(data: bytes) -> bool:
    """True when the first lines of a CSV are an onboarding model's header or a headerless HR
    table. Reads at most 8 KB; never raises."""
    try:
        rows = _head_rows(data)
        if not rows:
            return False
        if looks_like_header(rows[0]):
            detection = detect_from_header(rows[0])
            # Timecard exports share headers such as employee_id or name with the HR models;
            # route to onboarding only when (nearly) every column is one of the model's fields.
            filled = [cell for cell in rows[0] if str(cell).strip()]
            mapped = sum(1 for column in detection.columns if column)
            return bool(filled) and mapped / len(filled) >= ROUTING_COVERAGE
        detect_from_shape(rows, None)
        return True
    except DetectionError as exc:
        return exc.code == AMBIGUOUS_MODEL  # some onboarding model fits; the job will say which
    except Exception:  # noqa: BLE001 - routing must never fail an upload
        return False


__all__ = ["AMBIGUOUS_MODEL", "Detection", "DetectionError", "UNKNOWN_MODEL", "detect_from_header",
           "detect_from_shape", "detect_model", "looks_like_header", "looks_like_onboarding", "map_header"]
