"""Excel number formats: the built-in table and what a format says about a number.

The xls reader needs this to turn serial numbers into dates, times and durations the
way Excel shows them; calamine already does the same for xlsx.
"""

from __future__ import annotations

import re
from functools import lru_cache

GENERAL = "General"

# Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30). Kept here as data so that
# reading a CSV or an xlsx never imports openpyxl (0.35 s of the CLI's start-up).
BUILTIN_FORMATS: dict[int, str] = {
    0: GENERAL, 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

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
