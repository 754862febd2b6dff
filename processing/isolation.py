"""Running the parsing of an untrusted file where it cannot take the caller down.

A hostile file can make native code abort the whole process (calamine's SIGABRT on a failed
allocation), exhaust memory, or spin for minutes. In the API server or a worker that would
kill the embedded store and every other job with it. ``run_isolated`` runs a function in a
child process with hard limits and turns every way the child can end into either the
function's return value or an exception the caller already handles:

* the function's value                                 -> returned
* ``InputError`` raised in the child                   -> the same code and message, re-raised
* CPU time, wall time or memory exhausted              -> InputError(PROCESSING_LIMIT)
* the child killed by a signal or gone without a word  -> InputError(PROCESSING_CRASHED)
* any other exception in the child (a bug)             -> IsolatedError (type name and frames
                                                          only: messages may quote cells)

Children are started by multiprocessing's *forkserver*: a clean single-threaded process
forks each child, so the caller may have threads (the API server, worker pools) without the
hazards of fork(), and the modules named in ``PRELOADED_MODULES`` are imported once, not
per file (a child starts in ~20 ms instead of ~1 s).

    from processing.isolation import ChildLimits, process_file_isolated, read_workbook_isolated
    outcome = process_file_isolated(name, data, settings, on_stage=report)   # a ProcessOutcome
    workbook = read_workbook_isolated(name, data, settings)                  # only the parsing

Progress callbacks run in the caller's process (the child sends stage events over a pipe),
so a worker's progress writes never happen in the child.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from processing.errors import PROCESSING_CRASHED, PROCESSING_LIMIT, InputError

MIB = 1024 * 1024
# Imported by the fork server once, so that children start with the readers and the
# pipeline already loaded.
PRELOADED_MODULES = ("processing.pipeline", "processing.readers", "processing.extraction", "processing.compliance")


@dataclass(frozen=True)
class ChildLimits:
    """What one child may use. CPU time is the deterministic bound (a loaded machine does
    not change it); wall time only catches a child that sleeps or blocks."""

    cpu_seconds: int = 120
    wall_seconds: float = 300.0
    # Address space the child may add on top of what it starts with (the preloaded
    # modules): RLIMIT_AS, so an allocation past it fails in the child (MemoryError, or an
    # abort in native code) instead of growing the machine's memory.
    memory_bytes: int = 1024 * MIB


class IsolatedError(RuntimeError):
    """The isolated function raised something other than InputError: a bug. ``summary``
    holds the child's frames (files, lines, functions), never values or messages."""

    def __init__(self, exception_type: str, summary: str):
        self.exception_type = exception_type
        self.summary = summary
        super().__init__(f"{exception_type} in the isolated child")


@dataclass(frozen=True)
class ChildReport:
    """How the child ended, for tests and metrics: peak RSS in KB as the child measured it
    (None when it did not finish), CPU seconds used."""

    peak_rss_kb: int | None
    cpu_seconds: float | None


_context_lock = threading.Lock()
_context: multiprocessing.context.BaseContext | None = None


def _forkserver() -> multiprocessing.context.BaseContext:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(PRELOADED_MODULES))
            _context = context
        return _context


def run_isolated(
    function: Callable[..., Any],
    *args: Any,
    limits: ChildLimits = ChildLimits(),
    on_event: Callable[[Any], None] | None = None,
    report: list[ChildReport] | None = None,
    **kwargs: Any,
) -> Any:
    """``function(*args, **kwargs)`` in a limited child process; see the module docstring.

    ``function`` must be importable by name (a module-level function), and its arguments and
    result picklable. If the function takes an ``emit`` keyword it receives a callable that
    sends an event to ``on_event`` in this process. ``report``, when given, receives one
    ChildReport.
    """
    context = _forkserver()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main,
        args=(sender, function, args, kwargs, limits, on_event is not None),
        daemon=True,
    )
    child.start()
    sender.close()
    try:
        outcome = _collect(child, receiver, limits, on_event)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    kind, payload, peak_rss_kb, cpu_seconds = outcome
    if report is not None:
        report.append(ChildReport(peak_rss_kb, cpu_seconds))
    if kind == "value":
        return payload
    if kind == "input_error":
        code, message = payload
        raise InputError(code, message)
    if kind == "bug":
        exception_type, summary = payload
        raise IsolatedError(exception_type, summary)
    raise payload  # an InputError built by _collect for a limit or a crash


def _collect(
    child: multiprocessing.process.BaseProcess,
    receiver: multiprocessing.connection.Connection,
    limits: ChildLimits,
    on_event: Callable[[Any], None] | None,
) -> tuple[str, Any, int | None, float | None]:
    deadline = time.monotonic() + limits.wall_seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            child.kill()
            return "limit", _time_limit(limits), None, None
        try:
            ready = receiver.poll(min(remaining, 1.0))
        except (EOFError, OSError):
            ready = True
        if not ready:
            if not child.is_alive() and not receiver.poll(0):
                break
            continue
        try:
            message = receiver.recv()
        except (EOFError, OSError):
            break  # the child is gone without a final message
        if message[0] == "event":
            if on_event is not None:
                on_event(message[1])
            continue
        return message  # ("value" | "input_error" | "bug", payload, peak rss, cpu seconds)
    child.join(5)
    return "crash", _ended(child.exitcode, limits), None, None


