from __future__ import annotations

import pytest

from processing.layout.roles import is_sensitive_header, match_role, normalize_header


@pytest.mark.parametrize(
    ("header", "role", "method"),
    [
        ("Employee", "employee", "exact"),
        ("employee_id", "employee_id", "exact"),
        ("Employee Name", "employee", "alias"),
        ("Name (Last, First)", "employee", "alias"),
        ("Emp #", "employee_id", "alias"),
        ("Work Date", "date", "alias"),
        ("Time In", "time_in", "exact"),
        ("Clock Out", "time_out", "alias"),
        ("Break (min)", "break", "alias"),
        ("Lunch", "break", "alias"),
        ("Total Hrs.", "hours", "alias"),
        ("ST Hrs", "straight_hours", "alias"),
        ("OT", "overtime_hours", "alias"),
        ("Double Time", "double_time_hours", "alias"),
        ("Pay Rate", "hourly_rate", "alias"),
        ("Day Rate", "day_rate", "exact"),
        ("Weekly Rate", "weekly_rate", "exact"),
        ("Annual Salary", "salary", "alias"),
        ("Wage Subtotal", "wage_amount", "alias"),
        ("Gross Pay", "wage_amount", "alias"),
        ("Per Diem", "per_diem", "exact"),
        ("Reimb.", "reimbursement", "alias"),
        ("401k", "deduction", "alias"),
        ("Less Advances", "deduction", "alias"),
        ("Total Due", "total_due", "exact"),
        ("Work State", "work_state", "exact"),
    ],
)
def test_headers_map_to_roles(header, role, method):
    match = match_role(header)
    assert (match.role, match.method) == (role, method)
    assert 0 < match.confidence <= 1


@pytest.mark.parametrize(
    ("header", "role"),
    [("Employe Name", "employee"), ("Hourly Rat", "hourly_rate"), ("Overtme Hours", "overtime_hours"),
     ("Reimbursment", "reimbursement"), ("Clock Inn", "time_in")],
)
def test_misspelled_headers_match_fuzzily(header, role):
    match = match_role(header)
    assert match.role == role
    assert match.method == "fuzzy"
    assert match.confidence < 0.95  # less sure than an alias


@pytest.mark.parametrize("header", ["SSN", "Social Security #", "SS#", "EIN", "Tax ID", "Bank Account", "DOB"])
def test_sensitive_columns_are_recognised_first(header):
    assert is_sensitive_header(header)
    assert match_role(header).role == "ssn"


@pytest.mark.parametrize("header", ["Banana", "Notes about the show", "", None, "Q1", "Zebra crossing"])
def test_unknown_headers_have_no_role(header):
    assert match_role(header).role in (None, "notes")


def test_time_in_and_time_out_are_not_confused():
    assert match_role("Time In").role == "time_in"
    assert match_role("Time Out").role == "time_out"


def test_normalize_header():
    assert normalize_header("  Total Hrs. ") == "total hrs"
    assert normalize_header("Rate/Hr ($)") == "rate hr"
