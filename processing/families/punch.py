"""Punch exports: a row per shift or clock pair, Time In / Time Out, with the person on every row."""

from __future__ import annotations

from processing.families.base import Candidate, Context, has_person
from processing.families.signals import date_column_has_dates, stamps_carry_dates
from processing.workbook import Sheet

NAME = "punch"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    table = context.table
    if not table or not table.has("time_in", "time_out") or not has_person(table):
        return None
    if table.has("date") and date_column_has_dates(sheet, table, context):
        return Candidate(NAME, 0.95, "person, date, time in and time out columns", table=table)
    if not table.has("date") and stamps_carry_dates(sheet, table, context):
        return Candidate(NAME, 0.9, "person and time in/out columns whose cells carry their date", table=table)
    return None


def read(layout, rates):
    from processing.extraction.rows import extract_rows  # readers import the layout types this registry builds

    return extract_rows(layout, rates)
