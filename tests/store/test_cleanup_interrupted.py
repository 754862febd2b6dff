"""A cleanup stopped between deleting a job and purging its data strands nothing: the same
bytes upload again as a new job, and a File left pointing at a deleted job is repaired."""

from __future__ import annotations

import datetime as dt

import pytest

from store import queue
from store.job_states import COMPLETED, PENDING
from store.models import FileRecord, Job
from store.uploads import register_upload

DATA = b"Employee,Date,Hours\nAna Ruiz,2026-03-02,8\n"


class Killed(Exception):
    """The process died here."""


def finished_long_ago() -> str:
    upload = register_upload("w.csv", DATA, kind="timecard", file_format="csv", priority=2, uploaded_by="t")
    job = queue.claim_job(upload.job, "w", 30)
    queue.finish_job(job, "w", COMPLETED, {"ok": True})
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    Job(job.job_id).update(actions=[Job.completed_at.set(long_ago),
                                    Job.status_sk.set(long_ago.strftime("%Y-%m-%dT%H:%M:%S.%fZ") + "#" + job.job_id)])
    return job.job_id


def die_before_purge(monkeypatch) -> None:
    def killed(job):
        raise Killed

    monkeypatch.setattr("store.cleanup.purge_job_data", killed)
    monkeypatch.setattr("store.jobs.purge_job_data", killed)


def test_sweep_killed_between_its_steps_then_the_same_bytes_are_accepted(moto_store, monkeypatch):
    from services.intake import Accepted, submit_file
    from store.cleanup import sweep_finished_jobs

    old = finished_long_ago()
    die_before_purge(monkeypatch)
    with pytest.raises(Killed):
        sweep_finished_jobs(cleanup_after_days=7)
    assert Job.count(old) == 0

    again = submit_file("upload", "w.csv", DATA, kind=None, priority=None, by="t")
    assert isinstance(again, Accepted) and again.job.job_id != old and again.job.status == PENDING
    assert FileRecord.get(again.file.sha256).job_id == again.job.job_id


def test_delete_killed_between_its_steps_then_the_same_bytes_are_accepted(moto_store, monkeypatch):
    from store.jobs import delete_job

    old = finished_long_ago()
    die_before_purge(monkeypatch)
    with pytest.raises(Killed):
        delete_job(old)
    again = register_upload("w.csv", DATA, kind="timecard", file_format="csv", priority=2, uploaded_by="t")
    assert not again.duplicate and again.job.job_id != old


def test_a_file_pointing_at_a_deleted_job_is_repaired_on_upload(moto_store):
    """A File stranded by an older cleanup: its job item is gone, the File remains."""
    old = finished_long_ago()
    Job(old).delete()
    again = register_upload("w.csv", DATA, kind="timecard", file_format="csv", priority=2, uploaded_by="t")
    assert not again.duplicate and FileRecord.get(again.file.sha256).job_id == again.job.job_id
