"""Open the store for this process: pick the target from the configuration, start or find the
embedded emulator if needed, bind the models and create missing tables."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from botocore.exceptions import BotoCoreError, ClientError
from pynamodb.exceptions import PynamoDBException

from core.config import AppConfig, get_config
from store.connection import StoreTarget, configure, ensure_tables, target_from_config

log = logging.getLogger(__name__)


@dataclass
class OpenStore:
    target: StoreTarget
    created_tables: list[str] = field(default_factory=list)
    embedded: object | None = None  # store.embedded.EmbeddedStore
    memory_server: object | None = None  # moto ThreadedMotoServer

    def close(self) -> None:
        if self.embedded is not None:
            self.embedded.stop()
        if self.memory_server is not None:
            self.memory_server.stop()


_open: OpenStore | None = None


def open_store(config: AppConfig | None = None) -> OpenStore:
    """Idempotent per process: the second call returns the store the first one opened."""
    global _open
    if _open is not None:
        return _open
    config = config or get_config()
    mode = config.resolved_store_mode
    embedded = memory_server = None
    endpoint = config.dynamodb_endpoint
    if mode == "embedded":
        from store.embedded import start_or_attach

        embedded = start_or_attach(config)
        endpoint = embedded.endpoint
    elif mode == "memory":
        memory_server, endpoint = _start_memory_store()
    elif mode != "aws":
        raise ValueError(f"PUNCHLINE_STORE_MODE must be embedded, memory or aws, not {mode!r}")
    target = target_from_config(config, endpoint=endpoint)
    configure(target)
    should_create = config.create_tables if config.create_tables is not None else bool(endpoint)
    created = _create_tables_when_ready() if should_create else []
    _open = OpenStore(target=target, created_tables=created, embedded=embedded, memory_server=memory_server)
    return _open


def close_store() -> None:
    global _open
    if _open is not None:
        _open.close()
        _open = None


def _start_memory_store():
    """moto's server in a thread: an explicitly named, throwaway store for machines without Java."""
    import socket

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request otherwise

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    log.warning("in-memory store (moto): nothing is kept when this process stops")
    return server, f"http://127.0.0.1:{port}"


def _create_tables_when_ready(timeout: float = 60.0) -> list[str]:
    # The emulator accepts connections slightly before it serves requests.
    deadline = time.monotonic() + timeout
    while True:
        try:
            return ensure_tables()
        except (PynamoDBException, BotoCoreError, ClientError) as exc:
            if time.monotonic() > deadline:
                raise
            log.debug("store not ready yet: %s", type(exc).__name__)
            time.sleep(0.25)


__all__ = ["OpenStore", "close_store", "open_store"]
