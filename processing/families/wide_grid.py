"""Wide grids: a row per person, a column per day headed by its date (or day of month under a month)."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import date_header
from processing.workbook import Sheet

NAME = "wide_grid"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    header = date_header(sheet, context)
    if header is None:
        return None
    return Candidate(NAME, 0.85, f"a row of {len(header.dates)} consecutive dates over day columns",
                     table=context.table, date_header=header)


def read(layout, rates):
    from processing.extraction.wide import extract_wide

    return extract_wide(layout, rates)
