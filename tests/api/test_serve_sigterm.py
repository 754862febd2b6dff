"""`serve` as ECS runs it: a subprocess on the embedded store, stderr not a terminal.
SIGTERM while a job is PROCESSING: the server stops, the job finishes without spending another
attempt, DynamoDB Local is stopped, the exit code is 0. The first admin key goes to a 0600
file, never to the log."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
ROWS = 400  # processing them on DynamoDB Local on disk takes about 10 s: SIGTERM lands mid-job


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUNCHLINE_", "AWS_ENDPOINT"))}
    env.update(PUNCHLINE_DATA_DIR=str(data_dir), PUNCHLINE_STORE_MODE="embedded")
    return env


def big_csv() -> bytes:
    rows = [f"Worker {i % 80:03d},W{i % 80:03d},2026-03-0{2 + i // 80},8,25" for i in range(ROWS)]
    return ("Employee,Employee ID,Date,Hours,Rate\n" + "\n".join(rows) + "\n").encode()


def gql(url: str, key: str, query: str, variables: dict | None = None) -> dict:
    response = httpx.post(url, json={"query": query, "variables": variables or {}}, headers={"x-api-key": key},
                          timeout=30)
    return response.json()


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_drains_the_running_job_and_stops_the_store(tmp_path):
    data_dir = tmp_path / "data"
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen([sys.executable, "main.py", "serve", "--port", str(port)], cwd=ROOT,
                                  env=serve_env(data_dir), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/graphql"
    try:
        def healthy():
            try:
                return httpx.get(url.replace("/graphql", "/health"), timeout=2).status_code == 200
            except httpx.HTTPError:
                return server.poll() is not None  # exited: fail below with its log

        wait_for(healthy, 120, "serve to answer /health")
        assert server.poll() is None, log_path.read_text()
        key_file = data_dir / "bootstrap-admin-key"
        key = key_file.read_text().strip()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert key not in log_path.read_text(), "the admin key must not reach the log"
        store_pid = json.loads((data_dir / "dynamodb" / "endpoint.json").read_text())["pid"]

        operations = json.dumps({"query": "mutation($file: Upload!) { uploadFile(file: $file) { __typename "
                                          "... on UploadAccepted { job { id } } } }", "variables": {"file": None}})
        uploaded = httpx.post(url, headers={"x-api-key": key}, timeout=60,
                              data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
                              files={"0": ("crew.csv", big_csv(), "text/csv")}).json()
        job_id = uploaded["data"]["uploadFile"]["job"]["id"]
        status_query = "query($id: ID!) { job(id: $id) { status attempts } }"
        wait_for(lambda: gql(url, key, status_query, {"id": job_id})["data"]["job"]["status"] == "PROCESSING",
                 60, "the job to be PROCESSING")
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=150)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    output = log_path.read_text()
    assert code == 0, output
    assert "running jobs finish first" in output
    assert not pid_alive(store_pid), "DynamoDB Local must be stopped"

    shown = subprocess.run([sys.executable, "main.py", "jobs", "show", job_id, "--json"], cwd=ROOT,
                           env=serve_env(data_dir), capture_output=True, text=True, timeout=120)
    job = json.loads(shown.stdout)
    assert job["status"] in ("COMPLETED", "REVIEW"), job
    assert job["attempts"] == 1, "the drained job spent no second attempt"
