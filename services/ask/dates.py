"""Dates in words, resolved against a stated "today".

A date without a year is the latest such date on or before today ("in May" asked in
March 2026 is May 2025); weeks are workweeks starting on the configured day. Only the
forms below are understood; anything else leaves the period unset, and the question is
refused with a list of forms that work, rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from services.ask.plan import Period

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_OF_MONTH = _MONTH.format(name="m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b"
DATE_WORDS = re.compile(r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})|" + _DAY_OF_MONTH + r")")
# "may" is also a verb: as a bare month it needs a preposition before it or a year after it.
MONTH_YEAR = re.compile(r"\b(?:(?P<prep>in|during|for|of|since|from)\s+)?" + _MONTH.format(name="m")
                        + r"(?:\s+(?P<y>\d{4}))?\b")
# A bare four-digit number may be an amount ("over 2000"): a year needs its preposition.
YEAR = re.compile(r"\b(?P<prep>in|during|for|of)\s+(?:the\s+year\s+)?(?P<y>(?:19|20)\d{2})\b")
QUARTER = re.compile(r"\b(?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)"
                     r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b")
LAST_N = re.compile(r"\b(?:last|past|previous)\s+(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS)
                    + r")\s+(?P<unit>days?|weeks?|months?)\b")


class DateNotUnderstood(ValueError):
    """Words that look like a date but do not make one (e.g. "February 30")."""


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateNotUnderstood(f"{calendar.month_name[month]} {day}, {year} is not a date") from None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _latest_month(month: int, today: dt.date) -> int:
    """The year of the latest such month that has begun by today."""
    return today.year if month <= today.month else today.year - 1


def _resolve_date(match: re.Match, today: dt.date) -> dt.date:
    if match.group("iso"):
        try:
            return dt.date.fromisoformat(match.group("iso"))
        except ValueError:
            raise DateNotUnderstood(f"{match.group('iso')} is not a date") from None
    month, day = MONTHS[match.group("m")], int(match.group("d"))
    if match.group("y"):
        return _date(int(match.group("y")), month, day)
    _date(2024, month, day)  # a leap year: refuses only days no year has (February 30)
    for year in range(today.year, today.year - 9, -1):  # February 29 may be up to 8 years back
        if calendar.isleap(year) or (month, day) != (2, 29):
            candidate = dt.date(year, month, day)
            if candidate <= today:
                return candidate
    raise DateNotUnderstood(f"{calendar.month_name[month]} {day} has no recent year")


def week_containing(day: dt.date, week_start: str) -> tuple[dt.date, dt.date]:
    offset = (day.weekday() - WEEKDAYS.index(week_start)) % 7
    start = day - dt.timedelta(days=offset)
    return start, start + dt.timedelta(days=6)


def _quarter(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = 3 * (quarter - 1) + 1
    return dt.date(year, first_month, 1), _month_end(year, first_month + 2)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


Span = tuple[int, int]


def resolve_period(text: str, today: dt.date, week_start: str = "monday") -> tuple[Period, Span] | None:
    """The period the (lower-cased) question names and where its words are, or None."""
    dates = list(DATE_WORDS.finditer(text))
    for keyword in ("between", "from"):
        if len(dates) >= 2 and re.search(rf"\b{keyword}\b", text[:dates[0].start()]):
            start, end = _resolve_date(dates[0], today), _resolve_date(dates[1], today)
            if end < start and not dates[1].groupdict().get("y") and not dates[1].group("iso"):
                end = end.replace(year=end.year + 1)
            keyword_at = text.rfind(keyword, 0, dates[0].start())
            return _period(start, end, text[dates[0].start():dates[1].end()], (keyword_at, dates[1].end()))
    if dates:
        first = dates[0]
        before = text[:first.start()]
        day = _resolve_date(first, today)
        week = re.search(r"\bweek\s+(?:of|starting|beginning|containing)\s+(?:on\s+)?$", before)
        if week:
            return _period(*week_containing(day, week_start), "week of " + first.group(0),
                           (week.start(), first.end()))
        since = re.search(r"\bsince\s+$", before)
        if since:
            return _period(day, today, "since " + first.group(0), (since.start(), first.end()))
        return _period(day, day, first.group(0), first.span())

    words = {
        "today": (today, today),
        "yesterday": (today - dt.timedelta(days=1),) * 2,
        "this week": week_containing(today, week_start),
        "last week": week_containing(today - dt.timedelta(days=7), week_start),
        "previous week": week_containing(today - dt.timedelta(days=7), week_start),
        "this month": (today.replace(day=1), _month_end(today.year, today.month)),
        "this year": (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
        "last year": (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    }
    year, month = _shift_months(today.year, today.month, -1)
    words["last month"] = words["previous month"] = (dt.date(year, month, 1), _month_end(year, month))
    this_quarter = (today.month - 1) // 3 + 1
    words["this quarter"] = _quarter(today.year, this_quarter)
    words["last quarter"] = (_quarter(today.year, this_quarter - 1) if this_quarter > 1
                             else _quarter(today.year - 1, 4))
    for phrase, (start, end) in words.items():
        found = re.search(rf"\b{phrase}\b", text)
        if found:
            return _period(start, end, phrase, found.span())

    last_n = LAST_N.search(text)
    if last_n:
        count = int(NUMBER_WORDS.get(last_n.group("n"), last_n.group("n")))
        unit = last_n.group("unit").rstrip("s")
        if count < 1:
            raise DateNotUnderstood("a period of zero length")
        if unit == "day":
            start = today - dt.timedelta(days=count - 1)
        elif unit == "week":
            start = today - dt.timedelta(days=7 * count - 1)
        else:
            year, month = _shift_months(today.year, today.month, -count)
            start = _date(year, month, min(today.day, calendar.monthrange(year, month)[1])) + dt.timedelta(days=1)
        return _period(start, today, last_n.group(0), last_n.span())

    quarter = QUARTER.search(text)
    if quarter:
        number = int(quarter.group("q") or ORDINAL_QUARTERS[quarter.group("ord")])
        if quarter.group("y"):
            year = int(quarter.group("y"))
        else:
            year_only = YEAR.search(text)
            year = int(year_only.group("y")) if year_only else (
                today.year if number <= this_quarter else today.year - 1)
        return _period(*_quarter(year, number), f"Q{number} {year}", quarter.span())

    for match in MONTH_YEAR.finditer(text):
        name = match.group("m")
        if name == "may" and not (match.group("prep") or match.group("y")):
            continue
        month = MONTHS[name]
        year = int(match.group("y")) if match.group("y") else _latest_month(month, today)
        start = dt.date(year, month, 1)
        if match.group("prep") == "since":
            return _period(start, today, match.group(0), match.span())
        return _period(start, _month_end(year, month), f"{calendar.month_name[month]} {year}", match.span())

    year_match = YEAR.search(text)
    if year_match:
        year = int(year_match.group("y"))
        return _period(dt.date(year, 1, 1), dt.date(year, 12, 31), year_match.group("y"), year_match.span())
    return None


def _period(start: dt.date, end: dt.date, phrase: str, span: Span) -> tuple[Period, Span]:
    if end < start:
        raise DateNotUnderstood("the period ends before it starts")
    return Period(start=start, end=end, phrase=phrase.strip()[:80]), span


__all__ = ["DateNotUnderstood", "Span", "resolve_period", "week_containing"]
