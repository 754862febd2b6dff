"""A worker process for the crash test: `python worker_child.py ENDPOINT PREFIX BLOBDIR`.
Runs a pool with a slow handler until it is killed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")

from services.worker import WorkerPool  # noqa: E402
from store.blobs import LocalBlobStore, set_blob_store  # noqa: E402
from store.connection import StoreTarget, configure  # noqa: E402
from tests.processing.slow_handlers import make_handler  # noqa: E402

endpoint, prefix, blob_dir = sys.argv[1:4]
configure(StoreTarget(mode="embedded", endpoint=endpoint, region="us-west-2", table_prefix=prefix))
set_blob_store(LocalBlobStore(Path(blob_dir)))
WorkerPool(handlers={"slow": make_handler(seconds_per_step=30)}, poll_interval=0.1).start()
while True:
    time.sleep(1)
