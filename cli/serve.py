"""`serve` (API + workers on the store) and `worker` (workers only)."""

from __future__ import annotations

import signal
import threading

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
    import uvicorn

    setup_logging(verbose)
    opened = open_store_or_exit()
    console.print(f"store: {opened.target.mode} at {opened.target.endpoint or 'AWS'}")
    _print_first_admin_key()
    pool = _start_pool() if workers else None
    background = _start_background() if workers else []
    try:
        from api.app import create_app

        uvicorn.run(create_app(start_background=True), host=host, port=port, log_level="info" if verbose else "warning")
    finally:
        _stop_all(background)
        if pool:
            pool.stop()


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
    from processing.drop import start_drop_watcher
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
    from processing.worker import WorkerPool
    from store.settings import get_operational_settings

    pool = WorkerPool().start()
    console.print(f"workers: {get_operational_settings().max_concurrent_jobs} (max_concurrent_jobs, read live)")
    return pool


def _print_first_admin_key() -> None:
    try:
        from api.bootstrap_admin import ensure_admin_key
    except ImportError:
        return
    secret = ensure_admin_key()
    if secret:
        console.print("[bold]No admin key existed; created one. It is shown once, keep it:[/]")
        console.print(f"  x-api-key: {secret}")


__all__ = ["register"]
