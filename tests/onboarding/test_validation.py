from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from processing.onboarding.parse import parse_file
from processing.onboarding.registry import CUSTOMER, DEPARTMENT, HIRED_EMPLOYEE, PROJECT
from processing.onboarding.validation import RawRow, validate_row, validate_rows


def codes(spec, cells) -> dict[str, str]:
    return {e.field: e.code for e in validate_row(spec, RawRow(2, cells)).errors}


def test_required_fields_are_reported_as_required():
    assert codes(CUSTOMER, {"name": " ", "email": None}) == {"name": "REQUIRED", "email": "REQUIRED"}


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "a b@example.com", "a@@example.com", "x" * 65 + "@ex.com"])
def test_malformed_emails_are_invalid_email(email):
    assert codes(CUSTOMER, {"name": "A", "email": email}) == {"email": "INVALID_EMAIL"}


@pytest.mark.parametrize("text,expected", [
    ("2024-01-15", dt.date(2024, 1, 15)),
    ("2024/01/15", dt.date(2024, 1, 15)),
    ("01/15/2024", dt.date(2024, 1, 15)),
    ("15/01/2024", dt.date(2024, 1, 15)),  # the first number cannot be a month: day first
    ("15.01.2024", dt.date(2024, 1, 15)),
    ("Jan 15, 2024", dt.date(2024, 1, 15)),
    ("15 January 2024", dt.date(2024, 1, 15)),
    ("January 15th, 2024", dt.date(2024, 1, 15)),
    ("2024-01-15T10:00:00Z", dt.date(2024, 1, 15)),
    (dt.datetime(2024, 1, 15, 9, 30), dt.date(2024, 1, 15)),  # an Excel date cell
])
def test_dates_in_iso_and_common_forms(text, expected):
    outcome = validate_row(CUSTOMER, RawRow(2, {"name": "A", "email": "a@example.com", "signupDate": text}))
    assert outcome.valid and outcome.values["signupDate"] == expected


@pytest.mark.parametrize("text", ["2024-02-30", "13/45/2024", "yesterday", "2024-13-01"])
def test_impossible_dates_are_invalid_date(text):
    assert codes(CUSTOMER, {"name": "A", "email": "a@example.com", "signupDate": text}) == {"signupDate": "INVALID_DATE"}


def test_hire_times_become_utc_instants():
    outcome = validate_row(HIRED_EMPLOYEE, RawRow(1, {"id": "7", "datetime": "2021-07-27T16:02:08-04:00"}))
    assert outcome.values["datetime"] == dt.datetime(2021, 7, 27, 20, 2, 8, tzinfo=dt.UTC)
    assert codes(HIRED_EMPLOYEE, {"id": "7", "datetime": "27th of never"}) == {"datetime": "INVALID_DATE"}


@pytest.mark.parametrize("text,expected", [
    ("$125,000.00", Decimal("125000.00")), ("18000", Decimal("18000.00")), ("  1 250.5 ", Decimal("1250.50")),
    (2500.1, Decimal("2500.10")),
])
def test_budgets_are_exact_amounts(text, expected):
    outcome = validate_row(PROJECT, RawRow(2, {"name": "P", "budget": text}))
    assert outcome.valid and outcome.values["budget"] == expected


def test_numbers_that_are_not_numbers_or_out_of_range():
    assert codes(PROJECT, {"name": "P", "budget": "abc"}) == {"budget": "INVALID_NUMBER"}
    assert codes(PROJECT, {"name": "P", "budget": "-500"}) == {"budget": "OUT_OF_RANGE"}
    assert codes(PROJECT, {"name": "P", "budget": "(300)"}) == {"budget": "OUT_OF_RANGE"}
    assert codes(PROJECT, {"name": "P", "budget": "5000000000000"}) == {"budget": "OUT_OF_RANGE"}


