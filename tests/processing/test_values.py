from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from processing.values import (
    clean_text,
    excel_serial_to_datetime,
    is_non_work_marker,
    is_worked_marker,
    join_name,
    minutes_between,
    name_key,
    normalize_name,
    parse_break_hours,
    parse_date,
    parse_duration_hours,
    parse_money,
    parse_period,
    parse_state,
    parse_time,
    to_decimal,
)
from processing.workbook import CellError

# ----------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("serial", "date1904", "expected"),
    [
        (46083, False, dt.date(2026, 3, 2)),
        (1, False, dt.date(1900, 1, 1)),
        (59, False, dt.date(1900, 2, 28)),
        (61, False, dt.date(1900, 3, 1)),  # serial 60 is the fake 29 Feb 1900
        (0, True, dt.date(1904, 1, 1)),
        (44621, True, dt.date(2026, 3, 2)),  # the same day in the 1904 system is 1462 days less
    ],
)
def test_excel_serials_in_both_date_systems(serial, date1904, expected):
    assert excel_serial_to_datetime(serial, date1904).date() == expected


def test_the_fake_leap_day_of_1900_is_no_date():
    assert excel_serial_to_datetime(60) is None


def test_serial_with_a_time_fraction():
    assert excel_serial_to_datetime(46083.75) == dt.datetime(2026, 3, 2, 18, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        (dt.datetime(2026, 3, 2, 9, 30), dt.date(2026, 3, 2)),
        (46083, dt.date(2026, 3, 2)),
        (46083.0, dt.date(2026, 3, 2)),
        ("2026-03-02", dt.date(2026, 3, 2)),
        ("3/2/26", dt.date(2026, 3, 2)),
        ("03/02/2026", dt.date(2026, 3, 2)),
        ("Mon 3/2/2026", dt.date(2026, 3, 2)),
        ("Monday, March 2, 2026", dt.date(2026, 3, 2)),
        ("2-Mar-26", dt.date(2026, 3, 2)),
        ("25/3/26", dt.date(2026, 3, 25)),  # only day-first makes sense
    ],
)
def test_parse_date_accepts_what_people_type(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["OFF", "Total", "", None, True, 8.5, 12, CellError("#REF!"), "13/13/26", "Rate"])
def test_parse_date_refuses_non_dates(value):
    assert parse_date(value) is None


def test_serial_1904_needs_the_flag():
    assert parse_date(44621, date1904=True) == dt.date(2026, 3, 2)
    assert parse_date(44621) == dt.date(2022, 3, 1)


def test_a_date_without_a_year_takes_it_from_the_period():
    period = (dt.date(2025, 12, 27), dt.date(2026, 1, 9))
    assert parse_date("Mon 12/29", period=period) == dt.date(2025, 12, 29)
    assert parse_date("1/2", period=period) == dt.date(2026, 1, 2)
    assert parse_date("Mar 2", default_year=2026) == dt.date(2026, 3, 2)
    assert parse_date("3/2") is None  # no year anywhere: not guessed


def test_serials_can_be_refused_where_a_number_is_an_amount():
    assert parse_date(46083, allow_serial=False) is None


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_iso_and_us_text_round_trip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.month}/{day.day}/{day.year}") == day


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_serials_round_trip(day):
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(serial) == day
    serial_1904 = (day - dt.date(1904, 1, 1)).days
    if serial_1904 >= 20_000:
        assert parse_date(serial_1904, date1904=True) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PE: 02/27-03/12/25", (dt.date(2025, 2, 27), dt.date(2025, 3, 12))),
        ("Week of 5/19/25 - 5/25/2025", (dt.date(2025, 5, 19), dt.date(2025, 5, 25))),
        ("Pay period 03/02/2026 - 03/08/2026", (dt.date(2026, 3, 2), dt.date(2026, 3, 8))),
        ("Week ending 3/8/26", (dt.date(2026, 3, 2), dt.date(2026, 3, 8))),
        ("Week Ending: 03/15/2026", (dt.date(2026, 3, 9), dt.date(2026, 3, 15))),
        ("Week of 3/16/26", (dt.date(2026, 3, 16), dt.date(2026, 3, 22))),
        ("PE: 12/27-01/09/26", (dt.date(2025, 12, 27), dt.date(2026, 1, 9))),
        ("2026-03-02 to 2026-03-15", (dt.date(2026, 3, 2), dt.date(2026, 3, 15))),
    ],
)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["Tour Payroll Schedule", "", None, "Direct deposit 03/13/26", "Rates 2026"])
def test_parse_period_ignores_other_banner_lines(text):
    assert parse_period(text) is None


