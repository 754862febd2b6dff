"""Embedded drop folder: <data_dir>/drop/ on disk, jobs in the store (moto), files moved to
processed/ or failed/ when their job ends."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from core.config import AppConfig
from services.drop import start_drop_watcher
from services.drop.local import LocalDropWatcher
from services.jobs import JobOutcome
from services.worker import WorkerPool
from store.job_states import COMPLETED, FAILED, PENDING
from store.jobs import cancel_job
from store.models import FileRecord, Job
from store.queue import claim_next_job, fail_attempt, finish_job


@pytest.fixture
def drop(tmp_path: Path, moto_store) -> Path:
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


@pytest.fixture
def watcher(drop: Path) -> LocalDropWatcher:
    # Not started: each test drives the rounds itself, so nothing depends on timing.
    w = LocalDropWatcher(drop, settle_seconds=0.0)
    for sub in ("processed", "failed"):
        (drop / sub).mkdir()
    return w


def _jobs() -> list[Job]:
    return list(Job.scan())


def _complete_next(status: str = COMPLETED) -> Job:
    job = claim_next_job("test-worker", lease_seconds=30)
    assert job is not None
    return finish_job(job, "test-worker", status, {"ok": True})


def test_a_dropped_file_becomes_one_job_and_moves_to_processed(drop, watcher, sample_bytes):
    (drop / "week.csv").write_bytes(sample_bytes)
    assert watcher.scan_once() == ["week.csv"]
    [job] = _jobs()
    assert job.status == PENDING and job.file_name == "week.csv" and job.created_by == "drop-folder"
    record = FileRecord.get(job.file_sha256)
    assert (record.source, record.drop_key, record.uploaded_by) == ("drop", "week.csv", "drop-folder")

    assert watcher.scan_once() == [] and len(_jobs()) == 1  # followed, not registered again
    assert watcher.follow_once() == [] and (drop / "week.csv").exists()  # still pending: stays

    _complete_next()
    assert watcher.follow_once() == ["week.csv"]
    assert not (drop / "week.csv").exists()
    assert (drop / "processed" / "week.csv").read_bytes() == sample_bytes
    assert not list((drop / "processed").glob("*.json"))


def test_the_same_file_dropped_twice_makes_one_job(drop, watcher, sample_bytes):
    (drop / "week.csv").write_bytes(sample_bytes)
    watcher.scan_once()
    (drop / "week (copy).csv").write_bytes(sample_bytes)
    watcher.scan_once()
    [job] = _jobs()

    # A restart forgets what it followed: the files still there are adopted, not registered again.
    restarted = LocalDropWatcher(drop, settle_seconds=0.0)
    assert sorted(restarted.scan_once()) == ["week (copy).csv", "week.csv"]
    assert [j.job_id for j in _jobs()] == [job.job_id]

    _complete_next()
    assert sorted(restarted.follow_once()) == ["week (copy).csv", "week.csv"]
    note = json.loads((drop / "processed" / "week (copy).csv.note.json").read_text())
    assert note["duplicate"] is True and note["job_id"] == job.job_id and note["first_received_from"] == "drop"
    assert not (drop / "processed" / "week.csv.note.json").exists()  # the original is no duplicate

    # Dropped again after it was processed: still no second job; it follows the finished one.
    (drop / "week.csv").write_bytes(sample_bytes)
    restarted.scan_once()
    assert len(_jobs()) == 1
    assert restarted.follow_once() == ["week.csv"]
    assert (drop / "processed" / "week-2.csv").exists()  # the earlier one is not overwritten


def test_a_junk_file_goes_to_failed_with_an_error_document(drop, watcher):
    secret = b"\x00\x01 SECRET-CELL-VALUE \x02" * 10
    (drop / "scan.csv").write_bytes(secret)
    assert watcher.scan_once() == []
    assert _jobs() == []
    assert (drop / "failed" / "scan.csv").read_bytes() == secret
    document = json.loads((drop / "failed" / "scan.csv.error.json").read_text())
    assert document["error"]["code"] == "UNSUPPORTED_FORMAT" and document["error"]["message"]
    assert "SECRET" not in (drop / "failed" / "scan.csv.error.json").read_text()


def test_an_empty_file_and_an_unsupported_extension_fail_at_intake(drop, watcher):
    (drop / "empty.xlsx").write_bytes(b"")
    (drop / "photo.png").write_bytes(b"not a spreadsheet")
    watcher.scan_once()
    codes = {p.name: json.loads(p.read_text())["error"]["code"] for p in (drop / "failed").glob("*.error.json")}
    assert codes == {"empty.xlsx.error.json": "EMPTY_FILE", "photo.png.error.json": "UNSUPPORTED_FORMAT"}


def test_a_failed_or_cancelled_job_moves_its_file_to_failed(drop, watcher, sample_bytes):
    (drop / "a.csv").write_bytes(sample_bytes)
    (drop / "b.csv").write_bytes(sample_bytes + b"\n")
    watcher.scan_once()
    job = claim_next_job("w", lease_seconds=30)
    fail_attempt(job, "w", {"code": "NO_DATA", "message": "no timecard found"}, retryable=False, backoff_seconds=0)
    other = next(j for j in _jobs() if j.status == PENDING)
    cancel_job(other.job_id, by="tester")

    assert sorted(watcher.follow_once()) == ["a.csv", "b.csv"]
    errors = {p.name: json.loads(p.read_text()) for p in (drop / "failed").glob("*.error.json")}
    by_status = {doc["status"]: doc for doc in errors.values()}
    assert by_status[FAILED]["error"] == {"code": "NO_DATA", "message": "no timecard found"}
    assert by_status["CANCELLED"]["error"]["code"] == "CANCELLED"


def test_partial_and_temporary_names_are_ignored(drop, watcher, sample_bytes):
    for name in (".partial-week.csv", "~$week.xlsx", "week.csv.tmp", "week.csv.crdownload", ".hidden.csv"):
        (drop / name).write_bytes(sample_bytes)
    assert watcher.scan_once() == []
    assert _jobs() == []


def test_a_file_is_registered_only_once_its_size_is_stable(drop, sample_bytes):
    watcher = LocalDropWatcher(drop, settle_seconds=5.0)
    path = drop / "growing.csv"
    path.write_bytes(sample_bytes[:100])
    assert watcher.scan_once(now=100.0) == []  # first sight: wait
    path.write_bytes(sample_bytes)  # still being written
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    assert watcher.scan_once(now=104.0) == []  # changed: the clock starts again
    assert watcher.scan_once(now=108.0) == []  # unchanged for 4 s only
    assert watcher.scan_once(now=109.5) == ["growing.csv"]
    [job] = _jobs()
    assert FileRecord.get(job.file_sha256).size == len(sample_bytes)  # the whole file, not the first 100 bytes


def test_a_file_replaced_while_its_job_runs_is_not_moved_as_processed(drop, watcher, sample_bytes):
    path = drop / "week.csv"
    path.write_bytes(sample_bytes)
    watcher.scan_once()
    path.write_bytes(sample_bytes + b"\n")  # new content under the same name
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000))
    _complete_next()
    assert watcher.follow_once() == []
    assert path.exists()
    assert watcher.scan_once() == ["week.csv"] and len(_jobs()) == 2  # the new content is its own job


def test_started_watcher_with_a_worker_pool_moves_the_file_when_the_job_completes(tmp_path, moto_store, sample_bytes):
    """The real threads: watchfiles/polling, registration, a WorkerPool claiming, the move."""
    from core.operational_settings import OperationalSettings

    def quick(ctx):
        assert ctx.load_file() == sample_bytes
        return JobOutcome(status=COMPLETED, result={"ok": True})

    watcher = start_drop_watcher(AppConfig(data_dir=tmp_path), settle_seconds=0.2, poll_interval=0.1)
    pool = WorkerPool(lambda: OperationalSettings(max_concurrent_jobs=1), handlers={"timecard": quick, "onboarding": quick},
                      poll_interval=0.05).start()
    try:
        assert watcher.mode == "local"
        (tmp_path / "drop" / "week.csv").write_bytes(sample_bytes)
        target = tmp_path / "drop" / "processed" / "week.csv"
        deadline = time.monotonic() + 15
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert target.read_bytes() == sample_bytes
        [job] = _jobs()
        assert job.status == COMPLETED
    finally:
        pool.stop()
        watcher.stop()


def test_the_watcher_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PUNCHLINE_DROP_WATCHER", "off")
    watcher = start_drop_watcher(AppConfig(data_dir=tmp_path))
    assert watcher.mode == "off"
    watcher.stop()
    assert not (tmp_path / "drop").exists()


def test_one_process_handles_a_shared_folder_and_another_takes_over(drop, sample_bytes):
    first = LocalDropWatcher(drop, settle_seconds=0.0, poll_interval=0.05, use_file_events=False)
    assert first.holds_folder()
    first.start()
    second = LocalDropWatcher(drop, settle_seconds=0.0, poll_interval=0.05, use_file_events=False).start()
    try:
        deadline = time.monotonic() + 5
        assert not second.holds_folder()
        first.stop()
        (drop / "week.csv").write_bytes(sample_bytes)
        while not _jobs() and time.monotonic() < deadline + 10:
            time.sleep(0.05)
        assert second.holds_folder() and len(_jobs()) == 1
        assert second.tracker.get("week.csv") is not None
    finally:
        first.stop()
        second.stop()
