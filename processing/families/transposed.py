"""Transposed grids: dates down one column, a column per person."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import date_header
from processing.layout.headers import find_date_column
from processing.workbook import Sheet

NAME = "transposed"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    if date_header(sheet, context) is not None:
        return None  # dates across a row: a grid, not dates down a column
    found = find_date_column(sheet, date1904=context.date1904, period=context.period)
    if not found:
        return None
    return Candidate(NAME, 0.8, f"{len(found[1])} dates down column {found[0] + 1}", table=context.table,
                     date_column=found)


def read(layout, rates):
    from processing.extraction.transposed import extract_transposed

    return extract_transposed(layout, rates)
