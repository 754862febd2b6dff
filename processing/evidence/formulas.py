"""What a formula adds up: its cell references, signed, with ranges expanded along one row or column.

Only the additive shapes spreadsheets use for totals are understood (``=SUM(M6:W6)``, ``=+M6+N6-K6``,
``=SUM(B3:B40)``); anything else (IF, VLOOKUP, products) is "not a sum" and gives no evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_REF = r"\$?([A-Z]{1,3})\$?(\d{1,7})"
_RANGE_RE = re.compile(rf"^{_REF}:{_REF}$")
_CELL_RE = re.compile(rf"^{_REF}$")
_SUM_RE = re.compile(r"^SUM\((.*)\)$")
_TERM_SPLIT = re.compile(r"([+-])")
_SCALED_RE = re.compile(r"^(SUM\(.*\)|\(.*\))\*(\$?[A-Z]{1,3}\$?\d{1,7})$")
MAX_RANGE_CELLS = 20_000  # a sum over more cells than this is not read cell by cell


def column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


@dataclass(frozen=True)
class Sum:
    """A formula that is a signed sum of cells: (row, col) 0-based -> +1 / -1."""

    terms: dict[tuple[int, int], int]
    scale: tuple[int, int] | None = None  # ``SUM(G9:M9)*F9``: day fractions times the row's day rate

    @property
    def rows(self) -> set[int]:
        return {r for r, _ in self.terms}

    @property
    def columns(self) -> set[int]:
        return {c for _, c in self.terms}

    def positive(self) -> set[tuple[int, int]]:
        return {ref for ref, sign in self.terms.items() if sign > 0}


def _expand(text: str) -> list[tuple[int, int]] | None:
    text = text.strip()
    match = _RANGE_RE.match(text)
    if match:
        c1, r1, c2, r2 = column_index(match[1]), int(match[2]) - 1, column_index(match[3]), int(match[4]) - 1
        r1, r2 = sorted((r1, r2))
        c1, c2 = sorted((c1, c2))
        if (r2 - r1 + 1) * (c2 - c1 + 1) > MAX_RANGE_CELLS:
            return None
        return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
    match = _CELL_RE.match(text)
    if match:
        return [(int(match[2]) - 1, column_index(match[1]))]
    return None


def _sum_arguments(inner: str) -> list[tuple[int, int]] | None:
    refs: list[tuple[int, int]] = []
    for part in inner.split(","):
        cells = _expand(part)
        if cells is None:
            return None
        refs.extend(cells)
    return refs


def parse_sum(formula: str | None) -> Sum | None:
    """The signed cells a formula adds, or None when it is not a plain sum (or refers to another sheet)."""
    if not formula:
        return None
    text = formula.strip().lstrip("=").replace(" ", "").upper()
    if not text or "!" in text:
        return None
    scaled = _SCALED_RE.match(text)
    if scaled:
        inner, factor = parse_sum(scaled[1]), _expand(scaled[2])
        if inner is None or inner.scale is not None or not factor or len(factor) != 1:
            return None
        return Sum(inner.terms, scale=factor[0])
    terms: dict[tuple[int, int], int] = {}
    sign = 1
    for token in _TERM_SPLIT.split(text):
        if token in ("+", "-"):
            sign = -1 if token == "-" else 1
            continue
        if not token:
            continue
        token = token.strip("()")
        match = _SUM_RE.match(token) or _SUM_RE.match(token + ")")
        cells = _sum_arguments(match[1]) if match else _expand(token)
        if cells is None:
            return None
        for ref in cells:
            terms[ref] = terms.get(ref, 0) + sign
        sign = 1
    terms = {ref: s for ref, s in terms.items() if s}
    return Sum(terms) if terms else None


_COUNT_RE = re.compile(r"^COUNTA?\((.*)\)$")


def parse_count(formula: str | None) -> list[tuple[int, int]] | None:
    """The cells a ``=COUNTA(K13:Q13)`` / ``=COUNT(...)`` counts: a stated number of worked days."""
    if not formula:
        return None
    text = formula.strip().lstrip("=").replace(" ", "").upper()
    match = _COUNT_RE.match(text)
    return _sum_arguments(match[1]) if match and "!" not in text else None


def references(formula: str | None) -> list[tuple[int, int]]:
    """Every same-sheet cell a formula names (for 'this day cell is computed from a rate column')."""
    if not formula or "!" in formula:
        return []
    return [(int(m[2]) - 1, column_index(m[1])) for m in re.finditer(_REF, formula.upper())]


__all__ = ["Sum", "column_index", "parse_count", "parse_sum", "references"]
