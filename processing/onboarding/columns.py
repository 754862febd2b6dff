"""Field mapping from evidence when a header uses none of a model's names: the header's words and the
column's content are scored together for every field, and fields are assigned jointly (each column one
field, each field one column), the way timecard columns are (processing/evidence).

"Emp #", "Employee", "Date Hired", "Dept", "Role Id" over ids, names, timestamps and small integers is a
batch of hires although no header is a field name or alias.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

from processing.onboarding.registry import ModelSpec
from processing.onboarding.validation import is_blank

MIN_CONTENT_FIT = 0.8  # share of a column's sampled cells the field's type must accept
MIN_HEADER_FIT = 0.6
MIN_COVERAGE = 0.6  # share of the header's columns the model must explain: a file is one model's, not a few stray words
_SPLIT_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ABBREVIATIONS = {"emp": "employee", "dept": "department", "no": "id", "num": "id", "#": "id", "nbr": "id",
                  "hired": "hire", "dt": "date"}


def words(text: str) -> str:
    spaced = _SPLIT_CAMEL.sub(" ", str(text)).replace("_", " ").replace("#", " # ").lower()
    tokens = re.findall(r"[a-z0-9]+|#", spaced)
    return " ".join(_ABBREVIATIONS.get(t, t) for t in tokens)


def header_fit(header: str, field_name: str, aliases: Sequence[str]) -> float:
    mine = words(header)
    if not mine:
        return 0.0
    return max(fuzz.token_sort_ratio(mine, words(name)) / 100 for name in (field_name, *aliases))


def content_fit(cells: Sequence[Any], accepts: Callable[[Any], bool]) -> float:
    filled = [c for c in cells if not is_blank(c)]
    if not filled:
        return 0.0
    return sum(1 for c in filled if accepts(c)) / len(filled)


def evidence_columns(spec: ModelSpec, header: Sequence[Any], rows: Sequence[Sequence[Any]],
                     accepts: Callable[[str, str, Any], bool]) -> tuple[float, tuple[str | None, ...]] | None:
    """The best joint assignment of the model's fields to the columns, or None when a required field finds
    no column whose header and content both fit. ``accepts(type, field, cell)`` is the model's type check."""
    pairs = []
    for col, text in enumerate(header):
        cells = [row[col] for row in rows if col < len(row)]
        for field_spec in spec.fields:
            by_header = header_fit(str(text or ""), field_spec.name, field_spec.aliases)
            if by_header < MIN_HEADER_FIT:
                continue
            by_content = content_fit(cells, lambda c, f=field_spec: accepts(f.type, f.name, c))
            if by_content < MIN_CONTENT_FIT:
                continue
            pairs.append((by_header * 0.6 + by_content * 0.4, col, field_spec.name))
    columns: list[str | None] = [None] * len(header)
    taken: set[str] = set()
    score = 0.0
    for fit, col, name in sorted(pairs, reverse=True):
        if columns[col] is None and name not in taken:
            columns[col], score = name, score + fit
            taken.add(name)
    filled = sum(1 for text in header if not is_blank(text))
    if not set(spec.required) <= taken or not filled or len(taken) / filled < MIN_COVERAGE:
        return None
    return score / len(spec.fields), tuple(columns)


__all__ = ["evidence_columns", "header_fit", "words"]
