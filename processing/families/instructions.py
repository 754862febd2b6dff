"""Instructions, legends and lookup lists: read by nobody, reported as such."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import INSTRUCTION_NAMES
from processing.workbook import Sheet

NAME = "instructions"
ENTRIES = False


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    if INSTRUCTION_NAMES.search(sheet.name):
        return Candidate(NAME, 0.3, "the sheet's name says instructions, notes or lists")
    return None


def read(layout, rates):
    from processing.extraction.records import SheetResult

    return SheetResult()
