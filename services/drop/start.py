"""Pick the drop folder for this process from the configuration.

- ``PUNCHLINE_DROP_WATCHER=off``: none (the API service on AWS: its workers consume the queue).
- an S3 bucket and a drop queue URL: S3 events from SQS (AWS mode).
- otherwise: the local folder ``<data_dir>/drop/`` (embedded mode).

The queue URL is ``AppConfig.drop_queue_url`` (``PUNCHLINE_DROP_QUEUE_URL``); a value passed in wins.
"""

from __future__ import annotations

import os
from typing import Protocol

from core.config import AppConfig, get_config

SWITCH_ENV = "PUNCHLINE_DROP_WATCHER"
LOCAL_FOLDER = "drop"


class DropWatcher(Protocol):
    mode: str

    def stop(self) -> None: ...


class DisabledDropWatcher:
    mode = "off"

    def stop(self) -> None:
        return None


def drop_queue_url(config: AppConfig) -> str | None:
    return config.drop_queue_url or None


def start_drop_watcher(config: AppConfig | None = None, *, queue_url: str | None = None, **options) -> DropWatcher:
    """Start the drop folder that fits ``config``; ``options`` go to the watcher (intervals)."""
    config = config or get_config()
    if os.environ.get(SWITCH_ENV, "").strip().lower() in ("off", "0", "false", "no"):
        return DisabledDropWatcher()
    queue_url = queue_url or drop_queue_url(config)
    if config.s3_bucket and queue_url:
        from services.drop.s3 import S3DropConsumer

        return S3DropConsumer(
            bucket=config.s3_bucket,
            queue_url=queue_url,
            s3_prefix=config.s3_prefix,
            drop_prefix=config.drop_prefix,
            region=config.region,
            **options,
        ).start()
    from services.drop.local import LocalDropWatcher

    return LocalDropWatcher(config.data_dir / LOCAL_FOLDER, **options).start()


__all__ = ["DisabledDropWatcher", "DropWatcher", "drop_queue_url", "start_drop_watcher"]