def test_ids_must_be_positive_integers():
    assert validate_row(DEPARTMENT, RawRow(1, {"id": 5.0, "department": "Sales"})).values["id"] == 5
    assert codes(DEPARTMENT, {"id": "5.5", "department": "Sales"}) == {"id": "INVALID_NUMBER"}
    assert codes(DEPARTMENT, {"id": "five", "department": "Sales"}) == {"id": "INVALID_NUMBER"}
    assert codes(DEPARTMENT, {"id": "0", "department": "Sales"}) == {"id": "OUT_OF_RANGE"}
    assert codes(HIRED_EMPLOYEE, {"id": "1", "departmentId": "x"}) == {"departmentId": "INVALID_NUMBER"}


@pytest.mark.parametrize("phone,expected", [
    ("(555) 201-3344", "5552013344"), ("+1 555 201 9911", "+15552019911"), ("555.201.7788 ext 12", "5552017788"),
    (5552014455.0, "5552014455"),
])
def test_phones_keep_their_digits(phone, expected):
    outcome = validate_row(CUSTOMER, RawRow(2, {"name": "A", "email": "a@example.com", "phone": phone}))
    assert outcome.values["phone"] == expected


@pytest.mark.parametrize("phone", ["12", "555-CALL-NOW", "1234567890123456"])
def test_bad_phones_are_invalid_phone(phone):
    assert codes(CUSTOMER, {"name": "A", "email": "a@example.com", "phone": phone}) == {"phone": "INVALID_PHONE"}


def test_text_longer_than_its_limit_is_too_long():
    assert codes(CUSTOMER, {"name": "x" * 201, "email": "a@example.com"}) == {"name": "TOO_LONG"}
    assert codes(DEPARTMENT, {"id": 1, "department": "y" * 101}) == {"department": "TOO_LONG"}


def test_end_before_start_and_unknown_status_are_out_of_range():
    assert codes(PROJECT, {"name": "P", "startDate": "2024-03-15", "endDate": "2024-03-01"}) == {"endDate": "OUT_OF_RANGE"}
    assert codes(PROJECT, {"name": "P", "startDate": "2024-03-01", "endDate": "2024-03-01"}) == {}
    assert codes(PROJECT, {"name": "P", "status": "sleeping"}) == {"status": "OUT_OF_RANGE"}
    assert validate_row(PROJECT, RawRow(2, {"name": "P", "status": "On Hold"})).values["status"] == "on_hold"


def test_every_error_of_a_row_is_collected_not_just_the_first():
    outcome = validate_row(CUSTOMER, RawRow(9, {"name": "", "email": "bad", "signupDate": "never", "phone": "1"}))
    assert [(e.row, e.field, e.code) for e in outcome.errors] == [
        (9, "name", "REQUIRED"), (9, "email", "INVALID_EMAIL"), (9, "signupDate", "INVALID_DATE"),
        (9, "phone", "INVALID_PHONE")]


def test_in_file_duplicates_ignore_case_and_name_the_first_row():
    data = b"name,email\nA,ann@example.com\nB,bob@example.com\n\nC,ANN@Example.com\n"
    parsed = parse_file("c.csv", data)
    outcomes = validate_rows(parsed.detection.model, parsed.rows)
    assert [o.row for o in outcomes] == [2, 3, 5]  # the blank line is skipped but still counted
    error = outcomes[2].errors[0]
    assert (error.row, error.field, error.code) == (5, "email", "DUPLICATE_IN_FILE")
    assert "row 2" in error.message


def test_duplicate_ids_in_a_headerless_file():
    parsed = parse_file("departments.csv", b"1,Sales\n2,Legal\n1,Support\n")
    outcomes = validate_rows(parsed.detection.model, parsed.rows)
    assert [(e.row, e.code) for o in outcomes for e in o.errors] == [(3, "DUPLICATE_IN_FILE")]


def test_messages_never_quote_the_value():
    secret = "jane.private@@example.com"
    outcome = validate_row(CUSTOMER, RawRow(2, {"name": "Jane Private", "email": secret, "phone": "Jane"}))
    assert all(secret not in e.message and "Jane" not in e.message for e in outcome.errors)
