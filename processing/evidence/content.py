"""What a column's cells look like: the content half of a column's evidence.

A profile counts, over a sample of data rows, the kinds of values a column holds. Roles then ask
"does this content fit me?": an identity column holds person-name-like text, not two-letter state
codes, zip codes or money; an hours column holds durations, not times of day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from processing.values import clean_text, is_worked_marker, parse_state, to_decimal
from processing.workbook import CellError, Sheet

SAMPLE_ROWS = 400  # profiles look at this many data rows at most: interpretation stays linear

_NAME_RE = re.compile(r"^[^\W\d_][\w'’.\-]*(?:[ ,]+[^\W\d_][\w'’.\-()]*){0,4}$")
_ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")
_TIME_TEXT_RE = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m?\.?)?$", re.IGNORECASE)
_ID_RE = re.compile(r"^(?=.*\d)[A-Za-z]{0,4}[-#]?[\dA-Za-z-]{1,12}$")


def value_kind(value: object, number_format: str | None = None) -> str:
    """One word for what a cell holds: name, state, zip, id, time, money, number, mark, date, text, error."""
    if value is None:
        return "empty"
    if isinstance(value, CellError):
        return "error"
    if isinstance(value, bool):
        return "mark"
    if isinstance(value, (dt.datetime, dt.date)):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    if isinstance(value, (int, float)):
        fmt = (number_format or "").lower()
        if ("h" in fmt and ":" in fmt) or ("am/pm" in fmt):
            return "time"
        if "$" in fmt or "€" in fmt or "£" in fmt:
            return "money"
        return "number"
    text = clean_text(value)
    if not text:
        return "empty"
    if is_worked_marker(text):
        return "mark"
    if len(text) == 2 and text.isalpha() and text.isupper() and parse_state(text):
        return "state"
    if _ZIP_RE.match(text):
        return "zip"
    if _TIME_TEXT_RE.match(text):
        return "time"
    if text.startswith(("$", "-$")) or text.endswith("€"):
        return "money"
    if to_decimal(text) is not None:
        return "number"
    if _NAME_RE.match(text) and not any(ch.isdigit() for ch in text) and len(text) <= 60:
        return "name"
    if _ID_RE.match(text):
        return "id"
    return "text"


@dataclass
class ColumnProfile:
    counts: Counter = field(default_factory=Counter)
    distinct: int = 0
    filled: int = 0
    max_number: float | None = None

    def share(self, *kinds: str) -> float:
        return sum(self.counts[k] for k in kinds) / self.filled if self.filled else 0.0

    @property
    def person_like(self) -> float:
        """How much this column looks like it names people (names, mostly distinct)."""
        if not self.filled:
            return 0.0
        variety = min(1.0, self.distinct / max(1, self.filled) * 1.5)
        return self.share("name") * variety


def profile(sheet: Sheet, col: int, rows: Iterable[int]) -> ColumnProfile:
    result = ColumnProfile()
    seen: set[str] = set()
    for n, row in enumerate(rows):
        if n >= SAMPLE_ROWS:
            break
        cell = sheet.cell(row, col)
        kind = value_kind(cell.value, cell.number_format)
        if kind == "empty":
            continue
        result.filled += 1
        result.counts[kind] += 1
        seen.add(clean_text(cell.value).lower() if not isinstance(cell.value, CellError) else "#err")
        if kind in ("number", "money"):
            number = to_decimal(cell.value)
            if number is not None and number.is_finite():
                value = float(number)
                result.max_number = value if result.max_number is None else max(result.max_number, value)
    result.distinct = len(seen)
    return result


__all__ = ["SAMPLE_ROWS", "ColumnProfile", "profile", "value_kind"]
