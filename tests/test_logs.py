"""Logged exceptions keep where they happened, never what they said (it may be a cell's content)."""

from __future__ import annotations

import io
import logging

from core.logs import RedactingFormatter


def test_exception_messages_are_not_logged():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(message)s"))
    log = logging.getLogger("redaction-test")
    log.addHandler(handler)
    try:
        int("Jane Smith 123-45-6789")
    except ValueError:
        log.exception("job %s failed", "j1")
    finally:
        log.removeHandler(handler)
    text = stream.getvalue()
    assert "job j1 failed" in text
    assert "ValueError" in text and "test_logs.py" in text
    assert "Jane" not in text and "6789" not in text
