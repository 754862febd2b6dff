"""The embedded store: started by the app, shared by later commands, durable across kill -9."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.embedded import EmbeddedStoreUnavailable, check_java

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PUNCHLINE_DATA_DIR": str(data_dir), **env}
    environment.pop("AWS_ENDPOINT_URL_DYNAMODB", None)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120)


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3):
            return True
    except OSError:
        return False


def test_missing_java_is_reported_with_the_alternatives():
    with pytest.raises(EmbeddedStoreUnavailable) as refused:
        check_java("no-such-java-binary")
    message = str(refused.value)
    assert "Java 17" in message and "PUNCHLINE_STORE_MODE=memory" in message


def test_commands_share_the_running_store_and_data_survives_kill_9(tmp_path):
    data_dir = tmp_path / "data"
    sheet = tmp_path / "week.csv"
    sheet.write_text("name,date,hours,rate\nAna Ruiz,2026-03-02,8,20\n")
    env = {**os.environ, "PUNCHLINE_DATA_DIR": str(data_dir)}
    env.pop("AWS_ENDPOINT_URL_DYNAMODB", None)
    owner = subprocess.Popen([sys.executable, "main.py", "worker"], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint_file = data_dir / "dynamodb" / "endpoint.json"
    try:
        deadline = time.monotonic() + 90
        while not endpoint_file.exists():
            assert time.monotonic() < deadline, "the app never started its store"
            time.sleep(0.2)
        port = json.loads(endpoint_file.read_text())["port"]
        queued = cli("enqueue", str(sheet), "--json", data_dir=data_dir)
        assert queued.returncode == 0, queued.stderr
        job_id = json.loads(queued.stdout)["job_id"]
        status = cli("store", "status", "--json", data_dir=data_dir)
        assert json.loads(status.stdout)["endpoint"] == f"http://127.0.0.1:{port}"  # attached, not a second one
    finally:
        owner.send_signal(signal.SIGKILL)
        owner.wait()
    deadline = time.monotonic() + 30
    while port_answers(port):  # the emulator follows its owner
        assert time.monotonic() < deadline, "DynamoDB Local outlived its owner"
        time.sleep(0.2)
    shown = cli("jobs", "show", job_id, "--json", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == job_id
    again = cli("enqueue", str(sheet), "--json", data_dir=data_dir)
    assert json.loads(again.stdout) == {**json.loads(queued.stdout), "duplicate": True}


def test_memory_mode_is_explicit_and_works_without_java(tmp_path):
    sheet = tmp_path / "week.csv"
    sheet.write_text("name,date,hours\nBo Chen,2026-03-02,8\n")
    result = cli("enqueue", str(sheet), "--json", data_dir=tmp_path, PUNCHLINE_STORE_MODE="memory",
                 PUNCHLINE_JAVA_BIN="no-such-java")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["duplicate"] is False
    assert not (tmp_path / "dynamodb" / "endpoint.json").exists()
