"""A reviewer's column mapping is stored by layout fingerprint and read the next file of that layout."""

from __future__ import annotations

import pytest

from processing.errors import InputError
from processing.mapping_review import validate_columns
from services.jobs import LazyMappings
from services.mapping_review import MappingError, confirm_mapping
from services.worker import WorkerPool
from store import queue
from store.jobs import get_job, job_result, retry_job
from store.mappings import get_mappings
from store.uploads import register_upload

UNKNOWN_HOURS_HEADER = b"Name,Date,Arbeitszeit,Rate\nAna Ruiz,2026-03-02,8,20\nAna Ruiz,2026-03-03,7.5,20\n"
NEXT_WEEK_SAME_LAYOUT = b"Name,Date,Arbeitszeit,Rate\nAna Ruiz,2026-03-09,6,20\n"


def run_one_job(job_id: str) -> None:
    pool = WorkerPool(poll_interval=0.05)
    job = queue.claim_next_job("reviewer-test", 30)
    assert job is not None and job.job_id == job_id
    pool.run_job(job, "reviewer-test")


def test_unrecognized_layout_becomes_readable_once_a_reviewer_maps_it(moto_store):
    upload = register_upload("week.csv", UNKNOWN_HOURS_HEADER, kind="timecard", file_format="csv", priority=2,
                             uploaded_by="t")
    run_one_job(upload.job.job_id)
    failed = get_job(upload.job.job_id)
    assert failed.status == "FAILED" and failed.error["code"] == "UNRECOGNIZED_LAYOUT"

    stored = confirm_mapping(upload.job.job_id, "week", {"C": "hours"}, confirmed_by="rita")
    assert get_mappings([stored["fingerprint"]]) == {stored["fingerprint"]: {"C": "hours"}}

    retry_job(upload.job.job_id, by="rita")
    run_one_job(upload.job.job_id)
    done = get_job(upload.job.job_id)
    assert done.status in ("COMPLETED", "REVIEW"), (done.status, done.error)
    result = job_result(done)
    entries = result["timecards"][0]["entries"]
    assert [(e["date"], e["hours"], e["pay"]) for e in entries] == [("2026-03-02", 8.0, 160.0), ("2026-03-03", 7.5, 150.0)]
    assert {s["method"] for s in result["sheets"]} == {"stored_mapping"}

    # the next file of the same layout is read with the stored mapping, no reviewer needed
    from core.operational_settings import OperationalSettings
    from processing.pipeline import process_file

    outcome = process_file("week.csv", NEXT_WEEK_SAME_LAYOUT, OperationalSettings(), mappings=LazyMappings(get_mappings))
    assert outcome.result["timecards"][0]["total_hours"] == 6.0


def test_without_the_mapping_the_same_file_is_refused():
    from core.operational_settings import OperationalSettings
    from processing.pipeline import process_file

    with pytest.raises(InputError) as refused:
        process_file("week.csv", NEXT_WEEK_SAME_LAYOUT, OperationalSettings())
    assert refused.value.code == "UNRECOGNIZED_LAYOUT"


@pytest.mark.parametrize(
    ("columns", "code"),
    [({}, "EMPTY_MAPPING"), ({"C1": "hours"}, "INVALID_COLUMN"), ({"C": "hourz"}, "UNKNOWN_ROLE")],
)
def test_bad_mappings_are_refused_with_codes(columns, code):
    with pytest.raises(MappingError) as refused:
        validate_columns(columns)
    assert refused.value.code == code


def test_unknown_sheet_names_the_sheets_there_are(moto_store):
    upload = register_upload("week.csv", UNKNOWN_HOURS_HEADER, kind="timecard", file_format="csv", priority=2,
                             uploaded_by="t")
    with pytest.raises(MappingError) as refused:
        confirm_mapping(upload.job.job_id, "Sheet9", {"C": "hours"}, confirmed_by="rita")
    assert refused.value.code == "UNKNOWN_SHEET" and "week" in refused.value.message
