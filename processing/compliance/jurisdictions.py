"""Where the work was done, as the jurisdictions whose rules apply.

A location is a two-letter state code ("CA"), optionally with a city after a hyphen
("CA-SAN_FRANCISCO", "ca-san francisco"). The city part selects a city row of the rate
tables (e.g. San Francisco's minimum wage) when one exists; a city the tables do not
know simply adds nothing. The work location is taken from the entry, then the timecard,
then the ``default_work_state`` setting: the place of work, never the employee's home.
Other spellings of a city (``rate_tables/location_aliases.csv``) map to the tables' key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from processing.compliance import tables
from processing.model import Entry, Timecard

FEDERAL = "US"

@dataclass(frozen=True)
class WorkLocation:
    state: str | None
    city: str | None = None  # "CA-SAN_FRANCISCO": state code, hyphen, city key

    def jurisdictions(self) -> tuple[str, ...]:
        """Federal first, then state, then city: every level whose minimum may apply."""
        levels = [FEDERAL]
        if self.state:
            levels.append(self.state)
        if self.city:
            levels.append(self.city)
        return tuple(levels)


def parse_location(text: str | None) -> WorkLocation:
    if not text or not text.strip():
        return WorkLocation(state=None)
    normalized = re.sub(r"[\s.]+", "_", text.strip().upper())
    state, _, city = normalized.partition("-")
    if len(state) != 2 or not state.isalpha():
        return WorkLocation(state=None)
    if not city:
        return WorkLocation(state=state)
    code = f"{state}-{city.strip('_')}"
    return WorkLocation(state=state, city=tables.location_aliases().get(code, code))


def work_location(entry: Entry, timecard: Timecard, default_state: str | None) -> WorkLocation:
    return parse_location(entry.work_state or timecard.work_state or default_state)


__all__ = ["FEDERAL", "WorkLocation", "parse_location", "work_location"]
