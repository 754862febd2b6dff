"""Excel number formats: the built-in table and what a format says about a number.

The xls reader needs this to turn serial numbers into dates, times and durations the
way Excel shows them; calamine already does the same for xlsx.
"""

from __future__ import annotations

import re
from functools import lru_cache

from openpyxl.styles.numbers import BUILTIN_FORMATS

GENERAL = "General"

# Quoted literals, escaped characters and [colour]/[condition] sections carry letters
# that are not date tokens ("Hours", [Red]); strip them before looking for d/m/y/h/s.
_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.')
_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.IGNORECASE)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_TOKENS = re.compile(r"d+|m+|y+|h+|s+", re.IGNORECASE)
_AM_PM = re.compile(r"am/pm|a/p", re.IGNORECASE)


def builtin_format(format_id: int) -> str | None:
    return BUILTIN_FORMATS.get(format_id)


@lru_cache(maxsize=512)
def classify(format_code: str | None) -> str | None:
    """ "duration", "datetime", "date", "time" or None (a plain number format)."""
    if not format_code or format_code == GENERAL:
        return None
    section = format_code.split(";", 1)[0]
    section = _LITERALS.sub("", section)
    if _ELAPSED.search(section):
        return "duration"
    section = _BRACKETS.sub("", section)
    has_time = bool(_AM_PM.search(section))
    has_date = False
    tokens = [token.lower() for token in _TOKENS.findall(_AM_PM.sub("", section))]
    for i, token in enumerate(tokens):
        kind = token[0]
        if kind == "m" and len(token) < 3:
            # Excel's rule: m right after an hour or right before seconds means minutes.
            after_hour = i > 0 and tokens[i - 1][0] == "h"
            before_seconds = i + 1 < len(tokens) and tokens[i + 1][0] == "s"
            kind = "h" if after_hour or before_seconds else "d"
        if kind in "dy" or kind == "m":
            has_date = True
        else:
            has_time = True
    if has_date and has_time:
        return "datetime"
    if has_date:
        return "date"
    if has_time:
        return "time"
    return None
