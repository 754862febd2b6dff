"""API benchmark: 50 concurrent uploads while 100 subscribers listen, on DynamoDB Local with
the real worker pool and pipeline, all over real HTTP and WebSocket.

    python bench/api.py [--uploads 50] [--subscribers 100] [--workers 10] [--json]

Reports p50/p95 upload-to-completed latency (upload sent -> COMPLETED event received by
the uploader's jobProgress subscription), event latency (event `at`, stamped by the worker
when it writes the event -> received by a jobEvents subscriber), the error count, and the
req/s of a small GraphQL query against a bare FastAPI JSON route served the same way in the
same run. Server and clients share this machine (and this process: uvicorn runs in threads).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import socket
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this folder comes first on the path, and its api.py / queue.py would
# shadow the `api` package and the standard library's `queue`.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
import websockets  # noqa: E402

UPLOAD = """mutation($file: Upload!) { uploadFile(file: $file) {
  __typename ... on UploadAccepted { job { id } } ... on DuplicateFile { job { id } } ... on InvalidUpload { code } } }"""
PROGRESS = "subscription($id: ID!) { jobProgress(jobId: $id) { seq status at } }"
FEED = "subscription { jobEvents { jobId seq type status at } }"
SMALL_QUERY = "{ __typename }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """``bench/api.py --serve ...`` in a child process: the server gets its own interpreter (and
    GIL), as in production; this process only plays the clients."""

    def __init__(self, role: str, store: dict, args):
        self.port = free_port()
        cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", role, "--port", str(self.port),
               "--store", json.dumps(store), "--workers", str(args.workers), "--pipeline", args.pipeline]
        self.cmd = cmd

    def __enter__(self):
        import subprocess

        self.process = subprocess.Popen(self.cmd)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/ready", timeout=1)
                return self
            except httpx.HTTPError:
                if self.process.poll() is not None:
                    raise RuntimeError("the server process exited") from None
                time.sleep(0.2)
        raise RuntimeError("the server process did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(30)
        except Exception:  # noqa: BLE001
            self.process.kill()


def open_bench_store(tmp: Path):
    """DynamoDB Local in memory, fresh tables; returns (emulator, what a child needs to attach)."""
    from core.config import AppConfig
    from store.embedded import start_or_attach

    embedded = start_or_attach(AppConfig(data_dir=tmp / "ddb", embedded_in_memory=True))
    store = {"endpoint": embedded.endpoint, "prefix": f"bench{uuid.uuid4().hex[:6]}-", "blobs": str(tmp / "blobs")}
    attach_store(store, create=True)
    return embedded, store


def attach_store(store: dict, create: bool = False) -> None:
    from store.blobs import LocalBlobStore, set_blob_store
    from store.bootstrap import _create_tables_when_ready
    from store.connection import StoreTarget, configure

    configure(StoreTarget(mode="embedded", endpoint=store["endpoint"], region="us-west-2", table_prefix=store["prefix"]))
    if create:
        _create_tables_when_ready()
    set_blob_store(LocalBlobStore(Path(store["blobs"])))


def serve(role: str, port: int, store: dict, pipeline: str) -> None:
    """The child: the API with an in-process worker pool (as `serve` runs it), or a bare route."""
    from fastapi import FastAPI

    if role == "bare":
        app = FastAPI()

        @app.get("/ping")
        async def ping() -> dict:
            return {"ok": True}

        @app.get("/ready")
        async def ready() -> dict:
            return {"ok": True}

        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
        return
    from api.app import create_app
    from services.worker import WorkerPool

    attach_store(store)
    handlers = {"timecard": stub_handler} if pipeline == "stub" else None
    pool = WorkerPool(poll_interval=0.2, handlers=handlers).start()
    app = create_app(start_background=True)

    @app.get("/ready")
    async def ready() -> dict:
        return {"ok": True}

    try:
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio")
    finally:
        pool.stop(timeout=10)


def clean_timecard(index: int) -> bytes:
    """Five 8-hour days at a lawful rate, distinct per file: approved without review."""
    name = f"Employee {index:03d}"
    rows = "".join(f"{name},2026-03-0{d},8,{20 + index % 7}\n" for d in range(2, 7))
    return ("Employee,Date,Hours,Rate\n" + rows).encode()


def stub_handler(ctx):
    """The worker's stages without the pipeline: read, extract, validate, then approved."""
    from services.jobs import JobOutcome

    for stage, percent in (("read", 20), ("extract", 60), ("validate", 90)):
        time.sleep(0.1)
        ctx.report(stage, percent)
    result = {"file": {"name": ctx.file_name}, "kind": "timecard", "timecards": [], "issues": [],
              "decision": "approved", "findings": []}
    return JobOutcome(status="COMPLETED", result=result)


def count_events(job_ids: list[str]) -> int:
    from store.jobs import list_events

    return sum(len(list_events(job_id, 0, 1000)) for job_id in job_ids)


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def lag_ms(at: str) -> float:
    moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    return (time.time() - moment.timestamp()) * 1000.0