def _ended(exitcode: int | None, limits: ChildLimits) -> InputError:
    if exitcode is not None and exitcode < 0 and -exitcode in (signal.SIGXCPU, signal.SIGKILL):
        return _time_limit(limits)
    return InputError(
        PROCESSING_CRASHED,
        "Reading the file made the reader fail. The file is probably damaged or was made "
        "to break spreadsheet readers: save it again from Excel and upload the new copy.",
    )


def _time_limit(limits: ChildLimits) -> InputError:
    return InputError(
        PROCESSING_LIMIT,
        f"Processing the file needed more than {limits.cpu_seconds} s of computing time. "
        "Split it into smaller files (for example one pay period per file).",
    )


def _memory_limit(limits: ChildLimits) -> tuple[str, str]:
    return (
        PROCESSING_LIMIT,
        f"Processing the file needed more than {limits.memory_bytes // MIB} MB of memory. "
        "Split it into smaller files, or remove unused sheets and formatted empty ranges.",
    )


def _apply_limits(limits: ChildLimits) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    in_use = _address_space_bytes()
    cap = in_use + limits.memory_bytes
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crashing child writes no core file


def _address_space_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _usage() -> tuple[int, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss, round(usage.ru_utime + usage.ru_stime, 3)


def _child_main(
    sender: multiprocessing.connection.Connection,
    function: Callable[..., Any],
    args: tuple,
    kwargs: dict,
    limits: ChildLimits,
    wants_events: bool,
) -> None:
    _apply_limits(limits)
    if wants_events:
        kwargs = {**kwargs, "emit": lambda event: sender.send(("event", event))}
    try:
        value = function(*args, **kwargs)
        message: tuple = ("value", value)
    except InputError as error:
        message = ("input_error", (error.code, error.message))
    except MemoryError:
        message = ("input_error", _memory_limit(limits))
    except Exception as exc:  # noqa: BLE001 - reported to the caller as a bug, by type and frames
        from core.logs import exception_summary

        message = ("bug", (type(exc).__name__, exception_summary(exc)))
    try:
        sender.send((*message, *_usage()))
    except MemoryError:  # the value itself was too big to send within the limit
        sender.send(("input_error", _memory_limit(limits), *_usage()))
    sender.close()


# ------------------------------------------------------------------ the pipeline, isolated


def _process_in_child(name: str, data: bytes, settings: Any, mappings: dict | None, emit: Callable | None = None):
    from processing.pipeline import process_file

    on_stage = (lambda stage, percent: emit((stage, percent))) if emit is not None else None
    return process_file(name, data, settings, on_stage=on_stage, mappings=mappings)


def process_file_isolated(
    name: str,
    data: bytes,
    settings: Any,
    *,
    on_stage: Callable[[str, int], None] | None = None,
    mappings: dict | None = None,
    limits: ChildLimits = ChildLimits(),
    report: list[ChildReport] | None = None,
):
    """``processing.pipeline.process_file`` in a limited child: the same ProcessOutcome or
    InputError, plus PROCESSING_LIMIT / PROCESSING_CRASHED for what the child could not
    survive. ``mappings`` must be a plain dict here (the child has no store connection)."""
    on_event = (lambda event: on_stage(*event)) if on_stage is not None else None
    if on_event is None:
        return run_isolated(_process_in_child, name, data, settings, mappings, limits=limits, report=report)
    return run_isolated(
        _process_in_child, name, data, settings, mappings, limits=limits, on_event=on_event, report=report
    )


def _read_in_child(name: str, data: bytes, settings: Any):
    from processing.pipeline import default_reader

    return default_reader(name, data, settings)


def read_workbook_isolated(
    name: str,
    data: bytes,
    settings: Any,
    *,
    limits: ChildLimits = ChildLimits(),
    report: list[ChildReport] | None = None,
):
    """Only the reading (where native code parses the untrusted bytes) in a limited child;
    the Workbook comes back to the caller. For callers whose later stages need their own
    process (a worker's store connection for mappings):

        workbook = read_workbook_isolated(name, data, settings)
        outcome = process_file(name, data, settings, reader=lambda *_: workbook, mappings=..., on_stage=...)
    """
    return run_isolated(_read_in_child, name, data, settings, limits=limits, report=report)


__all__ = [
    "ChildLimits",
    "ChildReport",
    "IsolatedError",
    "PRELOADED_MODULES",
    "process_file_isolated",
    "read_workbook_isolated",
    "run_isolated",
]
