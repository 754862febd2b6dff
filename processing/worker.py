"""Moved to services.worker. This alias stays only until cli/serve.py, bench/ and
tests/api/test_live_server.py (owned by other work) import it from there; import-linter
names it as the one allowed exception to "processing imports core only"."""

from services.worker import WorkerPool, notify_new_job

__all__ = ["WorkerPool", "notify_new_job"]
