"""Pure parsers for the values people type into timecards.

Every function takes a raw cell value (whatever the reader produced: str, int, float,
date, datetime, time, timedelta, CellError or None) and returns a typed value or None
when the cell does not hold one. Nothing here raises on bad input and nothing here logs:
cells may hold personal data.

Hours and money come back as Decimal; floats from the reader are converted through
``str()`` so that 8.1 stays 8.1 and not 8.0999999...

A number no timecard can hold (NaN, an infinity, 1e309, a subnormal such as 5e-324, or a
magnitude past ``MAX_AMOUNT``) is never read as a number, never as 0 and never raises:
the parsers give None and ``unreadable_number`` says why, so the extraction can report
the cell instead of taking it for a blank. Dates outside ``EARLIEST_DATE``..``LATEST_DATE``
are no dates either (date arithmetic near year 9999 overflows).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from processing.workbook import CellError

# Cells that mean "no work / nothing to read" rather than a number (OFF, holiday, dash, N/A).
NON_WORK_MARKERS = frozenset(
    {"", "-", "--", "—", "–", "off", "hm", "h", "hol", "holiday", "n/a", "na", "none", "x-off", "a", "absent",
     "day off", "dayoff", "pto", "sick", "vac", "vacation", "rest", "travel off", "nil", "."}
)
# Cells that mean "worked that day" without saying how long.
WORKED_MARKERS = frozenset({"x", "✓", "✔", "☑", "y", "yes", "w", "worked", "p", "present", "late", "tardy"})

_EXCEL_1900_BASE = dt.datetime(1899, 12, 30)
_EXCEL_1904_BASE = dt.datetime(1904, 1, 1)
# Serial numbers that plausibly are payroll dates (1954-2119); anything else is a number.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000

CENT = Decimal("0.01")
# Patterns used per cell, compiled once.
_RATE_SUFFIX_RE = re.compile(r"\s*/\s*(hr|hour|h|day|d|wk|week)\.?$", re.IGNORECASE)
_DECIMAL_COMMA_MONEY_RE = re.compile(r"\d+,\d{2}")
_DECIMAL_COMMA_RE = re.compile(r"\d+,\d+")
_SERIAL_TEXT_RE = re.compile(r"\d{5}(\.\d+)?")
_SPACED_AMPM_RE = re.compile(r"\d\s+[ap]", re.IGNORECASE)
_FRACTION_RE = re.compile(r"0?\.\d+")
_PUNCTUATION_RE = re.compile(r"[^\w\s]")
HOUR_PLACES = Decimal("0.01")


def is_error(value: object) -> bool:
    return isinstance(value, CellError)


def clean_text(value: object) -> str:
    """The cell as single-spaced, trimmed text ('' for empty cells and error values)."""
    if value is None or isinstance(value, CellError):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\xa0", " ").split())


def is_non_work_marker(value: object) -> bool:
    """True for blank, OFF, HM (holiday), '-', N/A and similar: a day with no work to read."""
    if value is None:
        return True
    if isinstance(value, str):
        return clean_text(value).lower() in NON_WORK_MARKERS
    return False


def is_worked_marker(value: object) -> bool:
    if isinstance(value, str):
        return clean_text(value).lower() in WORKED_MARKERS
    return False


# --------------------------------------------------------------------------- numbers

# No hours, rate or pay on a timecard reaches a trillion; past it a cell is an overflow,
# a pasted identifier or an attack, and Decimal quantizing of ~1e308 raises.
MAX_AMOUNT = Decimal(10) ** 12
_SMALLEST_NORMAL_FLOAT = sys.float_info.min  # nonzero floats below it are subnormal (5e-324)
_SPECIAL_FLOAT_RE = re.compile(r"^[+-]?(nan|inf|infinity)$", re.IGNORECASE)
_SCIENTIFIC_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class UnreadableNumber:
    """Why a number-shaped cell cannot be an amount: "not a number", "infinite",
    "too large" or "too small". Never carries the cell's content."""

    reason: str


