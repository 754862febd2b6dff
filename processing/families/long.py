"""Long tables: one row per person and date, with hours or pay columns."""

from __future__ import annotations

from processing.families.base import Candidate, Context, has_person
from processing.families.signals import WORK_ROLES, date_column_has_dates
from processing.workbook import Sheet

NAME = "long"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    table = context.table
    if not table or not table.has("date") or not has_person(table):
        return None
    if not any(table.first(r) is not None for r in WORK_ROLES):
        return None
    if not date_column_has_dates(sheet, table, context):
        return None
    return Candidate(NAME, 0.9, "person and date columns with work columns, dates in the date column", table=table)


def read(layout, rates):
    from processing.extraction.rows import extract_rows

    return extract_rows(layout, rates)
