"""Pay periods a sheet's name states: "6.1.26-6.7.26", "1.25.25 - 2.1.25", "02-09-25" (one date: the week
ending then). Workbooks with one sheet per week name each sheet this way."""

from __future__ import annotations

import datetime as dt
import re

from processing.values import parse_date

_TOKEN = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
_RANGE_RE = re.compile(rf"^\s*(?:[A-Za-z ]*?)({_TOKEN})\s*(?:-|–|—|to|thru)\s*({_TOKEN})\s*$", re.IGNORECASE)
_SINGLE_RE = re.compile(rf"^\s*(?:w/?e|we|week ending|pe)?\s*({_TOKEN})\s*$", re.IGNORECASE)
MAX_PERIOD_DAYS = 62


def _date(token: str) -> dt.date | None:
    return parse_date(token.replace(".", "/").replace("-", "/"), allow_serial=False)


def sheet_name_period(name: str) -> tuple[dt.date, dt.date] | None:
    if match := _RANGE_RE.match(name):
        start, end = _date(match[1]), _date(match[2])
        if start and end and start <= end and (end - start).days <= MAX_PERIOD_DAYS:
            return start, end
        return None
    if match := _SINGLE_RE.match(name):
        end = _date(match[1])
        return (end - dt.timedelta(days=6), end) if end else None
    return None


__all__ = ["sheet_name_period"]
