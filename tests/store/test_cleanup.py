"""Cleanup of finished jobs older than cleanup_after_days: job, events, records, file and blob go."""

from __future__ import annotations

import datetime as dt

from store import queue
from store.blobs import get_blob_store
from store.cleanup import sweep_finished_jobs
from store.job_states import COMPLETED
from store.jobs import get_job, list_events
from store.models import FileRecord, Job
from store.records import job_entries, save_timecard_entries
from store.status_counts import status_counts
from store.uploads import register_upload
from tests.processing.slow_handlers import ENTRIES


def finished_job(data: bytes) -> str:
    upload = register_upload("w.csv", data, kind="timecard", file_format="csv", priority=2, uploaded_by="t")
    job = queue.claim_next_job("w", 30)
    save_timecard_entries(job.job_id, ENTRIES)
    queue.finish_job(job, "w", COMPLETED, {"ok": True})
    return upload.job.job_id


def test_sweep_removes_only_jobs_finished_before_the_cutoff(moto_store):
    old = finished_job(b"old file")
    recent = finished_job(b"recent file")
    pending = register_upload("p.csv", b"pending", kind="timecard", file_format="csv", priority=2,
                              uploaded_by="t").job.job_id
    blob_key = FileRecord.get(get_job(old).file_sha256).blob_key
    # make the first job look finished ten days ago
    ten_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    Job(old).update(actions=[Job.completed_at.set(ten_days_ago),
                             Job.status_sk.set(ten_days_ago.strftime("%Y-%m-%dT%H:%M:%S.%fZ") + "#" + old)])

    assert sweep_finished_jobs(cleanup_after_days=7) == [old]

    assert Job.count(old) == 0
    assert list_events(old) == [] and job_entries(old) == []
    assert not get_blob_store().exists(blob_key)
    assert FileRecord.count() == 2  # the recent and the pending file stay
    assert get_job(recent).status == COMPLETED and len(job_entries(recent)) == len(ENTRIES)
    assert get_job(pending).status == "PENDING"
    assert status_counts()[COMPLETED] == 1


def test_nothing_is_swept_before_its_time(moto_store):
    finished_job(b"fresh")
    assert sweep_finished_jobs(cleanup_after_days=1) == []
