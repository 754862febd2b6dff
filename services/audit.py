"""Who an audit entry names: a person beside the machine identity.

API keys are identified by id (``key:<id>``); the trail also records the name the key was
created with (``key:3f2a9c1b (payroll-ops)``). A bearer token's subject already names its
user (``jwt:<sub>``). The CLI records the operating-system login (``cli:<login>``) instead
of a bare "cli".
"""

from __future__ import annotations

import getpass
import os
import threading
import time

KEY_PREFIX = "key:"
NAMES_CACHE_SECONDS = 30.0

_names: tuple[float, dict[str, str]] | None = None
_lock = threading.Lock()


def _key_name(key_id: str) -> str | None:
    global _names
    with _lock:
        cached = _names
    if cached is None or time.monotonic() - cached[0] > NAMES_CACHE_SECONDS or key_id not in cached[1]:
        from store.apikeys import key_names

        cached = (time.monotonic(), key_names())
        with _lock:
            _names = cached
    return cached[1].get(key_id)


def api_actor(subject: str) -> str:
    """``subject`` as the API authenticated it, with the key's name when it is a key."""
    if not subject.startswith(KEY_PREFIX):
        return subject
    name = _key_name(subject[len(KEY_PREFIX):])
    return f"{subject} ({name})" if name else subject


def cli_actor() -> str:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        login = os.environ.get("USER") or f"uid-{os.getuid()}"
    return f"cli:{login}"


def forget_key_names() -> None:
    global _names
    with _lock:
        _names = None


__all__ = ["api_actor", "cli_actor", "forget_key_names"]
