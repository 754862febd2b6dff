"""De-duplication by content hash, enforced by the store's conditional write."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

from store.blobs import get_blob_store
from store.job_states import PENDING
from store.jobs import list_events
from store.models import FileRecord, Job
from store.uploads import register_upload


def upload(data: bytes, name: str = "week.csv", priority: int = 2):
    return register_upload(name, data, kind="timecard", file_format="csv", priority=priority, uploaded_by="tester")


def test_first_upload_creates_file_job_blob_and_created_event(moto_store):
    data = b"name,date,hours\nA B,2026-03-02,8\n"
    result = upload(data)
    assert not result.duplicate
    assert result.file.sha256 == hashlib.sha256(data).hexdigest()
    assert result.file.job_id == result.job.job_id
    assert result.job.status == PENDING
    assert get_blob_store().get(result.file.blob_key) == data
    events = list_events(result.job.job_id)
    assert [(e.seq, e.type, e.status) for e in events] == [(1, "created", PENDING)]


def test_same_bytes_under_another_name_return_the_existing_job(moto_store):
    first = upload(b"same bytes", "a.csv")
    second = upload(b"same bytes", "renamed.csv")
    assert second.duplicate
    assert second.job.job_id == first.job.job_id
    assert second.file.name == "a.csv"
    assert Job.count() == 1


def test_fifty_concurrent_uploads_of_one_file_create_one_file_and_one_job(local_store):
    data = b"name,date,hours\n" + b"X Y,2026-03-02,8\n" * 100
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda _: upload(data), range(50)))
    assert sum(not r.duplicate for r in results) == 1
    assert len({r.job.job_id for r in results}) == 1
    assert FileRecord.count() == 1
    assert Job.count() == 1
    # exactly one "created" event for that job
    assert len(list_events(results[0].job.job_id)) == 1
