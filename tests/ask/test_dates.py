"""Dates in words, resolved against a stated today (and the configured first day of the week)."""

from __future__ import annotations

import datetime as dt

import pytest

from services.ask.dates import DateNotUnderstood, resolve_period

D = dt.date.fromisoformat


@pytest.mark.parametrize(("words", "today", "start", "end"), [
    ("in may", "2026-03-18", "2025-05-01", "2025-05-31"),  # May has not begun yet this year
    ("in march", "2026-03-18", "2026-03-01", "2026-03-31"),
    ("the week of march 2", "2026-02-10", "2025-02-24", "2025-03-02"),  # March 2, 2025 (a Sunday)
    ("last week", "2026-01-02", "2025-12-22", "2025-12-28"),
    ("this week", "2026-03-18", "2026-03-16", "2026-03-22"),
    ("last month", "2026-01-15", "2025-12-01", "2025-12-31"),
    ("q4", "2026-02-01", "2025-10-01", "2025-12-31"),
    ("q1 2021", "2026-03-18", "2021-01-01", "2021-03-31"),
    ("the second quarter of 2021", "2026-03-18", "2021-04-01", "2021-06-30"),
    ("last quarter", "2026-02-01", "2025-10-01", "2025-12-31"),
    ("between march 28 and april 3", "2026-04-10", "2026-03-28", "2026-04-03"),
    ("from 2026-02-01 to 2026-02-14", "2026-03-18", "2026-02-01", "2026-02-14"),
    ("since march 9", "2026-03-18", "2026-03-09", "2026-03-18"),
    ("last 7 days", "2026-03-18", "2026-03-12", "2026-03-18"),
    ("past three weeks", "2026-03-18", "2026-02-26", "2026-03-18"),
    ("on february 29", "2026-03-18", "2024-02-29", "2024-02-29"),  # the latest one that exists
    ("in 2021", "2026-03-18", "2021-01-01", "2021-12-31"),
    ("yesterday", "2026-03-01", "2026-02-28", "2026-02-28"),
])
def test_words_resolve_to_the_period(words, today, start, end):
    period, _ = resolve_period(words, D(today))
    assert (period.start, period.end) == (D(start), D(end))


def test_weeks_follow_the_configured_first_day():
    period, _ = resolve_period("the week of march 4", D("2026-03-18"), week_start="sunday")
    assert (period.start, period.end) == (D("2026-03-01"), D("2026-03-07"))


@pytest.mark.parametrize("words", ["may i see the hours", "over 2000 dollars", "hours by employee"])
def test_words_that_only_look_like_dates_name_no_period(words):
    assert resolve_period(words, D("2026-03-18")) is None


@pytest.mark.parametrize("words", ["on february 30", "on 2026-13-01", "between march 9 and march 2, 2026"])
def test_impossible_dates_are_refused(words):
    with pytest.raises(DateNotUnderstood):
        resolve_period(words, D("2026-03-18"))