NOT_A_NUMBER = UnreadableNumber("not a number")
INFINITE = UnreadableNumber("infinite")
TOO_LARGE = UnreadableNumber("too large")
TOO_SMALL = UnreadableNumber("too small")


def unreadable_number(value: object) -> UnreadableNumber | None:
    """The reason a cell that looks like a number cannot be one, or None when it can (or
    when it is no number at all: text, blanks and dates are the other parsers' business).

    Meant for cells read as Hours, Rate or pay: there, "NaN" or "1e309" is a value the
    file holds and the checker could not read, which must be reported, not skipped.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return _float_problem(value)
    if isinstance(value, int):
        return TOO_LARGE if abs(value) >= MAX_AMOUNT else None
    if isinstance(value, Decimal):
        if value.is_nan():
            return NOT_A_NUMBER
        if value.is_infinite():
            return INFINITE
        return TOO_LARGE if abs(value) >= MAX_AMOUNT else None
    if isinstance(value, str):
        text = clean_text(value)
        if _SPECIAL_FLOAT_RE.match(text):
            return _float_problem(float(text))
        if _SCIENTIFIC_RE.match(text):  # "1e309" overflows a float: too large, not "inf"
            problem = _float_problem(float(text))
            return TOO_LARGE if problem is INFINITE else problem
        plain = text.replace(",", "") if _THOUSANDS_RE.match(text) else text
        if _NUMBER_RE.match(plain) and abs(Decimal(plain)) >= MAX_AMOUNT:
            return TOO_LARGE
    return None


def _float_problem(value: float) -> UnreadableNumber | None:
    if math.isnan(value):
        return NOT_A_NUMBER
    if math.isinf(value):
        return INFINITE  # also what float("1e309") is
    if abs(value) >= MAX_AMOUNT:
        return TOO_LARGE
    if value != 0 and abs(value) < _SMALLEST_NORMAL_FLOAT:
        return TOO_SMALL
    return None


_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def to_decimal(value: object) -> Decimal | None:
    """A plain number (int, float, numeric text) as Decimal; None otherwise."""
    if isinstance(value, bool) or value is None or isinstance(value, CellError):
        return None
    if isinstance(value, int):
        return Decimal(value) if abs(value) < MAX_AMOUNT else None
    if isinstance(value, float):
        if _float_problem(value) is not None:
            return None
        return _tidy(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return value if value.is_finite() and abs(value) < MAX_AMOUNT else None
    if isinstance(value, str):
        text = clean_text(value)
        if _THOUSANDS_RE.match(text):  # "1,234.50"; a lone "8,5" is not a thousands separator
            text = text.replace(",", "")
        if _NUMBER_RE.match(text):
            number = Decimal(text)
            return _tidy(number) if abs(number) < MAX_AMOUNT else None
    return None


def _tidy(value: Decimal) -> Decimal:
    """Drop float noise such as 8.499999999999998 -> 8.5 (12 significant places is plenty)."""
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        return value  # quantizing it could overflow the context; callers refuse it
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    rounded = value.quantize(Decimal("1e-9"), rounding=ROUND_HALF_UP).normalize()
    return rounded


_MONEY_RE = re.compile(
    r"^(?P<neg1>-)?\(?(?P<neg2>-)?\s*(?:usd|us\$|\$)?\s*(?P<num>\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?|\.\d+)\s*(?:usd)?\)?(?P<neg3>-)?$",
    re.IGNORECASE,
)


def parse_money(value: object) -> Decimal | None:
    """'$1,234.50' -> 1234.50, '(3,456.78)' -> -3456.78, 12 -> 12; None for non-money cells."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return to_decimal(value)
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    if not text or is_non_work_marker(text):
        return None
    text = _RATE_SUFFIX_RE.sub("", text)
    match = _MONEY_RE.match(text)
    if not match:
        return None
    number = match.group("num")
    if _DECIMAL_COMMA_MONEY_RE.fullmatch(number):  # "15,50": a decimal comma
        number = number.replace(",", ".")
    number = number.replace(",", "").replace(" ", "")
    try:
        amount = Decimal(number)
    except InvalidOperation:
        return None
    if abs(amount) >= MAX_AMOUNT:
        return None
    negative = bool(match.group("neg1") or match.group("neg2") or match.group("neg3"))
    negative = negative or (text.startswith("(") and text.endswith(")"))
    return -amount if negative else amount


