"""Reading cells of a sheet the way a person sees them: merged values, dates behind
chained formulas (``=C4+1`` saved without a cached value), text of any cell.
"""

from __future__ import annotations

import datetime as dt
import re

from processing.evidence.periods import sheet_name_period
from processing.readers.refs import column_index, column_letters
from processing.values import clean_text, parse_date, parse_period
from processing.workbook import CellError, Sheet

UNAVAILABLE = CellError("#N/A")

_REF_RE = re.compile(r"^=\s*\$?([A-Z]{1,3})\$?(\d+)\s*(?:([+-])\s*(\d+(?:\.\d+)?))?\s*$", re.IGNORECASE)
BANNER_SCAN_ROWS = 40


# A1 column names: one implementation, shared with the readers.
column_letter = column_letters


def cell_ref(row: int, col: int) -> str:
    """0-based (row, col) as the spreadsheet reference people see ('C5')."""
    return f"{column_letter(col)}{row + 1}"


def text_at(sheet: Sheet, row: int, col: int, *, merged: bool = True) -> str:
    value = sheet.merged_value(row, col) if merged else sheet.value(row, col)
    return clean_text(value)


def row_is_empty(sheet: Sheet, row: int) -> bool:
    if row >= sheet.n_rows:
        return True
    return all(cell.value is None or clean_text(cell.value) == "" for cell in sheet.rows[row]
               if not isinstance(cell.value, CellError))


def non_empty_columns(sheet: Sheet, row: int) -> list[int]:
    if row >= sheet.n_rows:
        return []
    return [c for c, cell in enumerate(sheet.rows[row])
            if isinstance(cell.value, CellError) or clean_text(cell.value) != ""]


def date_at(
    sheet: Sheet,
    row: int,
    col: int,
    *,
    date1904: bool = False,
    period: tuple[dt.date, dt.date] | None = None,
    allow_serial: bool = True,
    dayfirst: bool = False,
    _depth: int = 0,
) -> dt.date | None:
    """The date a cell shows, following ``=C4+1`` chains when the file kept no cached value."""
    cell = sheet.cell(row, col)
    value = cell.value
    # No cached value, or the reader could not compute one (#N/A): follow a simple =C4+1 chain.
    unknown = value is None or value == UNAVAILABLE
    if unknown and cell.formula and _depth < 400:
        match = _REF_RE.match(cell.formula)
        if match:
            ref_col, ref_row = column_index(match.group(1)), int(match.group(2)) - 1
            base = date_at(sheet, ref_row, ref_col, date1904=date1904, period=period,
                           allow_serial=allow_serial, dayfirst=dayfirst, _depth=_depth + 1)
            if base is None:
                return None
            offset = float(match.group(4) or 0) * (-1 if match.group(3) == "-" else 1)
            if not offset.is_integer():
                return None
            return base + dt.timedelta(days=int(offset))
        return None
    if isinstance(value, bool):
        return None
    year = period[1].year if period else None
    return parse_date(value, date1904=date1904, period=period, default_year=year, allow_serial=allow_serial,
                      dayfirst=dayfirst)


_SLASH_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?\s*$")


def column_is_dayfirst(sheet: Sheet, col: int, rows: range) -> bool:
    """Whether a column's text dates are day/month: some first number over 12 and none second.
    Ambiguous columns (all parts <= 12) stay month/day, the US order."""
    day_first = month_first = False
    for row in rows:
        value = sheet.value(row, col)
        match = _SLASH_DATE_RE.match(value) if isinstance(value, str) else None
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first |= first > 12
            month_first |= second > 12
    return day_first and not month_first


def column_dates_are_ambiguous(sheet: Sheet, col: int, rows: range) -> bool:
    """Text dates that read as a plausible pay period both month/day and day/month (02/03/2026 alone, or
    01/02 + 02/03): the file gives no way to know the order. A part above 12 decides it, and so does a
    column that is a tight run of days one way and scattered over months the other way."""
    pairs = set()
    for row in rows:
        value = sheet.value(row, col)
        match = _SLASH_DATE_RE.match(value) if isinstance(value, str) else None
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 or second > 12:
            return False
        pairs.add((first, second))
    if not pairs or all(a == b for a, b in pairs):
        return False

    def span(month_first: bool) -> int:
        ordered = [(a, b) if month_first else (b, a) for a, b in pairs]
        days = [dt.date(2000, month, day) for month, day in ordered if _valid(2000, month, day)]
        return (max(days) - min(days)).days if days else 10_000

    return span(True) <= 62 and span(False) <= 62


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def find_period(sheet: Sheet, last_row: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The pay period stated in the banner (first rows) or the sheet name."""
    stop = min(sheet.n_rows, BANNER_SCAN_ROWS if last_row is None else last_row)
    for row in range(stop):
        for col in non_empty_columns(sheet, row):
            value = sheet.value(row, col)
            if isinstance(value, str):
                period = parse_period(value)
                if period:
                    return period
                # "Period:" in one cell and "3/2/26 - 3/8/26" in the next
        if row < sheet.n_rows:
            joined = " ".join(clean_text(c.value) for c in sheet.rows[row] if isinstance(c.value, str))
            period = parse_period(joined)
            if period:
                return period
    return labelled_period(sheet, stop) or parse_period(sheet.name) or sheet_name_period(sheet.name)


_START_LABEL = re.compile(r"(period|week|pay).*\b(start|begin|beginning|from)\b|\b(start|begin)\w*\s+date", re.I)
_END_LABEL = re.compile(r"(period|week|pay).*\b(end|ending|through|thru|to)\b|\bend\w*\s+date", re.I)


def labelled_period(sheet: Sheet, stop: int) -> tuple[dt.date, dt.date] | None:
    """"Pay Period Start Date:" and "Pay Period End Date:" labels, each with its date in a cell to the right."""
    found: dict[str, dt.date] = {}
    for row in range(stop):
        for col in non_empty_columns(sheet, row):
            value = sheet.value(row, col)
            if not isinstance(value, str):
                continue
            kind = "start" if _START_LABEL.search(value) else "end" if _END_LABEL.search(value) else None
            if kind is None or kind in found:
                continue
            for right in range(col + 1, min(col + 4, len(sheet.rows[row]))):
                day = parse_date(sheet.value(row, right), allow_serial=False) \
                    if not isinstance(sheet.value(row, right), str) else None
                if day:
                    found[kind] = day
                    break
    if "start" in found and "end" in found and 0 <= (found["end"] - found["start"]).days <= 62:
        return found["start"], found["end"]
    return None


__all__ = [
    "BANNER_SCAN_ROWS",
    "cell_ref",
    "column_index",
    "column_dates_are_ambiguous",
    "column_is_dayfirst",
    "column_letter",
    "date_at",
    "find_period",
    "non_empty_columns",
    "row_is_empty",
    "text_at",
]
