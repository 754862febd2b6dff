"""Run one queued onboarding job in this process, now (the CLI's ``--submit``): claim that
job, run it through the worker's own machinery (lease, heartbeat, progress events,
rollback on failure) and return it finished. If a running worker claimed it first, wait
for that worker to finish it."""

from __future__ import annotations

import time

from store.errors import Conflict
from store.job_states import FINISHED, REVIEW
from store.jobs import get_job
from store.models import Job

WAIT_SECONDS = 600.0


def run_job_now(job: Job, worker_name: str = "cli") -> Job:
    from services.onboarding.job import run_onboarding_job
    from services.worker import WorkerPool
    from store.queue import claim_job  # the queue claims "the next" job; here it must be this one
    from store.settings import get_operational_settings

    pool = WorkerPool(get_operational_settings, handlers={"onboarding": run_onboarding_job}, name=worker_name)
    worker_id = f"{worker_name}:0"
    try:
        claimed = claim_job(job, worker_id, get_operational_settings().lease_seconds)
    except Conflict:
        return wait_until_finished(job.job_id)
    pool.run_job(claimed, worker_id)
    return get_job(job.job_id)


def wait_until_finished(job_id: str, timeout: float = WAIT_SECONDS) -> Job:
    deadline = time.monotonic() + timeout
    while True:
        job = get_job(job_id)
        if job.status in FINISHED or job.status == REVIEW or time.monotonic() > deadline:
            return job
        time.sleep(0.5)


__all__ = ["run_job_now", "wait_until_finished"]