def round_money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def round_hours(value: Decimal) -> Decimal:
    return value.quantize(HOUR_PLACES, rounding=ROUND_HALF_UP)


# --------------------------------------------------------------------------- dates


def excel_serial_to_datetime(serial: float, date1904: bool = False) -> dt.datetime | None:
    """An Excel serial number as a datetime, in the 1900 or 1904 date system.

    The 1900 system counts the fake 29 Feb 1900 (serial 60); serials below it are one day
    off from the usual 1899-12-30 base, so they get their own base.
    """
    if serial < 0:
        return None
    if date1904:
        base = _EXCEL_1904_BASE
    elif serial < 60:
        base = dt.datetime(1899, 12, 31)
    elif int(serial) == 60:
        return None  # 1900-02-29 does not exist
    else:
        base = _EXCEL_1900_BASE
    try:
        return base + dt.timedelta(days=float(serial))
    except OverflowError:
        return None


# Work dates a payroll file can plausibly hold. Past them a "date" is a typo or an attack,
# and later date arithmetic (week ends, periods) near year 9999 overflows.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def _plausible(day: dt.date | None) -> dt.date | None:
    return day if day is not None and EARLIEST_DATE <= day <= LATEST_DATE else None


_ISO_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_MDY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_WEEKDAY_PREFIX_RE = re.compile(
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
MONTHS = _MONTHS  # month names and abbreviations -> month number
_MONTH_DAY_RE = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}|\d{2}))?$", re.IGNORECASE)
_DAY_MONTH_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?(?:[\s,-]+(\d{4}|\d{2}))?$", re.IGNORECASE)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, default_year: int | None, period: tuple[dt.date, dt.date] | None) -> int | None:
    """A year for a date written without one: the one that puts it inside the period."""
    if period:
        for year in range(period[0].year, period[1].year + 1):
            candidate = _safe_date(year, month, day)
            if candidate and period[0] - dt.timedelta(days=7) <= candidate <= period[1] + dt.timedelta(days=7):
                return year
        return period[1].year
    return default_year


def parse_date(
    value: object,
    *,
    date1904: bool = False,
    default_year: int | None = None,
    period: tuple[dt.date, dt.date] | None = None,
    dayfirst: bool = False,
    allow_serial: bool = True,
) -> dt.date | None:
    """A cell as a calendar date, or None.

    Accepts date/datetime objects, Excel serials (when ``allow_serial``), ISO text,
    US "3/2/26", "03/02/2026", "Mon 3/2", "Mar 2", "2-Mar-26". A date without a year takes
    the year that puts it inside ``period`` (from the sheet's period text), else
    ``default_year``; with neither it is None. Dates before ``EARLIEST_DATE`` or after
    ``LATEST_DATE`` are None.
    """
    return _plausible(_parse_date(value, date1904=date1904, default_year=default_year, period=period,
                                  dayfirst=dayfirst, allow_serial=allow_serial))


