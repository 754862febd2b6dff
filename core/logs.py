"""Logging that never writes personal data: exception messages can quote cell contents
("could not convert 'Jane Smith'"), so tracebacks keep only files, lines, functions and the
exception type."""

from __future__ import annotations

import logging
import sys
import traceback

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def exception_summary(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(["Traceback (values omitted):", *lines, type(exc).__name__])


class RedactingFormatter(logging.Formatter):
    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        _, exc, _ = ei
        return exception_summary(exc) if exc is not None else ""


def setup_logging(verbose: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("botocore", "urllib3", "pynamodb"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


__all__ = ["RedactingFormatter", "exception_summary", "setup_logging"]