# ----------------------------------------------------------------- times and durations


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7:30", dt.time(7, 30)),
        ("07:30", dt.time(7, 30)),
        ("7:30 PM", dt.time(19, 30)),
        ("7:30pm", dt.time(19, 30)),
        ("12:00 AM", dt.time(0, 0)),
        ("12:15 PM", dt.time(12, 15)),
        ("7a", dt.time(7, 0)),
        ("1930", dt.time(19, 30)),
        ("22:00:00", dt.time(22, 0)),
        (0.75, dt.time(18, 0)),
        (dt.time(6, 15), dt.time(6, 15)),
        (dt.datetime(2026, 3, 2, 22, 0), dt.time(22, 0)),
        (dt.timedelta(hours=9), dt.time(9, 0)),
    ],
)
def test_parse_time(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["8", 8, "25:00", "13:00 PM", "OFF", None, CellError("#VALUE!"), 1.5])
def test_parse_time_refuses_non_times(value):
    assert parse_time(value) is None


def test_minutes_between_crosses_midnight():
    assert minutes_between(dt.time(22, 0), dt.time(6, 30)) == 510
    assert minutes_between(dt.time(9, 0), dt.time(17, 0)) == 480
    assert minutes_between(dt.time(9, 0), dt.time(9, 0)) == 24 * 60


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8h 30m", Decimal("8.5")),
        ("8h", Decimal("8")),
        ("30m", Decimal("0.5")),
        ("8 hrs 15 mins", Decimal("8.25")),
        ("8:30", Decimal("8.5")),
        ("8.5", Decimal("8.5")),
        ("7.35", Decimal("7.35")),  # decimal hours, not 7 h 35 min
        ("8,5", Decimal("8.5")),
        (8.1, Decimal("8.1")),
        (10, Decimal("10")),
        (dt.timedelta(hours=26, minutes=15), Decimal("26.25")),
        (dt.time(8, 45), Decimal("8.75")),
    ],
)
def test_parse_duration_hours(value, expected):
    assert parse_duration_hours(value) == expected


def test_duration_as_fraction_of_a_day():
    assert parse_duration_hours(0.375, fraction_of_day=True) == Decimal("9")
    assert parse_duration_hours(1.25, fraction_of_day=True) == Decimal("30")  # over 24 h


@pytest.mark.parametrize("value", ["OFF", "HM", "-", "", None, "n/a", CellError("#REF!"), "Travel", True])
def test_duration_markers_are_no_hours(value):
    assert parse_duration_hours(value) is None


@pytest.mark.parametrize(
    ("value", "header", "expected"),
    [
        ("0:30", "Break", Decimal("0.5")),
        (30, "Break (min)", Decimal("0.5")),
        (45, "Lunch", Decimal("0.75")),  # too big to be hours
        ("0.5", "Break", Decimal("0.5")),
        (dt.time(0, 30), "Lunch", Decimal("0.5")),
        (0.0208333333, "Lunch", Decimal("0.5")),  # a 0:30 cell read as a fraction of a day
        (1, "Meal", Decimal("1")),
    ],
)
def test_parse_break_hours(value, header, expected):
    result = parse_break_hours(value, header=header)
    assert result is not None and abs(result - expected) < Decimal("0.001")


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_clock_text_duration_matches_minutes(hours, minutes):
    # minutes/60 is not a finite decimal: exact to a billionth of an hour, rounded later
    assert abs(parse_duration_hours(f"{hours}:{minutes:02d}") * 60 - (hours * 60 + minutes)) < Decimal("0.000001")


