"""One sheet per person: a date column and work columns, the person named in the banner or sheet name."""

from __future__ import annotations

from processing.families.base import Candidate, Context, has_person
from processing.families.signals import SUMMARY_NAMES, WORK_ROLES, date_column_has_dates
from processing.workbook import Sheet

NAME = "per_employee"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    table = context.table
    if not table or not table.has("date") or has_person(table) or SUMMARY_NAMES.search(sheet.name):
        return None
    if not any(table.first(r) is not None for r in WORK_ROLES):
        return None
    if not date_column_has_dates(sheet, table, context):
        return None
    return Candidate(NAME, 0.89, "date and work columns without a person column", table=table)


def read(layout, rates):
    from processing.extraction.per_employee import extract_per_employee

    return extract_per_employee(layout, rates)
