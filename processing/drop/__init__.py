"""Moved to services.drop. This alias stays only until cli/serve.py (owned by other work)
imports it from there; import-linter names it as an allowed exception."""

from services.drop import DisabledDropWatcher, DropWatcher, drop_queue_url, start_drop_watcher

__all__ = ["DisabledDropWatcher", "DropWatcher", "drop_queue_url", "start_drop_watcher"]