# ----------------------------------------------------------------- money and numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("$1,234.50", Decimal("1234.50")),
        ("(3,456.78)", Decimal("-3456.78")),
        ("-$5.00", Decimal("-5.00")),
        ("$ 250", Decimal("250")),
        ("18.50/hr", Decimal("18.50")),
        ("$18.50 / hour", Decimal("18.50")),
        ("16,00", Decimal("16.00")),
        ("1,234", Decimal("1234")),
        ("USD 99.95", Decimal("99.95")),
        (250, Decimal("250")),
        (24.75, Decimal("24.75")),
    ],
)
def test_parse_money(value, expected):
    assert parse_money(value) == expected


@pytest.mark.parametrize("value", ["OFF", "-", "", None, "abc", "$", CellError("#DIV/0!"), dt.date(2026, 3, 2)])
def test_parse_money_refuses_non_money(value):
    assert parse_money(value) is None


@given(st.decimals(min_value=Decimal("-99999.99"), max_value=Decimal("99999.99"), places=2))
def test_money_formats_round_trip(amount):
    text = f"${abs(amount):,.2f}"
    assert parse_money(text) == abs(amount)
    if amount < 0:
        assert parse_money(f"({text})") == amount


def test_to_decimal_drops_float_noise_and_refuses_booleans():
    assert to_decimal(0.1 + 0.2) == Decimal("0.3")
    assert to_decimal(8.499999999999998) == Decimal("8.5")
    assert to_decimal(True) is None
    assert to_decimal("12") == Decimal(12)
    assert to_decimal("twelve") is None


# ----------------------------------------------------------------- names and markers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Smith, Jane", "Jane Smith"),
        ("  Jane    Smith ", "Jane Smith"),
        ("JANE SMITH", "JANE SMITH"),
        ("Robert (Bob) Jones", "Robert Jones"),
        ('Jones, Robert "Bob"', "Robert Jones"),
        ("Brennan, Kate (KB)", "Kate Brennan"),
        ("O'Brien, Patrick", "Patrick O'Brien"),
        ("Smith, Jane A.", "Jane A. Smith"),
        ("Jane\xa0Smith", "Jane Smith"),
    ],
)
def test_normalize_name(value, expected):
    assert normalize_name(value) == expected


def test_normalize_name_of_nothing():
    assert normalize_name("") is None
    assert normalize_name(None) is None
    assert normalize_name(CellError("#REF!")) is None


def test_join_name_and_name_key():
    assert join_name("Jane", " Smith ") == "Jane Smith"
    assert name_key("JANE  SMITH") == name_key("Jane Smith") == name_key("jane smith.")


@given(st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True), st.from_regex(r"[A-Z][a-z]{1,10}", fullmatch=True))
def test_last_first_and_first_last_agree(first, last):
    assume(first.lower() not in {"jr", "sr", "ii", "iii", "iv"})  # "Smith, Jr" is a suffix, not a first name
    assert normalize_name(f"{last}, {first}") == normalize_name(f"  {first}   {last} ") == f"{first} {last}"


@pytest.mark.parametrize("value", ["OFF", "off", "HM", "-", "", None, "N/A", "Holiday"])
def test_non_work_markers(value):
    assert is_non_work_marker(value)


@pytest.mark.parametrize("value", ["8", 8, "X", "SHOW"])
def test_values_that_are_not_non_work_markers(value):
    assert not is_non_work_marker(value)


def test_worked_markers():
    assert is_worked_marker("x") and is_worked_marker("✓")
    assert not is_worked_marker("OFF")


def test_state_codes_and_clean_text():
    assert parse_state("tx") == "TX"
    assert parse_state("Austin, TX") == "TX"
    assert parse_state("Texas Hall") is None
    assert clean_text("  a \n b ") == "a b"
    assert clean_text(3.0) == "3"
    assert clean_text(CellError("#REF!")) == ""


def test_period_words_must_be_words():
    assert parse_period("Shape 3/2/26") is None
    assert parse_period("W/E 3/8/26") == (dt.date(2026, 3, 2), dt.date(2026, 3, 8))