def _parse_date(
    value: object,
    *,
    date1904: bool = False,
    default_year: int | None = None,
    period: tuple[dt.date, dt.date] | None = None,
    dayfirst: bool = False,
    allow_serial: bool = True,
) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, CellError):
        return None
    if isinstance(value, (int, float)):
        if allow_serial and _SERIAL_MIN <= value <= _SERIAL_MAX:
            converted = excel_serial_to_datetime(float(value), date1904)
            return converted.date() if converted else None
        return None
    if not isinstance(value, str):
        return None
    text = _WEEKDAY_PREFIX_RE.sub("", clean_text(value)).strip()
    if not text:
        return None
    if allow_serial and _SERIAL_TEXT_RE.fullmatch(text):
        return parse_date(float(text), date1904=date1904, allow_serial=True)
    if m := _ISO_RE.match(text):
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MDY_RE.match(text):
        first, second = int(m.group(1)), int(m.group(2))
        month, day = (second, first) if dayfirst else (first, second)
        if month > 12 and day <= 12:  # "25/3/26" can only be day-first
            month, day = day, month
        year = _year(m.group(3)) or _year_for(month, day, default_year, period)
        return _safe_date(year, month, day) if year else None
    if m := _MONTH_DAY_RE.match(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            day = int(m.group(2))
            year = _year(m.group(3)) or _year_for(month, day, default_year, period)
            return _safe_date(year, month, day) if year else None
    if m := _DAY_MONTH_RE.match(text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            day = int(m.group(1))
            year = _year(m.group(3)) or _year_for(month, day, default_year, period)
            return _safe_date(year, month, day) if year else None
    return None


_STAMP_RE = re.compile(r"^(?P<date>\S+(?:\s+\d{1,2},?\s+\d{4})?)[\sT]+(?P<time>\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m?\.?)?)$",
                       re.IGNORECASE)


def parse_timestamp(value: object, *, date1904: bool = False) -> dt.datetime | None:
    """A punch stamp holding both date and time: datetime cells, serials with a time part,
    '03/02/2026 10:00 PM', '2026-03-02T22:00'."""
    if isinstance(value, dt.datetime):
        return value if _plausible(value.date()) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _SERIAL_MIN <= value <= _SERIAL_MAX:
        return excel_serial_to_datetime(float(value), date1904)
    if isinstance(value, str):
        match = _STAMP_RE.match(clean_text(value))
        if match:
            day = parse_date(match.group("date"), allow_serial=False)
            clock = parse_time(match.group("time"))
            if day and clock:
                return dt.datetime.combine(day, clock)
    return None


# Period text: "PE: 02/27-03/12/25", "Week of 5/19/25 - 5/25/2025",
# "Pay period 03/02/2026 - 03/08/2026", "Week ending 3/8/26".
_DATE_TOKEN = r"(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
_RANGE_RE = re.compile(_DATE_TOKEN + r"\s*(?:-|–|—|to|thru|through)\s*" + _DATE_TOKEN, re.IGNORECASE)
_ENDING_RE = re.compile(r"\b(?:week\s*end(?:ing)?|w/e|we|pe|period\s*end(?:ing)?)\s*[:.]?\s*" + _DATE_TOKEN, re.IGNORECASE)
_WEEK_OF_RE = re.compile(r"\bweek\s*of\s*[:.]?\s*" + _DATE_TOKEN, re.IGNORECASE)


def parse_period(text: object) -> tuple[dt.date, dt.date] | None:
    """The pay period a banner line states, as (start, end), or None."""
    line = clean_text(text)
    if not line:
        return None
    if m := _RANGE_RE.search(line):
        end = parse_date(m.group(2), allow_serial=False)
        if end is None:
            return None
        start = parse_date(m.group(1), allow_serial=False, default_year=end.year)
        if start is None:
            return None
        if start > end and start.year == end.year:  # "PE: 12/27-01/09/26" crosses a new year
            start = start.replace(year=end.year - 1)
        return (start, end) if start <= end and (end - start).days <= 62 else None
    if m := _ENDING_RE.search(line):
        end = parse_date(m.group(1), allow_serial=False)
        return (end - dt.timedelta(days=6), end) if end else None
    if m := _WEEK_OF_RE.search(line):
        start = parse_date(m.group(1), allow_serial=False)
        return (start, start + dt.timedelta(days=6)) if start else None
    return None


# --------------------------------------------------------------------------- times


_TIME_RE = re.compile(
    r"^(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ampm>a\.?m?\.?|p\.?m?\.?)?$",
    re.IGNORECASE,
)


def parse_time(value: object) -> dt.time | None:
    """A clock time: time objects, fractions of a day, '7:30', '7:30 PM', '1930', '7a'."""
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    if isinstance(value, dt.timedelta):
        seconds = int(round(value.total_seconds())) % 86_400
        return dt.time(seconds // 3600, seconds % 3600 // 60)
    if isinstance(value, bool) or value is None or isinstance(value, CellError):
        return None
    if isinstance(value, (int, float)):
        if 0 <= value < 1:
            return _time_from_fraction(value)
        return None
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    if _SPACED_AMPM_RE.search(text):
        text = text.replace(" ", "")  # "7:30 PM" -> "7:30PM"
    if not text:
        return None
    if _FRACTION_RE.fullmatch(text):
        return _time_from_fraction(float(text))
    match = _TIME_RE.match(text)
    if not match:
        return None
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    second = int(match.group("s") or 0)
    ampm = (match.group("ampm") or "").lower()
    if match.group("m") is None and not ampm:
        return None  # a bare number is an amount, not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour == 24 and minute == 0:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


def _time_from_fraction(fraction: float) -> dt.time:
    seconds = int(round(fraction * 86_400)) % 86_400
    return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


def minutes_between(start: dt.time, end: dt.time) -> int:
    """Minutes from start to end; an end at or before the start is on the next day."""
    start_min = start.hour * 60 + start.minute
    end_min = end.hour * 60 + end.minute
    if end_min <= start_min:
        end_min += 24 * 60
    return end_min - start_min


# --------------------------------------------------------------------------- durations


_HM_RE = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes))?$",
    re.IGNORECASE,
)
_CLOCK_DURATION_RE = re.compile(r"^(?P<h>\d+):(?P<m>\d{2})(?::(?P<s>\d{2}))?$")


