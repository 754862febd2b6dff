"""Queue throughput on DynamoDB Local: jobs/s through enqueue -> claim -> complete with 1, 4
and 10 workers (threads, or processes with --processes), beside the raw PynamoDB put rate
measured in the same run on the same emulator.

    .venv/bin/python bench/queue.py [--jobs 200] [--processes] [--in-memory]

The ratio (jobs/s / puts/s) is the figure that travels between machines: a job costs one
transaction to enqueue, a claim (shard queries + transaction) and a finish (transaction +
counter), so it can never be as cheap as one put.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the stdlib's `queue`: drop its folder from the path before anything
# imports `queue`, and put the project root there instead.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse  # noqa: E402
import multiprocessing as mp  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402

os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")


def _configure(endpoint: str, prefix: str) -> None:
    from store.connection import StoreTarget, configure

    configure(StoreTarget(mode="embedded", endpoint=endpoint, region="us-west-2", table_prefix=prefix))


def _bench_handler(ctx):
    from services.jobs import JobOutcome

    return JobOutcome(status="COMPLETED", result={"ok": True})


def _start_pool(threads: int):
    """The real WorkerPool with a no-op handler: what is measured is the queue, not the work."""
    from core.operational_settings import OperationalSettings
    from services.worker import WorkerPool

    settings = OperationalSettings(max_concurrent_jobs=threads)
    return WorkerPool(lambda: settings, handlers={"bench": _bench_handler}, poll_interval=0.05,
                      supervise_interval=0.5).start()


def _count_done() -> int:
    from store.models import Job

    return Job.status_index.count("COMPLETED")


def _wait_until_done(jobs: int) -> None:
    while _count_done() < jobs:
        time.sleep(0.25)  # one count query per 0.25 s, from the parent only


def _pool_process(endpoint: str, prefix: str, ready, go, stop) -> None:
    """A worker process: one pool thread, started only when every process is ready."""
    _configure(endpoint, prefix)
    from store.models import Job

    Job.exists()  # open the connection before the clock starts
    ready.release()
    go.wait()
    pool = _start_pool(1)
    stop.wait()
    pool.stop()


def _fresh_tables(endpoint: str) -> str:
    from store.bootstrap import _create_tables_when_ready

    prefix = f"b{uuid.uuid4().hex[:6]}-"
    _configure(endpoint, prefix)
    _create_tables_when_ready()
    return prefix


def raw_put_rate(endpoint: str, n: int) -> float:
    from store.clock import utcnow
    from store.models import Counter

    _fresh_tables(endpoint)
    start = time.perf_counter()
    for i in range(n):
        Counter(f"c{i}", count=i, total=i).save()
    _ = utcnow()
    return n / (time.perf_counter() - start)


def queue_rate(endpoint: str, jobs: int, workers: int, processes: bool) -> tuple[float, float]:
    from store.uploads import create_job

    prefix = _fresh_tables(endpoint)
    start = time.perf_counter()
    for _ in range(jobs):
        create_job("bench", 2, created_by="bench")
    enqueue_rate = jobs / (time.perf_counter() - start)
    if processes:
        ctx = mp.get_context("spawn")
        ready, go, stop = ctx.Semaphore(0), ctx.Event(), ctx.Event()
        procs = [ctx.Process(target=_pool_process, args=(endpoint, prefix, ready, go, stop)) for _ in range(workers)]
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.acquire()  # interpreter start-up stays out of the measurement
        start = time.perf_counter()
        go.set()
        _wait_until_done(jobs)
        elapsed = time.perf_counter() - start
        stop.set()
        for proc in procs:
            proc.join()
    else:
        start = time.perf_counter()
        pool = _start_pool(workers)
        _wait_until_done(jobs)
        elapsed = time.perf_counter() - start
        pool.stop()
    completed = _count_done()
    assert completed == jobs, f"{completed} of {jobs} jobs completed"
    return enqueue_rate, jobs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--puts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", action="store_true", help="workers as processes instead of threads")
    parser.add_argument("--in-memory", action="store_true", help="DynamoDB Local without disk")
    parser.add_argument("--workers", default="1,4,10")
    args = parser.parse_args()

    from core.config import AppConfig
    from store.embedded import start_or_attach

    data = Path(tempfile.mkdtemp(prefix="pl-bench-"))
    store = start_or_attach(AppConfig(data_dir=data, embedded_in_memory=args.in_memory))
    try:
        puts = statistics.median(raw_put_rate(store.endpoint, args.puts) for _ in range(args.runs))
        kind = "processes" if args.processes else "threads"
        print(f"DynamoDB Local ({'in memory' if args.in_memory else 'on disk'}), {args.jobs} jobs, median of {args.runs}")
        print(f"raw PynamoDB put: {puts:8.1f} items/s (baseline)")
        print(f"{'workers':>8} {'enqueue/s':>10} {'jobs/s':>8} {'ratio to put':>13}")
        for workers in (int(w) for w in args.workers.split(",")):
            results = [queue_rate(store.endpoint, args.jobs, workers, args.processes) for _ in range(args.runs)]
            enqueue = statistics.median(r[0] for r in results)
            rate = statistics.median(r[1] for r in results)
            print(f"{workers:>5} {kind[:2]} {enqueue:>10.1f} {rate:>8.1f} {rate / puts:>13.3f}")
    finally:
        store.stop()


if __name__ == "__main__":
    main()
