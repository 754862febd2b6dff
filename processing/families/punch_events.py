"""Clock event logs: a row per IN or OUT event (Employee, Date, Time, Direction), paired into shifts."""

from __future__ import annotations

from processing.families.base import Candidate, Context, has_person
from processing.workbook import Sheet

NAME = "punch_events"
ENTRIES = True
MIN_DIRECTION_SHARE = 0.8


def detect(sheet: Sheet, context: Context) -> Candidate | None:
    table = context.table
    if not table or not has_person(table) or not table.has("date", "punch_time", "punch_direction"):
        return None
    from processing.extraction.punch_events import direction_of

    col = table.first("punch_direction")
    rows = range(table.last_row + 1, min(sheet.n_rows, table.last_row + 200))
    values = [sheet.value(r, col) for r in rows if sheet.value(r, col) not in (None, "")]
    if not values:
        return None
    share = sum(1 for v in values if direction_of(v)) / len(values)
    if share < MIN_DIRECTION_SHARE:
        return None
    return Candidate(NAME, 0.96, f"person, date and time columns, {share:.0%} of the direction cells IN/OUT",
                     table=table)


def read(layout, rates):
    from processing.extraction.punch_events import extract_punch_events

    return extract_punch_events(layout, rates)
