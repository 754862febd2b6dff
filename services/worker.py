"""The worker pool: 1-10 worker threads per process (``max_concurrent_jobs``, read live), each
claiming jobs from the shared queue, heart-beating its lease and running the job's handler.

Several processes on several machines can run pools against one table: the queue's
conditional writes are the only coordination. A supervisor thread resizes the pool, returns
expired leases to the queue, and sweeps old finished jobs.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable

from core.operational_settings import OperationalSettings
from processing.errors import InputError
from services.completion import complete_job, roll_back
from services.jobs import HANDLERS, Handler, JobContext, JobStopped
from store import queue
from store.blobs import get_blob_store
from store.errors import LeaseLost
from store.models import FileRecord, Job

log = logging.getLogger(__name__)

MAX_WORKERS = 10
_wakeup = threading.Event()


def notify_new_job() -> None:
    """Called after an enqueue in this process: idle workers claim at once instead of polling."""
    _wakeup.set()


class WorkerPool:
    def __init__(
        self,
        settings_provider: Callable[[], OperationalSettings] | None = None,
        *,
        handlers: dict[str, Handler] | None = None,
        poll_interval: float = 0.5,
        supervise_interval: float = 1.0,
        reclaim_interval: float = 5.0,
        sweep_interval: float = 600.0,
        name: str | None = None,
    ):
        if settings_provider is None:
            from store.settings import get_operational_settings

            settings_provider = get_operational_settings
        self.settings_provider = settings_provider
        self.handlers = handlers if handlers is not None else HANDLERS
        self.poll_interval = poll_interval
        self.supervise_interval = supervise_interval
        self.reclaim_interval = reclaim_interval
        self.sweep_interval = sweep_interval
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._stop = threading.Event()
        self._target = 0
        self._slots: dict[int, threading.Thread] = {}
        self._supervisor: threading.Thread | None = None
        self._claim_lock = threading.Lock()  # one claimer per process at a time: idle polling stays cheap
        self.jobs_run = 0

    # ------------------------------------------------------------ lifecycle

    def start(self) -> WorkerPool:
        self._resize()
        self._supervisor = threading.Thread(target=self._supervise, name="punchline-supervisor", daemon=True)
        self._supervisor.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop claiming; let running jobs finish (up to ``timeout``)."""
        self._stop.set()
        _wakeup.set()
        deadline = time.monotonic() + timeout
        for thread in list(self._slots.values()) + ([self._supervisor] if self._supervisor else []):
            thread.join(max(0.0, deadline - time.monotonic()))

    @property
    def size(self) -> int:
        return sum(1 for t in self._slots.values() if t.is_alive())

    # ------------------------------------------------------------ supervision

    def _settings(self) -> OperationalSettings:
        return self.settings_provider()

    def _resize(self) -> None:
        try:
            wanted = self._settings().max_concurrent_jobs
        except Exception:  # noqa: BLE001 - store unreachable for a moment: keep the current size
            log.warning("could not read max_concurrent_jobs; keeping %d workers", self._target)
            return
        self._target = max(1, min(MAX_WORKERS, int(wanted)))
        for slot in range(self._target):
            thread = self._slots.get(slot)
            if thread is None or not thread.is_alive():
                thread = threading.Thread(target=self._work, args=(slot,), name=f"punchline-worker-{slot}", daemon=True)
                self._slots[slot] = thread
                thread.start()

    def _supervise(self) -> None:
        last_reclaim = last_sweep = 0.0
        while not self._stop.wait(self.supervise_interval):
            self._resize()
            now = time.monotonic()
            if now - last_reclaim >= self.reclaim_interval:
                last_reclaim = now
                self._reclaim()
            if now - last_sweep >= self.sweep_interval:
                last_sweep = now
                self._sweep()

    def _reclaim(self) -> None:
        try:
            settings = self._settings()
            returned = queue.reclaim_expired_leases(backoff_seconds=settings.retry_backoff_seconds)
            if returned:
                log.info("returned %d job(s) with expired leases to the queue", len(returned))
                _wakeup.set()
        except Exception:  # noqa: BLE001 - next round retries
            log.exception("lease reclaim failed")

    def _sweep(self) -> None:
        try:
            settings = self._settings()
            if settings.auto_cleanup_enabled:
                from store.cleanup import sweep_finished_jobs

                removed = sweep_finished_jobs(settings.cleanup_after_days)
                if removed:
                    log.info("cleanup removed %d finished job(s)", len(removed))
        except Exception:  # noqa: BLE001
            log.exception("cleanup sweep failed")

    # ------------------------------------------------------------ work

    def _work(self, slot: int) -> None:
        worker_id = f"{self.name}:{slot}"
        while not self._stop.is_set() and slot < self._target:
            job = self._claim(worker_id)
            if job is None:
                _wakeup.wait(self.poll_interval * (0.5 + random.random()))
                _wakeup.clear()
                continue
            self.run_job(job, worker_id)

    def _claim(self, worker_id: str) -> Job | None:
        with self._claim_lock:
            try:
                lease = self._settings().lease_seconds
                return queue.claim_next_job(worker_id, lease, kinds=set(self.handlers))
            except Exception:  # noqa: BLE001 - store hiccup: back off and poll again
                log.exception("claim failed")
                return None

    def run_job(self, job: Job, worker_id: str) -> None:
        settings = self._settings()
        heartbeat = _Heartbeat(job.job_id, worker_id, settings.lease_seconds)
        heartbeat.start()
        state = {"job": job}

        def report(stage: str, percent: int) -> None:
            if heartbeat.lost.is_set():
                raise JobStopped(job.job_id)
            try:
                state["job"] = queue.record_progress(state["job"], worker_id, int(percent), stage)
            except LeaseLost:
                raise JobStopped(job.job_id) from None

        ctx = JobContext(
            job_id=job.job_id,
            kind=job.kind,
            file_name=job.file_name,
            metadata=dict(job.metadata or {}),
            settings=settings,
            report=report,
            load_file=lambda: _load_file(job),
        )
        handler = self.handlers[job.kind]
        try:
            outcome = handler(ctx)
            if heartbeat.lost.is_set():
                raise JobStopped(job.job_id)
            complete_job(state["job"], worker_id, outcome, settings)
        except (JobStopped, LeaseLost):
            log.info("job %s stopped: no longer leased to %s", job.job_id, worker_id)
            _roll_back(ctx)
        except InputError as exc:
            _roll_back(ctx)
            self._fail(state["job"], worker_id, {"code": exc.code, "message": exc.message}, False, settings)
        except Exception as exc:  # noqa: BLE001 - any bug or outage: retried with backoff
            log.exception("job %s failed on attempt %s", job.job_id, job.attempts)
            _roll_back(ctx)
            error = {"code": "PROCESSING_ERROR", "message": f"{type(exc).__name__} while processing"}
            self._fail(state["job"], worker_id, error, True, settings)
        finally:
            heartbeat.stop()
            self.jobs_run += 1

    def _fail(self, job: Job, worker_id: str, error: dict, retryable: bool, settings: OperationalSettings) -> None:
        try:
            queue.fail_attempt(job, worker_id, error, retryable=retryable, backoff_seconds=settings.retry_backoff_seconds,
                               cleanup_after_days=settings.cleanup_after_days)
        except LeaseLost:
            log.info("job %s was cancelled or reclaimed before its failure was recorded", job.job_id)


def _roll_back(ctx: JobContext) -> None:
    roll_back(ctx.job_id, ctx.rollbacks)


def _load_file(job: Job) -> bytes:
    if not job.file_sha256:
        return b""
    file = FileRecord.get(job.file_sha256, consistent_read=True)
    return get_blob_store().get(file.blob_key)


class _Heartbeat:
    """Extends the lease every third of its length; sets ``lost`` when the job was taken away."""

    def __init__(self, job_id: str, worker_id: str, lease_seconds: int):
        self.job_id = job_id
        self.worker_id = worker_id
        self.lease_seconds = lease_seconds
        self.lost = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id[:8]}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join(5)

    def _beat(self) -> None:
        while not self._done.wait(self.lease_seconds / 3):
            try:
                queue.extend_lease(self.job_id, self.worker_id, self.lease_seconds)
            except LeaseLost:
                self.lost.set()
                return
            except Exception:  # noqa: BLE001 - transient: the lease still has two thirds left
                log.warning("heartbeat for job %s failed; retrying", self.job_id)


__all__ = ["WorkerPool", "notify_new_job"]