def test_parse_timestamp():
    from processing.values import parse_timestamp

    assert parse_timestamp("03/02/2026 10:00 PM") == dt.datetime(2026, 3, 2, 22, 0)
    assert parse_timestamp("2026-03-02T06:30") == dt.datetime(2026, 3, 2, 6, 30)
    assert parse_timestamp(46083.25) == dt.datetime(2026, 3, 2, 6, 0)
    assert parse_timestamp("10:00 PM") is None
    assert parse_timestamp("OFF") is None


# ----------------------------------------------------------------- numbers no timecard holds

from processing.values import (  # noqa: E402 - grouped with the tests that need them
    INFINITE,
    LATEST_DATE,
    NOT_A_NUMBER,
    TOO_LARGE,
    TOO_SMALL,
    parse_timestamp,
    unreadable_number,
)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (float("nan"), NOT_A_NUMBER),
        (float("inf"), INFINITE),
        (float("-inf"), INFINITE),
        (5e-324, TOO_SMALL),
        (1e308, TOO_LARGE),
        (10**13, TOO_LARGE),
        (Decimal("NaN"), NOT_A_NUMBER),
        (Decimal("-Infinity"), INFINITE),
        ("NaN", NOT_A_NUMBER),
        ("nan", NOT_A_NUMBER),
        ("Infinity", INFINITE),
        ("-inf", INFINITE),
        ("1e309", TOO_LARGE),
        ("1E308", TOO_LARGE),
        ("5e-324", TOO_SMALL),
        ("99999999999999", TOO_LARGE),
        ("1,000,000,000,000", TOO_LARGE),
    ],
)
def test_numbers_no_timecard_holds_are_unreadable_not_blank_or_zero(value, reason):
    assert unreadable_number(value) == reason
    # ... and no parser reads them as an amount (never 0, never an exception)
    assert to_decimal(value) is None
    assert parse_money(value) is None
    assert parse_duration_hours(value) is None
    assert parse_duration_hours(value, fraction_of_day=True) is None


@pytest.mark.parametrize("value", [8.5, 0, 0.0, 1.7763568394002505e-15, "8.5", "$1,234.50", "", None, "OFF",
                                   "Nan Smith", True, dt.date(2026, 3, 2), 999_999_999_999])
def test_ordinary_cells_are_not_unreadable_numbers(value):
    # float noise from a formula (=8.1-8.1) is zero, not an unreadable value
    assert unreadable_number(value) is None


def test_a_1e308_cell_neither_raises_nor_becomes_a_number():
    # Decimal quantizing of 1e308 raised InvalidOperation (an INTERNAL_ERROR for the file)
    assert to_decimal(1e308) is None
    assert parse_money("1" + "0" * 400) is None
    assert parse_duration_hours("9" * 40 + "h") is None
    assert parse_break_hours(1e308) is None


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_makes_a_number_parser_raise(value):
    for parse in (to_decimal, parse_money, parse_duration_hours, parse_break_hours, unreadable_number):
        parse(value)
    number = to_decimal(value)
    assert (number is None) == (unreadable_number(value) is not None)


@pytest.mark.parametrize(
    "value",
    [dt.date(9999, 12, 31), dt.datetime(9999, 12, 31, 23, 59), "9999-12-31", dt.date(2200, 1, 1),
     dt.date(1, 1, 1), "0001-01-01", "12/31/9999"],
)
def test_dates_outside_any_payroll_are_no_dates(value):
    # 9999-12-31 passed through and overflowed the week arithmetic downstream (OverflowError)
    assert parse_date(value) is None


def test_the_plausible_date_range_keeps_real_dates():
    assert parse_date(LATEST_DATE) == LATEST_DATE
    assert parse_date("2026-03-02") == dt.date(2026, 3, 2)
    assert parse_timestamp(dt.datetime(9999, 1, 1, 8, 0)) is None
    assert parse_timestamp(dt.datetime(2026, 3, 2, 8, 0)) == dt.datetime(2026, 3, 2, 8, 0)
