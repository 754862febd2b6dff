"""Parallel onboarding of overlapping files on DynamoDB Local: every email is created once."""

from __future__ import annotations

import random
import threading

from tests.onboarding.conftest import customers_csv

FILES = 6
EMAILS_PER_FILE = 60
DISTINCT = 150


def test_parallel_overlapping_uploads_create_each_email_once(local_store):
    from core.operational_settings import OperationalSettings
    from services.jobs import JobContext
    from services.onboarding.job import run_onboarding_job
    from store.blobs import get_blob_store
    from store.onboarding import iter_records
    from store.onboarding_models import UniqueKey
    from store.uploads import register_upload

    rng = random.Random(11)
    pool = [f"user{i}@example.com" for i in range(DISTINCT)]
    files = []
    for _ in range(FILES):
        emails = rng.sample(pool, EMAILS_PER_FILE)
        # the same person in another case: uniqueness ignores case
        emails = [e.upper() if rng.random() < 0.3 else e for e in emails]
        files.append(customers_csv(emails))
    expected = {e.lower() for data in files for e in data.decode().splitlines()[1:] for e in [e.split(",")[1]]}
    uploads = [register_upload(f"f{n}.csv", data, kind="onboarding", file_format="csv", priority=2,
                               uploaded_by="test") for n, data in enumerate(files)]
    results: dict[int, dict] = {}
    start = threading.Barrier(FILES)

    def run(n: int) -> None:
        upload = uploads[n]
        ctx = JobContext(job_id=upload.job.job_id, kind="onboarding", file_name=upload.file.name, metadata={},
                         settings=OperationalSettings(), report=lambda stage, percent: None,
                         load_file=lambda: get_blob_store().get(upload.file.blob_key))
        start.wait()
        results[n] = run_onboarding_job(ctx).result

    threads = [threading.Thread(target=run, args=(n,)) for n in range(FILES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(results) == FILES

    records = list(iter_records("customer"))
    stored = [r.data["email"].lower() for r in records]
    assert sorted(stored) == sorted(expected)  # each distinct email exactly once
    assert sum(r["created"] for r in results.values()) == len(expected)
    for result in results.values():
        clashes = [e for e in result["errors"] if e["code"] == "ALREADY_EXISTS"]
        assert result["created"] + len(clashes) == EMAILS_PER_FILE
        assert all(e["field"] == "email" for e in clashes)
    owners = {UniqueKey.get(f"customer#email#{email}").record_key for email in expected}
    assert owners == {r.record_key for r in records}  # every uniqueness item points at a stored record
