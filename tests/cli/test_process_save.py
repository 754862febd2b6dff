"""`process --save` on a real (moto) store: the same intake, claim and completion as a worker
(services.completion.complete_job through store.transitions), and the stored settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.process import run

# 10.00 an hour: legal under the default federal minimum (7.25), not under a stored 12.00.
WEEK = b"Employee,Employee ID,Date,Hours,Rate\nJane Smith,E104,2026-03-02,8,10\n"


@pytest.fixture
def store_open(moto_store, monkeypatch):
    import cli.common

    monkeypatch.setattr(cli.common, "open_store_or_exit", lambda: None)  # the moto store is already open


def write(tmp_path: Path, data: bytes = WEEK) -> Path:
    path = tmp_path / "week.csv"
    path.write_bytes(data)
    return path


def issue_codes(result: dict) -> set[str]:
    return {issue["code"] for issue in result["issues"]}


def test_saved_job_goes_through_claim_and_completion_like_a_worker_job(store_open, tmp_path):
    from store.jobs import get_job, list_events
    from store.stats import queue_stats

    saved = run(write(tmp_path), save=True, priority=None)["job"]
    job = get_job(saved["id"])
    assert (saved["status"], job.status, int(job.attempts), job.lease_owner) == ("COMPLETED", "COMPLETED", 1, None)
    assert [(e.type, e.status) for e in list_events(job.job_id)] == [
        ("created", "PENDING"), ("status", "PROCESSING"), ("status", "COMPLETED")]
    counts = queue_stats().counts
    assert (counts["COMPLETED"], counts["PENDING"], counts["PROCESSING"]) == (1, 0, 0)


def test_saving_the_same_bytes_again_returns_the_existing_job(store_open, tmp_path):
    first = run(write(tmp_path), save=True, priority=None)["job"]
    again = run(write(tmp_path), save=True, priority=None)["job"]
    assert again == {**first, "duplicate": True}


def test_save_judges_by_the_stored_settings_and_priority(store_open, tmp_path):
    from store.jobs import get_job
    from store.settings import update_settings

    assert "MIN_WAGE" not in issue_codes(run(write(tmp_path), save=False, priority=None))  # defaults: 7.25
    update_settings({"federal_minimum_wage": "12.00", "default_job_priority": 3}, by="test")
    result = run(write(tmp_path), save=True, priority=None)
    assert "MIN_WAGE" in issue_codes(result)
    assert int(get_job(result["job"]["id"]).priority) == 3


def test_stored_settings_without_saving(store_open, tmp_path):
    from store.models import Job
    from store.settings import update_settings

    update_settings({"federal_minimum_wage": "12.00"}, by="test")
    assert "MIN_WAGE" in issue_codes(run(write(tmp_path), save=False, priority=None, stored_settings=True))
    assert not list(Job.scan())
