"""The drop folder: files put in a folder (embedded) or under an S3 prefix (AWS) become jobs,
once each, and move to processed/ or failed/ when their job ends.

    watcher = start_drop_watcher(config)   # in `serve` / `worker`
    ...
    watcher.stop()
"""

from __future__ import annotations

from services.drop.start import DisabledDropWatcher, DropWatcher, drop_queue_url, start_drop_watcher

__all__ = ["DisabledDropWatcher", "DropWatcher", "drop_queue_url", "start_drop_watcher"]