def parse_duration_hours(value: object, *, fraction_of_day: bool = False) -> Decimal | None:
    """A length of time in hours: 8.5, '8.5', '8:30', '8h 30m', '30m', timedelta, or a
    time-of-day used as a duration (a cell formatted h:mm). With ``fraction_of_day`` a
    number is a fraction of 24 hours (a cell formatted [h]:mm). Markers give None, and so
    does a length no timecard holds (see ``unreadable_number``).
    """
    hours = _duration_hours(value, fraction_of_day)
    return hours if hours is None or abs(hours) < MAX_AMOUNT else None


def _duration_hours(value: object, fraction_of_day: bool) -> Decimal | None:
    if isinstance(value, dt.timedelta):
        return _tidy(Decimal(int(round(value.total_seconds()))) / Decimal(3600))
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return _tidy(Decimal(seconds) / Decimal(3600))
    if isinstance(value, bool) or value is None or isinstance(value, CellError):
        return None
    if isinstance(value, (int, float)):
        number = to_decimal(value)
        if number is not None and fraction_of_day:
            return _tidy(number * 24)
        return number
    if not isinstance(value, str):
        return None
    text = clean_text(value).lower()
    if not text or is_non_work_marker(text):
        return None
    number = to_decimal(text)
    if number is not None:
        return number
    if _DECIMAL_COMMA_RE.fullmatch(text):  # "8,5" with a decimal comma
        return Decimal(text.replace(",", "."))
    if m := _CLOCK_DURATION_RE.match(text):
        minutes = int(m.group("h")) * 60 + int(m.group("m"))
        if int(m.group("m")) > 59:
            return None
        return _tidy(Decimal(minutes) / Decimal(60))
    if m := _HM_RE.match(text.replace(" ", "")):
        if m.group("h") is None and m.group("m") is None:
            return None
        hours = Decimal(m.group("h") or 0) + Decimal(m.group("m") or 0) / Decimal(60)
        return _tidy(hours)
    return None


