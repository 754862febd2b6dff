"""Layout families as a registry (spreadsheets.md): every family is one module of this package.

``classify`` asks each family's ``detect`` for a candidate reading of a sheet, scores them all and keeps
the best; ``read`` hands the sheet to the winning family's reader. Adding a family is adding one module
to ``REGISTRY`` and a sample that only it reads (tests/processing/families checks both).
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType

from processing.families import (
    block,
    instructions,
    long,
    per_employee,
    punch,
    punch_events,
    register,
    summary,
    transposed,
    wide_grid,
)
from processing.families.base import Candidate, Context, Family
from processing.layout.grid import non_empty_columns
from processing.layout.headers import TableHeader, find_table_header
from processing.layout.schema import Detection, Layout, build_layout
from processing.workbook import Sheet

REGISTRY: tuple[ModuleType, ...] = (punch, punch_events, long, per_employee, block, wide_grid, transposed, register, summary,
                                    instructions)
BY_NAME: dict[str, ModuleType] = {family.NAME: family for family in REGISTRY}
ENTRY_FAMILIES = frozenset(family.NAME for family in REGISTRY if family.ENTRIES)
# Two readings this close are a tie: the sheet's layout is uncertain and says so.
TIE_MARGIN = 0.02
_FIND = object()


def candidates(sheet: Sheet, context: Context) -> list[Candidate]:
    """Every family's claim on the sheet, best first."""
    found = [c for family in REGISTRY if (c := family.detect(sheet, context)) is not None]
    return sorted(found, key=lambda c: -c.score)


def classify(sheet: Sheet, *, date1904: bool, period: tuple[dt.date, dt.date] | None,
             table: TableHeader | None | object = _FIND) -> Detection:
    """The sheet's family. ``table`` is its table header when the caller already has it (with a
    reviewer's stored mapping applied); by default it is looked for here."""
    if sheet.n_rows == 0 or not any(non_empty_columns(sheet, r) for r in range(sheet.n_rows)):
        return Detection("empty", confidence=1.0, evidence="no cell holds a value")
    if table is _FIND:
        table = find_table_header(sheet)
    ranked = candidates(sheet, Context(date1904=date1904, period=period, table=table))
    if not ranked:
        return Detection("unrecognized", table=table, confidence=0.0, evidence="no family recognised the sheet")
    best = ranked[0]
    runner_up = next((c for c in ranked[1:] if c.family != best.family), None)
    detection = Detection(best.family, table=best.table, date_header=best.date_header, date_column=best.date_column,
                          label_column=best.label_column, confidence=best.confidence, evidence=best.evidence)
    if runner_up is not None and best.score - runner_up.score < TIE_MARGIN:
        detection.alternatives.append(runner_up.family)
    return detection


def detect_layout(sheet: Sheet, *, date1904: bool = False, mappings: dict[str, dict] | None = None) -> Layout:
    """Classify one sheet through the registry and build its working layout (roles, header and data rows)."""
    return build_layout(sheet, date1904=date1904, mappings=mappings, classify=classify)


def read(layout: Layout, rates):
    return BY_NAME[layout.family].read(layout, rates)


__all__ = ["BY_NAME", "ENTRY_FAMILIES", "REGISTRY", "Candidate", "Context", "Family", "candidates", "classify",
           "detect_layout", "read"]
