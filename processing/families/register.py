"""Rate registers: people with their rates, salaries or classification, no days. Read first, to price
the day cells of the other sheets; never a source of entries."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import REGISTER_RATE_ROLES, has_identity, register_by_columns
from processing.workbook import Sheet

NAME = "register"
ENTRIES = False


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    if register_by_columns(sheet):
        return Candidate(NAME, 0.75, "rate labels down the first column, people across", table=context.table)
    table = context.table
    if table and has_identity(table) and {m.role for m in table.roles.values()} & REGISTER_RATE_ROLES:
        return Candidate(NAME, 0.7, "a person column with rate or salary columns", table=table)
    return None


def read(layout, rates):
    from processing.extraction.register import extract_register

    return extract_register(layout)
