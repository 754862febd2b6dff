"""Blocks per person: rows labelled PAID HOURS / OVERTIME / LABOR COST under one row of dates."""

from __future__ import annotations

from processing.families.base import Candidate, Context
from processing.families.signals import date_header, find_block_label_column
from processing.workbook import Sheet

NAME = "block"
ENTRIES = True


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    header = date_header(sheet, context)
    if header is None:
        return None
    label_col = find_block_label_column(sheet, header.row + 1)
    if label_col is None:
        return None
    # Above a plain wide grid: the repeated row labels are evidence the grid lacks.
    return Candidate(NAME, 0.88, "a date row, and a column repeating block labels below it", table=context.table,
                     date_header=header, label_column=label_col)


def read(layout, rates):
    from processing.extraction.block import extract_block

    return extract_block(layout, rates)
