"""How queue throughput grows with worker processes when each job takes real time.

    .venv/bin/python tests/aws/measure_scale.py [--jobs 120] [--work 0.5] [--processes 1,2,4,8]

bench/queue.py measures the queue's own cost (a no-op handler: the store is the bottleneck).
This measures the scale-out story instead: every job sleeps ``--work`` seconds (standing for
I/O-bound work such as an LLM call), each process runs one worker thread, and the processes
share one DynamoDB Local table set. Ideal throughput is processes / work; the gap to it is
the queue's overhead and contention.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")

CHILD = Path(__file__).with_name("scale_worker.py")


def measure(endpoint: str, jobs: int, processes: int, work: float) -> float:
    from store.bootstrap import _create_tables_when_ready
    from store.connection import StoreTarget, configure
    from store.models import Job
    from store.uploads import create_job

    prefix = f"m{uuid.uuid4().hex[:6]}-"
    configure(StoreTarget(mode="embedded", endpoint=endpoint, region="us-west-2", table_prefix=prefix))
    _create_tables_when_ready()
    workdir = Path(tempfile.mkdtemp(prefix="pl-scale-"))
    children = [
        subprocess.Popen([sys.executable, str(CHILD), endpoint, prefix, str(workdir), "1", str(work)])
        for _ in range(processes)
    ]
    try:
        while len(list(workdir.glob("ready-*"))) < processes:
            time.sleep(0.1)
        for _ in range(jobs):
            create_job("scale", 2, created_by="measure")
        start = time.perf_counter()
        (workdir / "go").touch()
        while Job.status_index.count("COMPLETED") < jobs:
            time.sleep(0.2)
        return jobs / (time.perf_counter() - start)
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=120)
    parser.add_argument("--work", type=float, default=0.5, help="seconds each job takes")
    parser.add_argument("--processes", default="1,2,4,8")
    args = parser.parse_args()

    from core.config import AppConfig
    from store.embedded import start_or_attach

    store = start_or_attach(AppConfig(data_dir=Path(tempfile.mkdtemp(prefix="pl-scale-ddb-")), embedded_in_memory=True))
    try:
        print(f"DynamoDB Local (in memory), {args.jobs} jobs of {args.work:g} s, 1 worker thread per process")
        print(f"{'processes':>9} {'jobs/s':>8} {'ideal':>7} {'efficiency':>10}")
        for count in (int(p) for p in args.processes.split(",")):
            rate = measure(store.endpoint, args.jobs, count, args.work)
            ideal = count / args.work
            print(f"{count:>9} {rate:>8.2f} {ideal:>7.2f} {rate / ideal:>9.0%}")
    finally:
        store.stop()


if __name__ == "__main__":
    main()
