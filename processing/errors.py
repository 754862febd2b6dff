"""Errors a caller must act on: a file that cannot be processed, with a stable code."""

from __future__ import annotations


class InputError(Exception):
    """The file cannot be read or is not supported. ``code`` is stable; ``message`` says what to fix.

    Messages never quote cell contents (they may hold personal data).
    """

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"code": self.code, "message": self.message}}


# Stable codes, shared by the CLI (exit 2), the worker (FAILED job) and the API (InvalidUpload).
EMPTY_FILE = "EMPTY_FILE"
UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT"
CORRUPT_FILE = "CORRUPT_FILE"
FILE_TOO_LARGE = "FILE_TOO_LARGE"
DECOMPRESSION_LIMIT = "DECOMPRESSION_LIMIT"
TOO_MANY_ROWS = "TOO_MANY_ROWS"
TOO_MANY_COLUMNS = "TOO_MANY_COLUMNS"
TOO_MANY_CELLS = "TOO_MANY_CELLS"
TOO_MANY_SHEETS = "TOO_MANY_SHEETS"
# The file made its reader exceed the time or memory it may use (processing/isolation.py).
PROCESSING_LIMIT = "PROCESSING_LIMIT"
# The reader's process died on the file (a native crash, killed by a signal).
PROCESSING_CRASHED = "PROCESSING_CRASHED"
NO_DATA = "NO_DATA"
UNRECOGNIZED_LAYOUT = "UNRECOGNIZED_LAYOUT"
ENCRYPTED_FILE = "ENCRYPTED_FILE"
INVALID_KIND = "INVALID_KIND"

__all__ = [
    "CORRUPT_FILE",
    "DECOMPRESSION_LIMIT",
    "EMPTY_FILE",
    "ENCRYPTED_FILE",
    "FILE_TOO_LARGE",
    "INVALID_KIND",
    "InputError",
    "NO_DATA",
    "PROCESSING_CRASHED",
    "PROCESSING_LIMIT",
    "TOO_MANY_CELLS",
    "TOO_MANY_COLUMNS",
    "TOO_MANY_ROWS",
    "TOO_MANY_SHEETS",
    "UNRECOGNIZED_LAYOUT",
    "UNSUPPORTED_FORMAT",
]
