"""Functions the isolation tests run in a child process (importable by name, as forkserver needs)."""

from __future__ import annotations

import ctypes
import os
import signal
import time

from processing.errors import InputError


def add(a: int, b: int) -> int:
    return a + b


def refuse(code: str) -> None:
    raise InputError(code, "what to fix")


def bug() -> None:
    raise KeyError("SSN 123-45-6789")  # the message must not reach the caller


def burn_cpu() -> None:
    while True:
        pass


def sleep_forever() -> None:
    time.sleep(3600)


def allocate(megabytes: int) -> int:
    blocks = [bytearray(1024 * 1024) for _ in range(megabytes)]
    return len(blocks)


def abort() -> None:
    os.kill(os.getpid(), signal.SIGABRT)


def segfault() -> None:
    ctypes.string_at(0)


def progress(steps: int, emit=None) -> str:
    for step in range(steps):
        emit(("step", step))
    return "done"


def own_pid() -> int:
    return os.getpid()
