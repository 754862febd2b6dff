"""Scale-out: several worker processes against one table set (DynamoDB Local) drain the queue,
every job exactly once, with the pending jobs spread over the queue index's shards."""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import time
from pathlib import Path

from core.config import get_config
from store.connection import current_target
from store.job_states import COMPLETED, queue_partition
from store.models import Job, JobEvent
from store.uploads import create_job

CHILD = Path(__file__).with_name("scale_worker.py")
PROCESSES = 3
JOBS = 90


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_three_worker_processes_drain_the_queue_each_job_exactly_once(local_store, dynamodb_local, tmp_path):
    prefix = current_target().table_prefix
    children = [
        subprocess.Popen([sys.executable, str(CHILD), dynamodb_local.endpoint, prefix, str(tmp_path), "2"],
                         env={**os.environ, "PYTHONUNBUFFERED": "1"})
        for _ in range(PROCESSES)
    ]
    try:
        _wait(lambda: len(list(tmp_path.glob("ready-*"))) == PROCESSES, 60, "the workers to start")
        jobs = [create_job("scale", 2, created_by="scale-test").job_id for _ in range(JOBS)]

        # No hot partition: the pending jobs sit in every shard of the queue index, near evenly.
        shards = get_config().queue_shards
        per_shard = {f"Q{s}": Job.queue_index.count(f"Q{s}") for s in range(shards)}
        assert sum(per_shard.values()) == JOBS
        assert min(per_shard.values()) >= JOBS / shards / 3, per_shard
        assert collections.Counter(queue_partition(j, shards) for j in jobs) == per_shard

        (tmp_path / "go").touch()
        _wait(lambda: Job.status_index.count(COMPLETED) == JOBS, 120, "the queue to drain")
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(timeout=30)

    runs = {path.name: path.read_text().split() for path in tmp_path.glob("ran-*.log")}
    every_run = [job_id for ran in runs.values() for job_id in ran]
    assert sorted(every_run) == sorted(jobs)  # each job ran once, in one process: none lost, none twice
    assert len(runs) == PROCESSES and all(runs.values()), {k: len(v) for k, v in runs.items()}  # all took work
    for job in Job.batch_get(jobs):
        assert job.status == COMPLETED and job.attempts == 1 and job.queue_pk is None
        claims = [e for e in JobEvent.query(job.job_id) if e.stage == "claimed"]
        assert len(claims) == 1
