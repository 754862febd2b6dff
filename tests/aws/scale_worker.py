"""One worker process for the scale-out test:

    python scale_worker.py ENDPOINT PREFIX WORKDIR THREADS [WORK_SECONDS]

Binds the store, says it is ready, waits for the go signal, then runs a WorkerPool whose
handler appends each job id it runs to WORKDIR/ran-<pid>.log (one line per run).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core.operational_settings import OperationalSettings  # noqa: E402
from services.jobs import JobOutcome  # noqa: E402
from services.worker import WorkerPool  # noqa: E402
from store.connection import StoreTarget, configure  # noqa: E402

endpoint, prefix, workdir, threads = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
work_seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 0.02
configure(StoreTarget(mode="embedded", endpoint=endpoint, region="us-west-2", table_prefix=prefix))
log_path = workdir / f"ran-{os.getpid()}.log"


def run(ctx) -> JobOutcome:
    time.sleep(work_seconds)  # stands for the job's real work (I/O-bound: reading, an LLM call)
    with open(log_path, "a") as log:
        log.write(ctx.job_id + "\n")
    return JobOutcome(status="COMPLETED", result={"pid": os.getpid()})


settings = OperationalSettings(max_concurrent_jobs=threads, lease_seconds=30)
(workdir / f"ready-{os.getpid()}").touch()
while not (workdir / "go").exists():
    time.sleep(0.05)
WorkerPool(lambda: settings, handlers={"scale": run}, poll_interval=0.05).start()
while True:
    time.sleep(1)
