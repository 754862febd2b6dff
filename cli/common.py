"""What every command shares: opening the store with a readable failure, and JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

console = Console()  # results people read
err_console = Console(stderr=True)  # errors and status lines


def setup_logging(verbose: bool = False) -> None:
    from core.logs import setup_logging as configure

    configure(verbose)


def open_store_or_exit():
    from store.bootstrap import open_store
    from store.embedded import EmbeddedStoreUnavailable

    try:
        return open_store()
    except EmbeddedStoreUnavailable as exc:
        fail("STORE_UNAVAILABLE", str(exc), as_json=False)


def print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


def fail(code: str, message: str, *, as_json: bool, exit_code: int = 2) -> NoReturn:
    if as_json:
        print_json({"error": {"code": code, "message": message}})
    else:
        err_console.print(f"[bold red]{code}[/]: {message}")
    raise typer.Exit(exit_code)


__all__ = ["console", "err_console", "fail", "open_store_or_exit", "print_json", "setup_logging"]
