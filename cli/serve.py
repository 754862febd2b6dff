"""`serve` (API + workers on the store) and `worker` (workers only)."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

import typer

from cli.common import err_console as console
from cli.common import open_store_or_exit, setup_logging


def register(app: typer.Typer) -> None:
    app.command(help="Run the main job: the store (embedded unless configured), the worker pool and the API.")(serve)
    app.command(help="Run workers only, against the configured (or already running embedded) store.")(worker)


def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="HTTP port."),
    workers: bool = typer.Option(True, help="Run the worker pool in this process."),
    verbose: bool = typer.Option(False, "--verbose", "-v"),
) -> None:
    """On SIGTERM or Ctrl-C: stop accepting requests, let running jobs finish (up to
    STOP_TIMEOUT_SECONDS), stop the embedded store, exit 0."""
    setup_logging(verbose)
    opened = open_store_or_exit()
    console.print(f"store: {opened.target.mode} at {opened.target.endpoint or 'AWS'}")
    _hand_out_first_admin_key()
    pool = _start_pool() if workers else None
    background = _start_background() if workers else []
    try:
        from api.app import create_app

        draining_server(uvicorn_config(create_app(start_background=True), host, port, verbose)).run()
    finally:
        if pool:
            console.print("stopping: running jobs finish first")
        _stop_all(background)
        if pool:
            pool.stop(timeout=STOP_TIMEOUT_SECONDS)
        opened.close()


def uvicorn_config(app, host: str, port: int, verbose: bool):  # noqa: ANN001, ANN201 - uvicorn types
    """log_config=None: uvicorn's loggers propagate to the root handler, whose formatter strips
    exception messages; uvicorn's own logging config prints whole tracebacks, values included."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_config=None, log_level="info" if verbose else "warning")


def draining_server(config):  # noqa: ANN001, ANN201 - uvicorn types, imported late for a fast CLI
    """uvicorn's Server, except that a signal only stops the server: uvicorn re-raises the
    signal once it has shut down, which ends the process before the workers drain."""
    import uvicorn

    class DrainingServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self):  # noqa: ANN202
            if threading.current_thread() is not threading.main_thread():
                yield
                return
            original = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in original.items():
                    signal.signal(sig, handler)

    return DrainingServer(config)


def worker(verbose: bool = typer.Option(False, "--verbose", "-v")) -> None:
    setup_logging(verbose)
    opened = open_store_or_exit()
    console.print(f"store: {opened.target.mode} at {opened.target.endpoint or 'AWS'}")
    pool = _start_pool()
    background = _start_background()
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        stopped.wait()
    except KeyboardInterrupt:
        pass
    finally:
        console.print("stopping workers (running jobs finish first)")
        _stop_all(background)
        pool.stop(timeout=STOP_TIMEOUT_SECONDS)


# ECS gives a stopping task up to 120 s: let running jobs finish inside that.
STOP_TIMEOUT_SECONDS = 110.0


def _start_background() -> list:
    """The drop folder (local folder, or S3 events from SQS) and, on AWS, the queue-depth metric."""
    from core.config import get_config
    from services.drop import start_drop_watcher
    from store.metrics import start_queue_metrics_publisher

    config = get_config()
    started = [start_drop_watcher(config)]
    metrics = start_queue_metrics_publisher(region=config.region)
    if metrics is not None:
        started.append(metrics)
    return started


def _stop_all(services: list) -> None:
    for service in services:
        service.stop()


def _start_pool():
    from services.worker import WorkerPool
    from store.settings import get_operational_settings

    pool = WorkerPool().start()
    console.print(f"workers: {get_operational_settings().max_concurrent_jobs} (max_concurrent_jobs, read live)")
    return pool


def _hand_out_first_admin_key() -> None:
    """Show a new bootstrap admin key on a terminal; elsewhere (ECS: stderr goes to CloudWatch)
    write it to a file only its owner can read and log only the file's path."""
    from api.bootstrap_admin import ensure_admin_key

    secret = ensure_admin_key()
    if not secret:
        return
    if sys.stderr.isatty():
        console.print("[bold]No admin key existed; created one. It is shown once, keep it:[/]")
        console.print(f"  x-api-key: {secret}")
        return
    path = write_secret_file(_bootstrap_key_path(), secret)
    console.print(f"No admin key existed; created one and wrote it to {path} (mode 0600). "
                  "Read it, store it elsewhere, delete the file.")


def _bootstrap_key_path() -> Path:
    from core.config import get_config

    return get_config().data_dir / BOOTSTRAP_KEY_FILE


BOOTSTRAP_KEY_FILE = "bootstrap-admin-key"


def write_secret_file(path: Path, secret: str) -> Path:
    """Create ``path`` readable by its owner only (never world-readable, not even briefly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret + "\n")
    return path


__all__ = ["register"]
