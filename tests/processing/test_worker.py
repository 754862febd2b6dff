"""The worker pool against DynamoDB Local: live resizing, crash recovery, cancel, retries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processing.errors import InputError
from services.jobs import JobOutcome
from services.worker import WorkerPool
from store.connection import current_target
from store.job_states import CANCELLED, COMPLETED, FAILED, PROCESSING
from store.jobs import cancel_job, get_job, list_events
from store.records import job_entries
from store.settings import get_operational_settings, update_settings
from store.uploads import create_job
from tests.processing.slow_handlers import ENTRIES, make_handler

ROOT = Path(__file__).resolve().parents[2]


def wait_for(predicate, timeout: float = 30.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not reached in time")


def pool_with(handlers, **kwargs) -> WorkerPool:
    return WorkerPool(handlers=handlers, poll_interval=0.05, supervise_interval=0.1, reclaim_interval=0.3, **kwargs)


def test_pool_size_follows_max_concurrent_jobs_live(local_store):
    update_settings({"max_concurrent_jobs": 2}, by="test")
    pool = pool_with({"slow": make_handler(0)}).start()
    try:
        wait_for(lambda: pool.size == 2)
        update_settings({"max_concurrent_jobs": 5}, by="test")
        wait_for(lambda: pool.size == 5)
        update_settings({"max_concurrent_jobs": 1}, by="test")
        wait_for(lambda: pool.size == 1, timeout=10)
    finally:
        pool.stop()


def test_job_runs_to_completion_with_progress_events_and_records(local_store):
    job = create_job("slow", 2, created_by="test")
    pool = pool_with({"slow": make_handler(0.01, steps=3)}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == COMPLETED)
    finally:
        pool.stop()
    events = list_events(job.job_id)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.progress for e in events if e.type == "progress"] == [30, 60, 90]
    assert events[-1].status == COMPLETED and events[-1].progress == 100
    assert len(job_entries(job.job_id)) == len(ENTRIES)


def test_cancelling_a_running_job_stops_it_and_removes_its_records(local_store):
    job = create_job("slow", 2, created_by="test")
    pool = pool_with({"slow": make_handler(0.5, steps=20)}).start()
    try:
        wait_for(lambda: get_job(job.job_id).progress >= 9)
        cancel_job(job.job_id, by="test")
        wait_for(lambda: pool.jobs_run >= 1, timeout=15)
    finally:
        pool.stop()
    final = get_job(job.job_id)
    assert final.status == CANCELLED
    assert final.result is None
    assert job_entries(job.job_id) == []


def test_transient_errors_retry_with_backoff_then_fail(local_store):
    update_settings({"retry_backoff_seconds": 0.2, "job_max_attempts": 3}, by="test")
    calls = []

    def flaky(ctx):
        calls.append(time.monotonic())
        raise RuntimeError("store hiccup")

    job = create_job("flaky", 2, created_by="test", max_attempts=get_operational_settings().job_max_attempts)
    pool = pool_with({"flaky": flaky}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == FAILED, timeout=20)
    finally:
        pool.stop()
    final = get_job(job.job_id)
    assert len(calls) == 3 and final.attempts == 3
    assert final.error["code"] == "PROCESSING_ERROR"
    # The last error does not promise another automatic attempt; it says how to run it again.
    assert "retried automatically" not in final.error["message"]
    assert final.error["message"] == ("RuntimeError while processing; failed after 3 attempt(s): "
                                      "retry the job (retryJob or `jobs retry`) once the cause is fixed")
    retries = [e.data["error"]["message"] for e in list_events(job.job_id) if e.status == "PENDING" and e.data]
    assert retries == ["RuntimeError while processing; retried automatically in 0.2 s",
                       "RuntimeError while processing; retried automatically in 0.4 s"]
    gaps = [b - a for a, b in zip(calls, calls[1:], strict=False)]
    assert gaps[0] >= 0.2 and gaps[1] >= 0.4  # 0.2 s, then 0.4 s


def test_unreadable_input_fails_at_once_without_retry(local_store):
    def unreadable(ctx):
        raise InputError("CORRUPT_FILE", "the workbook is damaged")

    job = create_job("bad", 2, created_by="test")
    pool = pool_with({"bad": unreadable}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == FAILED)
    finally:
        pool.stop()
    final = get_job(job.job_id)
    assert final.attempts == 1 and final.error == {"code": "CORRUPT_FILE", "message": "the workbook is damaged"}


def test_worker_killed_mid_job_is_reclaimed_and_completed_once(local_store, tmp_path):
    update_settings({"lease_seconds": 5}, by="test")
    job = create_job("slow", 2, created_by="test")
    target = current_target()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests/processing/worker_child.py"), target.endpoint, target.table_prefix,
         str(tmp_path / "blobs")],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        wait_for(lambda: get_job(job.job_id).status == PROCESSING and get_job(job.job_id).progress > 0, timeout=60)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert len(job_entries(job.job_id)) == len(ENTRIES)  # written by the dead worker
    pool = pool_with({"slow": make_handler(0.01)}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == COMPLETED, timeout=30)
    finally:
        pool.stop()
    final = get_job(job.job_id)
    assert final.attempts == 2
    assert final.error is None
    assert len(job_entries(job.job_id)) == len(ENTRIES)  # rewritten under the same keys, not doubled
    messages = [e.message or "" for e in list_events(job.job_id)]
    assert any("stopped responding" in m for m in messages)


def test_handler_outcome_review_is_stored(local_store):
    job = create_job("reviewed", 2, created_by="test")
    pool = pool_with({"reviewed": lambda ctx: JobOutcome(status="REVIEW", result={"decision": "review"})}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == "REVIEW")
    finally:
        pool.stop()
    assert get_job(job.job_id).result == {"decision": "review"}


def test_retrying_a_job_in_review_says_to_cancel_it_first(local_store):
    from store.errors import InvalidJobTransition
    from store.jobs import retry_job

    job = create_job("reviewed", 2, created_by="test")
    pool = pool_with({"reviewed": lambda ctx: JobOutcome(status="REVIEW", result={"decision": "review"})}).start()
    try:
        wait_for(lambda: get_job(job.job_id).status == "REVIEW")
    finally:
        pool.stop()
    with pytest.raises(InvalidJobTransition) as refused:
        retry_job(job.job_id, by="test")
    assert refused.value.allowed_from == (FAILED, CANCELLED)
    assert "cancel it first and then retry it" in str(refused.value)
