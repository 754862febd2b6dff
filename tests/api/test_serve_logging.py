"""uvicorn's own errors (an exception in the ASGI app) go through the redacting formatter."""

from __future__ import annotations

import io
import logging

from cli.serve import uvicorn_config
from core.logs import setup_logging


def test_uvicorn_tracebacks_are_redacted(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    # Other tests' servers run with uvicorn's default logging config, which gives its loggers
    # their own handlers; `serve` starts in a fresh process, so start from that state.
    uvicorn_loggers = [logging.getLogger(name) for name in ("uvicorn", "uvicorn.error", "uvicorn.access")]
    for logger in uvicorn_loggers:
        monkeypatch.setattr(logger, "handlers", [])
        monkeypatch.setattr(logger, "propagate", True)
    try:
        setup_logging()
        uvicorn_config(lambda *a: None, "127.0.0.1", 0, verbose=False).configure_logging()
        try:
            raise ValueError("could not convert 'Jane Smith' SSN 123-45-6789")
        except ValueError:
            logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    written = stream.getvalue()
    assert "Exception in ASGI application" in written and "ValueError" in written
    assert "Jane Smith" not in written and "123-45-6789" not in written
