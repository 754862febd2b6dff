from __future__ import annotations

import io

import pytest

from processing.onboarding.detect import (
    AMBIGUOUS_MODEL,
    UNKNOWN_MODEL,
    DetectionError,
    detect_model,
    looks_like_onboarding,
)
from processing.onboarding.parse import parse_file
from tests.onboarding.conftest import SAMPLES


@pytest.mark.parametrize("header", [
    ["full_name", "customerEmail", "joined_on"],
    ["customer_name", "email_address", "hire_date", "phone"],
    ["Name", "E-mail Address", "Start Date", "Company"],
    ["name", "email"],
])
def test_customer_headers_and_aliases_map_to_canonical_fields(header):
    detection = detect_model([header], "upload.csv")
    assert detection.model.name == "Customer"
    assert detection.has_header
    assert detection.columns[:2] == ("name", "email")


def test_start_date_alias_means_signup_date_for_a_customer():
    detection = detect_model([["full_name", "customerEmail", "start_date"]])
    assert detection.columns == ("name", "email", "signupDate")


def test_project_headers_are_told_from_customer_headers():
    detection = detect_model([["project_name", "start_date", "end_date", "budget_usd", "status"]])
    assert detection.model.name == "Project"


@pytest.mark.parametrize("name,model", [
    ("departments.csv", "Department"),
    ("jobs.csv", "JobTitle"),
    ("hired_employees.csv", "HiredEmployee"),
])
def test_headerless_hr_tables_are_detected_from_shape_and_name(name, model):
    parsed = parse_file(name, (SAMPLES / name).read_bytes())
    assert parsed.detection.model.name == model
    assert parsed.detection.reason == "shape"
    assert not parsed.detection.has_header
    assert parsed.rows[0].row == 1  # no header: the first line is row 1


def test_hired_employees_fit_by_shape_even_without_a_telling_name():
    data = b"1,Ann Example,2021-01-02T03:04:05Z,2,3\n2,Bo Example,2021-04-02T03:04:05Z,,\n"
    assert detect_model([r.split(",") for r in data.decode().splitlines()], "export.csv").model.name == "HiredEmployee"


def test_two_column_headerless_file_without_a_hint_is_ambiguous_and_lists_candidates():
    with pytest.raises(DetectionError) as caught:
        detect_model([["1", "Sales"], ["2", "Marketing"]], "export.csv")
    assert caught.value.code == AMBIGUOUS_MODEL
    assert caught.value.candidates == ["Department", "JobTitle"]
    assert "--model" in caught.value.message


def test_unknown_headers_list_every_model_and_its_required_columns():
    with pytest.raises(DetectionError) as caught:
        detect_model([["sku", "price", "colour"], ["A1", "3", "red"]], "stock.csv")
    assert caught.value.code == UNKNOWN_MODEL
    assert set(caught.value.candidates) == {"Customer", "Project", "Department", "JobTitle", "HiredEmployee"}


def test_headers_missing_a_required_column_are_unknown():
    with pytest.raises(DetectionError) as caught:
        detect_model([["full_name", "company", "phone"]])  # a customer needs an email
    assert caught.value.code == UNKNOWN_MODEL
    assert "Customer (name, email)" in caught.value.message


def test_model_option_overrides_detection():
    detection = detect_model([["1", "Sales"]], "export.csv", forced="JobTitle")
    assert detection.model.name == "JobTitle" and detection.reason == "forced"
    assert detect_model([["id", "job"], ["1", "x"]], forced="job_title").has_header


def test_xlsx_files_are_read_and_detected():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["customer_name", "email_address", "joined_on"])
    sheet.append(["Ann Example", "ann@example.com", None])
    buffer = io.BytesIO()
    book.save(buffer)
    parsed = parse_file("customers.xlsx", buffer.getvalue())
    assert parsed.detection.model.name == "Customer" and parsed.format == "xlsx"
    assert parsed.rows[0].row == 2 and parsed.rows[0].cells["email"] == "ann@example.com"


def test_intake_routes_onboarding_csvs_and_leaves_timecards_alone():
    from processing.intake import detect_kind

    assert looks_like_onboarding((SAMPLES / "customers.csv").read_bytes())
    assert looks_like_onboarding((SAMPLES / "departments.csv").read_bytes())
    assert looks_like_onboarding((SAMPLES / "hired_employees.csv").read_bytes())
    assert not looks_like_onboarding(b"Employee,Date,Hours,Rate\nJane Smith,2026-03-02,8,25\n")
    assert not looks_like_onboarding(b"\x00\x01binary")
    assert detect_kind((SAMPLES / "projects.csv").read_bytes(), "csv") == "onboarding"
    assert detect_kind(b"Employee,Date,Hours\nJane,2026-03-02,8\n", "csv") == "timecard"


HIRES_IN_OWN_WORDS = [["Emp #", "Employee", "Date Hired", "Dept", "Role Id"],
                      ["4535", "Marcelo Gonzalez", "2021-07-27T16:02:08Z", "1", "2"],
                      ["4572", "Lidia Mendez", "2021-07-27T19:04:09Z", "1", "2"],
                      ["4670", "Ann Lee", "2021-07-28T10:00:00Z", "3", "5"]]


def test_a_hires_batch_in_its_own_header_words_is_detected_from_header_and_content():
    detection = detect_model(HIRES_IN_OWN_WORDS, "batch.csv")
    assert detection.model.name == "HiredEmployee" and detection.reason == "evidence"
    assert detection.columns == ("id", "name", "datetime", "departmentId", "jobId")


def test_content_that_does_not_fit_the_field_is_not_mapped_by_its_header():
    rows = [row[:] for row in HIRES_IN_OWN_WORDS]
    for row in rows[1:]:
        row[0] = "not a number"  # "Emp #" over text: no id column, so no HiredEmployee
    with pytest.raises(DetectionError) as caught:
        detect_model(rows, "batch.csv")
    assert caught.value.code == "UNKNOWN_MODEL"


def test_unrelated_headers_stay_unknown():
    rows = [["Widget", "Colour", "Weight"], ["sprocket", "blue", "3"]]
    with pytest.raises(DetectionError) as caught:
        detect_model(rows, "parts.csv")
    assert caught.value.code == "UNKNOWN_MODEL"