def parse_break_hours(value: object, *, header: str = "") -> Decimal | None:
    """An unpaid break: '0:30', '30' (minutes when the header or size says so), '0.5'."""
    if isinstance(value, (dt.time, dt.timedelta)):
        return parse_duration_hours(value)
    if isinstance(value, float) and 0 < value < 1 and "min" not in header.lower():
        # 0.5 could be hours or a fraction of a day (0:30 formatted); a half-day break is absurd.
        return parse_duration_hours(value, fraction_of_day=value < 0.1)
    number = to_decimal(value)
    if number is not None:
        if "min" in header.lower() or number > 4:
            return _tidy(number / Decimal(60))
        return number
    return parse_duration_hours(value)


# --------------------------------------------------------------------------- names


_PARENS_RE = re.compile(r"\s*[\(\[\"“][^)\]\"”]*[\)\]\"”]\s*")


def normalize_name(value: object) -> str | None:
    """A person's name as 'First Last': 'Smith, Jane' -> 'Jane Smith', nicknames in
    parentheses or quotes dropped, single-spaced and trimmed. Case is kept as typed."""
    text = clean_text(value)
    if not text:
        return None
    text = _PARENS_RE.sub(" ", text)
    text = " ".join(text.split()).strip(" ,")
    if "," in text:
        last, _, first = text.partition(",")
        last, first = last.strip(), first.strip()
        suffix = ""
        if first.lower().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
            return f"{last} {first}".strip() or None
        text = f"{first} {last}{suffix}".strip()
    text = " ".join(text.split())
    return text or None


def join_name(first: object, last: object) -> str | None:
    first_text, last_text = clean_text(first), clean_text(last)
    return normalize_name(f"{first_text} {last_text}".strip())


def name_key(name: str) -> str:
    """The key two spellings of one person's name share (case, dots and spacing ignored)."""
    return " ".join(_PUNCTUATION_RE.sub(" ", name.casefold()).split())


_ID_RE = re.compile(r"^[A-Za-z]{0,4}[-#]?\d{1,10}$")


def normalize_employee_id(value: object) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    return text if _ID_RE.match(text) or len(text) <= 16 else None


_STATES = frozenset(
    ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR"]
)


def parse_state(value: object) -> str | None:
    """A two-letter US state code ('ca', 'CA', 'Los Angeles, CA') or None."""
    text = clean_text(value).upper()
    if text in _STATES:
        return text
    m = re.search(r",\s*([A-Z]{2})(?:\s+\d{5})?$", text)
    if m and m.group(1) in _STATES:
        return m.group(1)
    return None


def parse_bool(value: object) -> bool | None:
    text = clean_text(value).lower()
    if text in {"y", "yes", "true", "x", "1", "exempt", "e"}:
        return True
    if text in {"n", "no", "false", "0", "non-exempt", "nonexempt", "ne"}:
        return False
    return None


__all__ = [
    "MONTHS",
    "NON_WORK_MARKERS",
    "WORKED_MARKERS",
    "clean_text",
    "excel_serial_to_datetime",
    "is_error",
    "is_non_work_marker",
    "is_worked_marker",
    "join_name",
    "minutes_between",
    "name_key",
    "normalize_employee_id",
    "normalize_name",
    "parse_bool",
    "parse_break_hours",
    "parse_date",
    "parse_duration_hours",
    "parse_money",
    "parse_period",
    "parse_state",
    "parse_time",
    "parse_timestamp",
    "round_hours",
    "round_money",
    "to_decimal",
    "unreadable_number",
    "EARLIEST_DATE",
    "INFINITE",
    "LATEST_DATE",
    "MAX_AMOUNT",
    "NOT_A_NUMBER",
    "TOO_LARGE",
    "TOO_SMALL",
    "UnreadableNumber",
]
