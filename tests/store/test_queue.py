"""Claim order, exclusive claims, leases, retries with backoff, cancel and retry."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import queue
from store.errors import InvalidJobTransition, LeaseLost
from store.job_states import CANCELLED, COMPLETED, FAILED, PENDING, PROCESSING, REVIEW
from store.jobs import cancel_job, get_job, list_events, retry_job, set_job_priority
from store.uploads import register_upload

_counter = iter(range(10**9))


def enqueue(priority: int = 2) -> str:
    data = f"job {next(_counter)} {time.time_ns()}".encode()
    return register_upload("f.csv", data, kind="timecard", file_format="csv", priority=priority,
                           uploaded_by="t").job.job_id


def drain(worker: str = "w") -> list[str]:
    order = []
    while (job := queue.claim_next_job(worker, 30)) is not None:
        order.append(job.job_id)
    return order


def test_claims_urgent_first_then_oldest_first(moto_store):
    low = enqueue(1)
    normal_a = enqueue(2)
    urgent = enqueue(4)
    normal_b = enqueue(2)
    high = enqueue(3)
    assert drain() == [urgent, high, normal_a, normal_b, low]


def test_priority_change_reorders_a_pending_job(moto_store):
    first = enqueue(2)
    second = enqueue(2)
    set_job_priority(second, 4, by="t")
    assert drain() == [second, first]


def test_priority_change_refused_once_running(moto_store):
    job_id = enqueue()
    queue.claim_next_job("w", 30)
    with pytest.raises(InvalidJobTransition):
        set_job_priority(job_id, 4, by="t")


def test_claim_progress_finish_writes_ordered_events(moto_store):
    job_id = enqueue()
    job = queue.claim_next_job("w", 30)
    job = queue.record_progress(job, "w", 40, "extract")
    job = queue.finish_job(job, "w", REVIEW, {"decision": "review"})
    events = list_events(job_id)
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert [e.status for e in events] == [PENDING, PROCESSING, PROCESSING, REVIEW]
    assert events[2].progress == 40
    assert get_job(job_id).result == {"decision": "review"}


def test_failed_attempts_back_off_exponentially_then_fail(moto_store):
    job_id = enqueue()
    waits = []
    for attempt in range(1, 4):
        job = queue.claim_next_job("w", 30)
        assert job is not None and job.attempts == attempt
        before = time.time()
        job = queue.fail_attempt(job, "w", {"code": "BOOM", "message": "x"}, retryable=True, backoff_seconds=10)
        if attempt < 3:
            assert job.status == PENDING
            waits.append(round(job.not_before - before))
            assert queue.claim_next_job("w", 30) is None  # not before its backoff
            job.update(actions=[type(job).not_before.set(0)])  # let time pass
    assert waits == [10, 20]
    final = get_job(job_id)
    assert final.status == FAILED and final.error["code"] == "BOOM" and final.attempts == 3


def test_expired_lease_is_reclaimed_and_old_owner_cannot_write(moto_store):
    job_id = enqueue()
    stale = queue.claim_next_job("dead-worker", 30)
    assert queue.reclaim_expired_leases(now=time.time() + 60) == [job_id]
    assert get_job(job_id).status == PENDING
    fresh = queue.claim_next_job("live-worker", 30)
    assert fresh.job_id == job_id and fresh.attempts == 2
    with pytest.raises(LeaseLost):
        queue.extend_lease(job_id, "dead-worker", 30)
    with pytest.raises(LeaseLost):
        queue.finish_job(stale, "dead-worker", COMPLETED, {"x": 1})
    queue.finish_job(fresh, "live-worker", COMPLETED, {"x": 2})
    assert get_job(job_id).result == {"x": 2}


def test_cancel_pending_is_immediate_and_retry_requeues(moto_store):
    job_id = enqueue()
    assert cancel_job(job_id, by="t").status == CANCELLED
    assert queue.claim_next_job("w", 30) is None
    assert retry_job(job_id, by="t").status == PENDING
    assert queue.claim_next_job("w", 30).job_id == job_id


def test_cancelled_running_job_is_never_overwritten_by_its_worker(moto_store):
    job_id = enqueue()
    job = queue.claim_next_job("w", 30)
    cancel_job(job_id, by="t")
    with pytest.raises(LeaseLost):
        queue.record_progress(job, "w", 50, "extract")
    with pytest.raises(LeaseLost):
        queue.finish_job(job, "w", COMPLETED, {"late": True})
    with pytest.raises(LeaseLost):
        queue.extend_lease(job_id, "w", 30)
    final = get_job(job_id)
    assert final.status == CANCELLED and final.result is None


def test_retry_refused_for_a_completed_job(moto_store):
    job_id = enqueue()
    job = queue.claim_next_job("w", 30)
    queue.finish_job(job, "w", COMPLETED, {})
    with pytest.raises(InvalidJobTransition) as refused:
        retry_job(job_id, by="t")
    assert refused.value.status == COMPLETED


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    priorities=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=12),
    workers=st.integers(min_value=2, max_value=8),
    jitter=st.lists(st.floats(min_value=0, max_value=0.01), min_size=8, max_size=8),
)
def test_concurrent_workers_never_claim_one_job_twice(local_store, priorities, workers, jitter):
    job_ids = {enqueue(p) for p in priorities}

    def work(index: int) -> list[str]:
        claimed = []
        while True:
            time.sleep(jitter[index])
            job = queue.claim_next_job(f"w{index}", 30)
            if job is None:
                return claimed
            claimed.append(job.job_id)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        claims = [jid for result in pool.map(work, range(workers)) for jid in result]
    mine = [jid for jid in claims if jid in job_ids]
    assert sorted(mine) == sorted(job_ids)  # each exactly once
    for jid in job_ids:
        assert get_job(jid).attempts == 1


def test_cancel_races_with_finish_one_wins_cleanly(local_store):
    outcomes = []
    for _ in range(5):
        job_id = enqueue()
        job = queue.claim_next_job("w", 30)

        def finish(job=job):
            try:
                queue.finish_job(job, "w", COMPLETED, {"done": True})
                return "finished"
            except LeaseLost:
                return "lost"

        def cancel(job_id=job_id):
            try:
                cancel_job(job_id, by="t")
                return "cancelled"
            except InvalidJobTransition:
                return "too late"

        with ThreadPoolExecutor(max_workers=2) as pool:
            f, c = pool.submit(finish), pool.submit(cancel)
            pair = (f.result(), c.result())
        final = get_job(job_id)
        assert pair in {("finished", "too late"), ("lost", "cancelled")}
        assert final.status == (COMPLETED if pair[0] == "finished" else CANCELLED)
        assert (final.result is not None) == (pair[0] == "finished")
        outcomes.append(pair)
    assert outcomes
