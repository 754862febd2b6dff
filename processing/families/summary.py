"""Summary sheets: a person per row with period totals (hours, wages, total due). Checked against
the daily sheets (TOTAL_MISMATCH when they disagree), never added to them."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import TOTAL_ROLES, has_identity
from processing.workbook import Sheet

NAME = "summary"
ENTRIES = False


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    table = context.table
    if table and has_identity(table) and {m.role for m in table.roles.values()} & TOTAL_ROLES:
        return Candidate(NAME, 0.72, "a person column with period total columns and no dates", table=table)
    return None


def read(layout, rates):
    from processing.extraction.register import extract_summary

    return extract_summary(layout)
