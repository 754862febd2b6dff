"""Test helpers: a WebSocket client for graphql-transport-ws with timeouts, and a worker
stand-in that moves a job through the real queue API."""

from __future__ import annotations

from typing import Any

import anyio

from store import queue

PROTOCOL = "graphql-transport-ws"


class WsClient:
    """graphql-transport-ws over Starlette's TestClient, every receive bounded in time."""

    def __init__(self, session):
        self.session = session

    def init(self, payload: dict[str, Any] | None) -> dict[str, Any]:
        self.session.send_json({"type": "connection_init", "payload": payload or {}})
        return self.receive()

    def subscribe(self, op_id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        self.session.send_json({"id": op_id, "type": "subscribe",
                                "payload": {"query": query, "variables": variables or {}}})

    def receive(self, timeout: float = 15.0) -> dict[str, Any]:
        async def bounded():
            with anyio.fail_after(timeout):
                return await self.session._send_rx.receive()

        message = self.session.portal.call(bounded)
        if message["type"] == "websocket.close":
            return {"type": "closed", "code": message.get("code"), "reason": message.get("reason")}
        import json

        return json.loads(message["text"])

    def collect(self, op_id: str, timeout: float = 15.0) -> list[dict[str, Any]]:
        """``next`` payloads of ``op_id`` until its ``complete`` (ignores pings)."""
        items = []
        while True:
            message = self.receive(timeout)
            if message["type"] == "ping":
                self.session.send_json({"type": "pong"})
                continue
            if message.get("id") != op_id:
                continue
            if message["type"] == "complete":
                return items
            if message["type"] == "error":
                raise AssertionError(f"subscription error: {message['payload']}")
            items.append(message["payload"])


def run_job_to(job_id: str, final: str, stages=(("read", 20), ("extract", 60), ("validate", 90)),
               worker: str = "test-worker") -> None:
    """What a worker does: claim, report stages, finish in REVIEW or COMPLETED."""
    job = queue.claim_next_job(worker, 30)
    assert job is not None and job.job_id == job_id, "expected to claim the uploaded job"
    for stage, percent in stages:
        job = queue.record_progress(job, worker, percent, stage)
    result = {"file": {}, "kind": "timecard", "decision": "review" if final == "REVIEW" else "approved",
              "timecards": [{"employee": "Jane Smith", "employee_id": "E1",
                             "entries": [{"date": "2026-03-02", "hours": 46.5, "pay": 1000.0}],
                             "total_hours": 46.5, "total_pay": 1000.0}],
              "issues": [{"code": "OVERTIME", "severity": "warning", "employee": "Jane Smith", "date": None,
                          "message": "46.5 hours in the workweek starting 2026-03-02 (threshold 40)"}],
              "findings": [{"rule_id": "FLSA.OVERTIME_HOURS", "outcome": "INVALID"}]}
    queue.finish_job(job, worker, final, result)


class ServerThread:
    """uvicorn serving ``app`` on a free local port, in a thread (a live server for real clients)."""

    def __init__(self, app, port: int | None = None):
        import socket
        import threading

        import uvicorn

        if port is None:
            with socket.socket() as sock:
                sock.bind(("127.0.0.1", 0))
                port = sock.getsockname()[1]
        self.port = port
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                                    ws="websockets-sansio", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, name="uvicorn-test", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    def __enter__(self) -> ServerThread:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
