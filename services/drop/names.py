"""Which dropped names are real files to register, and where a finished one goes."""

from __future__ import annotations

from pathlib import PurePosixPath

from store import job_states

PROCESSED = "processed"
FAILED = "failed"
ERROR_SUFFIX = ".error.json"
NOTE_SUFFIX = ".note.json"

# Editors, browsers and copy tools write under temporary names, then rename: those are never
# registered (the final name shows up as its own file or event).
_TEMP_PREFIXES = (".partial-", "~$", ".~lock.", ".")
_TEMP_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", "~", ERROR_SUFFIX, NOTE_SUFFIX)


def is_candidate(name: str) -> bool:
    """True for a name that may be a finished spreadsheet (the format is checked later)."""
    base = PurePosixPath(name).name
    if not base:
        return False
    lowered = base.lower()
    return not lowered.startswith(_TEMP_PREFIXES) and not lowered.endswith(_TEMP_SUFFIXES)


def destination_folder(job_status: str | None) -> str | None:
    """processed/ when processing ended (COMPLETED, or REVIEW: a person looks at the result in
    the app, the file itself was read); failed/ for FAILED and CANCELLED; None while running.
    ``None`` status means the job no longer exists (deleted): failed/."""
    if job_status in (job_states.COMPLETED, job_states.REVIEW):
        return PROCESSED
    if job_status in (job_states.FAILED, job_states.CANCELLED, None):
        return FAILED
    return None


__all__ = ["ERROR_SUFFIX", "FAILED", "NOTE_SUFFIX", "PROCESSED", "destination_folder", "is_candidate"]