async def ws_connect(url: str, key: str):
    ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"], max_size=2**22)
    await ws.send(json.dumps({"type": "connection_init", "payload": {"x-api-key": key}}))
    ack = json.loads(await ws.recv())
    if ack["type"] != "connection_ack":
        raise RuntimeError(f"not acknowledged: {ack}")
    return ws


async def feed_subscriber(url: str, key: str, lags: list[float], ready: asyncio.Event, stop: asyncio.Event,
                          errors: list[str], counts: dict[str, int]) -> None:
    try:
        ws = await ws_connect(url, key)
        await ws.send(json.dumps({"id": "feed", "type": "subscribe", "payload": {"query": FEED}}))
        ready.set()
        while not stop.is_set():
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), 0.5))
            except TimeoutError:
                continue
            if message["type"] == "next":
                if message["payload"].get("errors"):
                    errors.append("feed error")
                    continue
                event = message["payload"]["data"]["jobEvents"]
                counts[event["type"]] = counts.get(event["type"], 0) + 1
                if event["type"] != "created":  # stamped before the upload's write: not a delivery delay
                    lags.append(lag_ms(event["at"]))
            elif message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))
            elif message["type"] == "error":
                errors.append(f"feed: {message['payload']}")
        await ws.close()
    except Exception as exc:  # noqa: BLE001 - counted, reported
        errors.append(f"feed subscriber: {type(exc).__name__}: {exc}")
        ready.set()


async def follow_job(ws_url: str, key: str, job_id: str, lags: list[float], errors: list[str],
                     phases: dict | None = None) -> str | None:
    """One jobProgress subscriber: records the latency of every live event; returns the last status.
    ``phases`` collects the event times (created, claimed, finished) to split queue wait from work."""
    ws = await ws_connect(ws_url, key)
    await ws.send(json.dumps({"id": "p", "type": "subscribe",
                              "payload": {"query": PROGRESS, "variables": {"id": job_id}}}))
    last = None
    try:
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), 120))
            if message["type"] == "next":
                event = message["payload"]["data"]["jobProgress"]
                if event["seq"] > 1:  # seq 1 (created) is a replay: stored before we subscribed
                    lags.append(lag_ms(event["at"]))
                if phases is not None:
                    moment = dt.datetime.fromisoformat(event["at"].replace("Z", "+00:00")).timestamp()
                    key_name = {"PENDING": "created", "PROCESSING": "claimed"}.get(event["status"], "finished")
                    phases.setdefault(key_name, moment)
                last = event["status"]
            elif message["type"] == "complete":
                return last
            elif message["type"] == "error":
                errors.append(f"progress: {message['payload']}")
                return last
    finally:
        await ws.close()


