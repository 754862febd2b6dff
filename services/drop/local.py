"""Embedded mode: a folder on disk (``<data_dir>/drop/``) is the drop folder.

A file is registered once it is complete: its size and modification time have not changed for
``settle_seconds`` (copies and saves that take a while are not read half-written), and its
name is not a temporary one. It stays where it is while its job runs, then moves to
``processed/`` or ``failed/`` (next to the drop folder's files). A file that cannot be read
as a spreadsheet goes to ``failed/`` at once with ``<name>.error.json``.

watchfiles wakes the loop as soon as something changes; a periodic scan does the actual work
and is the fallback where file events do not exist (network file systems, no inotify). A
restart loses nothing: files still in the folder are registered again, which the store's
dedupe turns into "follow the existing job".

Several processes may share one data folder (``serve`` and ``worker``): only the one holding
the lock on ``drop/.watcher.lock`` acts; the others wait and take over if it stops.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

from services.drop.names import ERROR_SUFFIX, FAILED, NOTE_SUFFIX, PROCESSED, is_candidate
from services.drop.registration import Registered, failure_document, register_drop
from services.drop.tracker import JobTracker, Tracked

log = logging.getLogger(__name__)

Fingerprint = tuple[int, int]  # (size, mtime_ns)


class LocalDropWatcher:
    mode = "local"

    def __init__(
        self,
        folder: Path,
        *,
        settle_seconds: float = 1.0,
        poll_interval: float = 1.0,
        use_file_events: bool = True,
    ):
        self.folder = Path(folder)
        self.settle_seconds = settle_seconds
        self.poll_interval = poll_interval
        self.use_file_events = use_file_events
        self.tracker = JobTracker()
        self._seen: dict[str, tuple[Fingerprint, float]] = {}  # key -> (fingerprint, stable since)
        self._stop = threading.Event()
        self._wakeup = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock_file = None

    # ------------------------------------------------------------ lifecycle

    def start(self) -> LocalDropWatcher:
        for sub in ("", PROCESSED, FAILED):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        self._threads.append(threading.Thread(target=self._loop, name="punchline-drop-folder", daemon=True))
        if self.use_file_events:
            self._threads.append(threading.Thread(target=self._watch, name="punchline-drop-events", daemon=True))
        for thread in self._threads:
            thread.start()
        log.info("watching drop folder %s", self.folder)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wakeup.set()
        for thread in self._threads:
            thread.join(timeout)
        if self._lock_file is not None:
            self._lock_file.close()  # releases the flock: a waiting process takes over
            self._lock_file = None

    def holds_folder(self) -> bool:
        """True once this watcher owns the folder (non-blocking; retried every round)."""
        if self._lock_file is not None:
            return True
        handle = open(self.folder / ".watcher.lock", "a+")  # noqa: SIM115 - held while watching
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._lock_file = handle
        log.info("this process now handles drop folder %s", self.folder)
        return True

    def _loop(self) -> None:
        while not self._stop.is_set():
            if self.holds_folder():
                self.run_once()
            self._wakeup.wait(self.poll_interval)
            self._wakeup.clear()

    def _watch(self) -> None:
        try:
            import watchfiles

            for _changes in watchfiles.watch(self.folder, stop_event=self._stop, debounce=200, raise_interrupt=False):
                self._wakeup.set()
        except Exception:  # noqa: BLE001 - no file events here: the periodic scan still works
            log.info("no file events for %s; scanning every %.1f s", self.folder, self.poll_interval)

    def run_once(self) -> None:
        """One round: register complete new files, move the ones whose job ended."""
        try:
            self.scan_once()
            self.follow_once()
        except Exception:  # noqa: BLE001 - store unreachable for a moment: the next round retries
            log.warning("drop folder round failed; retrying", exc_info=True)

    # ------------------------------------------------------------ discovery

    def _candidates(self) -> dict[str, Path]:
        found = {}
        for root, dirs, files in os.walk(self.folder):
            base = Path(root)
            # processed/ and failed/ only grow: never walk them; skip hidden and temp folders.
            dirs[:] = [d for d in dirs if is_candidate(d) and not (base == self.folder and d in (PROCESSED, FAILED))]
            for name in files:
                if is_candidate(name):
                    path = base / name
                    found[path.relative_to(self.folder).as_posix()] = path
        return found

    @staticmethod
    def _fingerprint(path: Path) -> Fingerprint | None:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        return stat.st_size, stat.st_mtime_ns

    def scan_once(self, now: float | None = None) -> list[str]:
        """Register every file that is complete and not yet followed; return their keys."""
        now = time.monotonic() if now is None else now
        candidates = self._candidates()
        for gone in set(self._seen) - set(candidates):
            del self._seen[gone]
        registered = []
        for key, path in sorted(candidates.items()):
            fingerprint = self._fingerprint(path)
            if fingerprint is None:
                continue
            tracked = self.tracker.get(key)
            if tracked is not None and tracked.fingerprint == fingerprint:
                continue  # its job is running
            previous = self._seen.get(key)
            if previous is None or previous[0] != fingerprint:
                self._seen[key] = (fingerprint, now)  # new or still being written: wait
                if self.settle_seconds > 0:
                    continue
            elif now - previous[1] < self.settle_seconds:
                continue
            if self._register(key, path, fingerprint):
                registered.append(key)
        return registered

    def _register(self, key: str, path: Path, fingerprint: Fingerprint) -> bool:
        try:
            data = path.read_bytes()
        except OSError:
            return False  # moved away or unreadable right now: the next scan looks again
        if len(data) != fingerprint[0] or self._fingerprint(path) != fingerprint:
            return False  # changed while being read
        outcome = register_drop(key, data)
        if isinstance(outcome, Registered):
            self.tracker.track(Tracked(key, outcome.job_id, outcome.note, fingerprint))
            log.info("drop %s -> job %s", key, outcome.job_id)
            return True
        self._move(key, path, FAILED, {ERROR_SUFFIX: failure_document(None, None, outcome.error)})
        log.info("drop %s refused at intake (%s): moved to %s/", key, outcome.error.get("code"), FAILED)
        return False

    # ------------------------------------------------------------ finishing

    def follow_once(self) -> list[str]:
        """Move the files whose job ended; return their keys."""
        moved = []
        for ended in self.tracker.ended():
            tracked = ended.tracked
            self.tracker.forget(tracked.key)
            path = self.folder / tracked.key
            if self._fingerprint(path) != tracked.fingerprint:
                continue  # replaced or removed meanwhile: new content is registered on its own
            documents: dict[str, Any] = {}
            if tracked.note:
                documents[NOTE_SUFFIX] = tracked.note
            if ended.folder == FAILED:
                documents[ERROR_SUFFIX] = failure_document(tracked.job_id, ended.status, ended.error)
            self._move(tracked.key, path, ended.folder, documents)
            self._seen.pop(tracked.key, None)
            moved.append(tracked.key)
            log.info("job %s %s: drop %s moved to %s/", tracked.job_id, ended.status, tracked.key, ended.folder)
        return moved

    def _move(self, key: str, path: Path, folder: str, documents: dict[str, Any]) -> Path:
        target = self._free_target(self.folder / folder / key)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return target  # moved or removed meanwhile (by hand): nothing left to do
        for suffix, document in documents.items():
            _write_json(target.with_name(target.name + suffix), document)
        return target

    @staticmethod
    def _free_target(target: Path) -> Path:
        """Never overwrite an earlier file of the same name: add -2, -3... before the extension."""
        candidate, counter = target, 2
        while candidate.exists():
            candidate = target.with_name(f"{target.stem}-{counter}{target.suffix}")
            counter += 1
        return candidate


def _write_json(path: Path, document: dict[str, Any]) -> None:
    tmp = path.with_name(f".partial-{path.name}")
    tmp.write_text(json.dumps(document, indent=2, sort_keys=True))
    os.replace(tmp, path)


__all__ = ["LocalDropWatcher"]