async def upload_and_follow(http: httpx.AsyncClient, ws_url: str, key: str, index: int, listeners: int,
                            results: list[float], progress_lags: list[float], errors: list[str],
                            breakdown: dict[str, list[float]]) -> None:
    """Upload one file, then ``listeners`` subscribers follow its job (the uploader's screen and
    others watching); upload-to-completed is measured at the first of them."""
    data = clean_timecard(index)
    started = time.perf_counter()
    try:
        response = await http.post("/graphql", headers={"x-api-key": key}, data={
            "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]})}, files={"0": (f"week{index}.csv", data, "text/csv")})
        answer = response.json()["data"]["uploadFile"]
        if answer["__typename"] != "UploadAccepted":
            errors.append(f"upload {index}: {answer}")
            return
        job_id = answer["job"]["id"]
        breakdown.setdefault("job_ids", []).append(job_id)
        breakdown["upload_ms"].append((time.perf_counter() - started) * 1000.0)
        phases: dict[str, float] = {}
        first = asyncio.create_task(follow_job(ws_url, key, job_id, progress_lags, errors, phases))
        others = [asyncio.create_task(follow_job(ws_url, key, job_id, progress_lags, errors))
                  for _ in range(listeners - 1)]
        last = await first
        elapsed = (time.perf_counter() - started) * 1000.0
        ends = await asyncio.gather(*others)
        if last != "COMPLETED" or any(end != "COMPLETED" for end in ends):
            errors.append(f"job {index} ended {last} / {ends}")
            return
        results.append(elapsed)
        if {"created", "claimed", "finished"} <= phases.keys():
            breakdown["queue_wait_ms"].append((phases["claimed"] - phases["created"]) * 1000.0)
            breakdown["processing_ms"].append((phases["finished"] - phases["claimed"]) * 1000.0)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"upload {index}: {type(exc).__name__}: {exc}")


async def requests_per_second(base: str, path: str, *, graphql: bool, key: str | None, total: int,
                              concurrency: int) -> float:
    headers = {"x-api-key": key} if key else {}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as http:
        async def one():
            if graphql:
                response = await http.post(path, json={"query": SMALL_QUERY})
            else:
                response = await http.get(path)
            response.raise_for_status()

        for _ in range(50):  # warm up
            await one()
        remaining = total
        started = time.perf_counter()

        async def worker():
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                await one()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return total / (time.perf_counter() - started)


async def run(args, base: str, key: str) -> dict:
    ws_url = base.replace("http", "ws") + "/graphql"
    feed_lags: list[float] = []
    progress_lags: list[float] = []
    completed: list[float] = []
    errors: list[str] = []
    breakdown: dict[str, list[float]] = {"upload_ms": [], "queue_wait_ms": [], "processing_ms": []}
    stop = asyncio.Event()
    readies = [asyncio.Event() for _ in range(args.dashboards)]
    feed_counts: dict[str, int] = {}
    listeners = [asyncio.create_task(feed_subscriber(ws_url, key, feed_lags, ready, stop, errors, feed_counts))
                 for ready in readies]
    await asyncio.gather(*(r.wait() for r in readies))
    await asyncio.sleep(0.5)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        per_job = max(1, args.subscribers // max(1, args.uploads))
        await asyncio.gather(*(upload_and_follow(http, ws_url, key, i, per_job, completed, progress_lags, errors,
                                                 breakdown)
                               for i in range(args.uploads)))
    wall = time.perf_counter() - started
    await asyncio.sleep(3.0)  # the feed delivers the last events (a late one within a sweep)
    stop.set()
    await asyncio.gather(*listeners)
    return {"completed": completed, "breakdown": breakdown, "feed_lags": feed_lags, "feed_counts": feed_counts, "progress_lags": progress_lags, "errors": errors,
            "wall_seconds": wall}


def summarise(raw: dict, graphql_rps: float, bare_rps: float, args) -> dict:
    def stats(values):
        return {"p50": percentile(values, 0.5), "p95": percentile(values, 0.95), "n": len(values)}

    return {
        "pipeline": args.pipeline,
        "uploads": args.uploads,
        "subscribers": args.subscribers,
        "dashboards": args.dashboards,
        "workers": args.workers,
        "completed_jobs": len(raw["completed"]),
        "errors": len(raw["errors"]),
        "error_samples": raw["errors"][:5],
        "wall_seconds": round(raw["wall_seconds"], 2),
        "upload_to_completed_ms": stats(raw["completed"]),
        **{name: stats(values) for name, values in raw["breakdown"].items() if name != "job_ids"},
        "event_latency_job_progress_ms": stats(raw["progress_lags"]),
        "event_latency_job_events_ms": stats(raw["feed_lags"]),
        "events_stored": raw.get("events_stored"),
        "job_events_received_per_dashboard": (sum(raw["feed_counts"].values()) / args.dashboards
                                              if args.dashboards else None),
        "small_query_rps": round(graphql_rps, 1),
        "bare_fastapi_rps": round(bare_rps, 1),
        "graphql_to_bare_ratio": round(graphql_rps / bare_rps, 3) if bare_rps else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Punchline API benchmark")
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--subscribers", type=int, default=100,
                        help="jobProgress subscribers, spread evenly over the uploaded jobs")
    parser.add_argument("--dashboards", type=int, default=5,
                        help="jobEvents subscribers (each receives every job's events)")
    parser.add_argument("--workers", type=int, default=10, help="max_concurrent_jobs for the in-process pool")
    parser.add_argument("--rps-requests", type=int, default=3000)
    parser.add_argument("--rps-concurrency", type=int, default=20)
    parser.add_argument("--pipeline", choices=["real", "stub"], default="real",
                        help="real: processing.pipeline via the worker's handlers; stub: the same stages, "
                             "0.1 s each, no parsing (measures the API and queue, not the pipeline)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", choices=["api", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()

    import logging

    logging.basicConfig(level=logging.WARNING)
    if args.serve:
        serve(args.serve, args.port, json.loads(args.store), args.pipeline)
        return 0
    from store.apikeys import create_api_key
    from store.settings import update_settings

    with tempfile.TemporaryDirectory() as tmp:
        embedded, store = open_bench_store(Path(tmp))
        try:
            update_settings({"max_concurrent_jobs": args.workers}, by="bench")
            key, _ = create_api_key("admin", name="bench")
            with ServerProcess("api", store, args) as api, ServerProcess("bare", store, args) as bare_server:
                base = f"http://127.0.0.1:{api.port}"
                raw = asyncio.run(run(args, base, key))
                raw["events_stored"] = count_events(raw["breakdown"].get("job_ids", []))
                graphql_rps = asyncio.run(requests_per_second(base, "/graphql", graphql=True, key=key,
                                                              total=args.rps_requests,
                                                              concurrency=args.rps_concurrency))
                bare_rps = asyncio.run(requests_per_second(f"http://127.0.0.1:{bare_server.port}", "/ping",
                                                           graphql=False, key=None, total=args.rps_requests,
                                                           concurrency=args.rps_concurrency))
        finally:
            embedded.stop()
    report = summarise(raw, graphql_rps, bare_rps, args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name, value in report.items():
            print(f"{name:32} {value}")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "api.json").write_text(json.dumps(report, indent=2))
    return 0 if report["errors"] == 0 and report["completed_jobs"] == args.uploads else 1


if __name__ == "__main__":
    sys.exit(main())
