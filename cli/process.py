"""`punchline process FILE`: run the whole pipeline on one file, in this process.

No server and no store: nothing under ``store`` is imported unless ``--save`` is given,
so the command answers quickly. With ``--json`` standard output is exactly one JSON
object, the result contract (../shared/docs/result-contract.md), or ``{"error": ...}``
with exit status 2 when the file cannot be processed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 1
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
DECISION_STYLES = {"review": "bold yellow", "approved": "bold green"}


class CommandError(Exception):
    """A failure the command reports as ``{"error": {"code", "message"}}`` and exit 2."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(message)


def register(app: typer.Typer, *, process: Callable[..., Any] | None = None) -> None:
    """Add `process`. ``process`` replaces ``process_file`` (tests inject a fake pipeline)."""

    def process_command(
        file: Annotated[Path, typer.Argument(help="Timecard file: xlsx, xlsm, xls or csv.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the result contract as one JSON object.")] = False,
        save: Annotated[bool, typer.Option("--save", help="Also record the file and its result as a job.")] = False,
        priority: Annotated[
            str | None, typer.Option("--priority", help="Job priority for --save: low, normal, high, urgent or 1-4.")
        ] = None,
        stored_settings: Annotated[bool, typer.Option(
            "--stored-settings", help="Judge the file by the stored settings without saving (--save always does).")] = False,
    ) -> None:
        """Process one timecard file and print the verified result."""
        execute(file, as_json=as_json, save=save, priority=priority, process=process, stored_settings=stored_settings)

    app.command("process")(process_command)


def execute(file: Path, *, as_json: bool, save: bool, priority: str | None,
            process: Callable[..., Any] | None = None, stored_settings: bool = False) -> None:
    try:
        output = run(file, save=save, priority=priority, process=process, stored_settings=stored_settings)
    except CommandError as exc:
        report_error(exc.code, exc.message, as_json)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    except Exception as exc:  # noqa: BLE001 - a bug: report it without values (no locals, no message)
        print_frames(exc)
        report_error("INTERNAL_ERROR", f"processing failed unexpectedly ({type(exc).__name__}); "
                     "this is a bug, see standard error", as_json)
        raise typer.Exit(EXIT_INTERNAL_ERROR) from None
    if as_json:
        typer.echo(json.dumps(output, ensure_ascii=False, sort_keys=False))
    else:
        print_report(output)


def run(file: Path, *, save: bool, priority: str | None, process: Callable[..., Any] | None = None,
        stored_settings: bool = False) -> dict[str, Any]:
    """The command's work without Typer: the JSON-ready result, or CommandError.

    Without the store the file is judged by the default settings; with ``--save`` (or
    ``--stored-settings``) by the stored ones, as a worker would judge it."""
    from core.operational_settings import OperationalSettings
    from processing.errors import InputError

    if process is None:
        from processing.pipeline import process_file as process

    level = parse_priority(priority)
    data = read_bytes(file)
    services = load_services() if save or stored_settings else None  # fail before the work, not after it
    settings = services.stored_settings() if services else OperationalSettings()
    try:
        outcome = process(file.name, data, settings)
    except InputError as exc:
        raise CommandError(exc.code, exc.message) from None
    result = dict(outcome.result)
    if save:
        job_priority = settings.default_job_priority if level is None else level
        result["job"] = save_outcome(services.save_processed, file.name, data, outcome, job_priority)
    return result


def read_bytes(file: Path) -> bytes:
    if not file.is_file():
        raise CommandError("FILE_NOT_FOUND", f"no file at {file}")
    try:
        return file.read_bytes()
    except OSError as exc:
        raise CommandError("FILE_UNREADABLE", f"cannot read {file}: {exc.strerror or type(exc).__name__}") from None


def parse_priority(value: str | None) -> int | None:
    if value is None:
        return None
    from store.job_states import parse_priority as parse  # the one table of names; no store I/O

    try:
        return parse(value.strip())
    except ValueError:
        raise CommandError("INVALID_PRIORITY", "priority must be low, normal, high, urgent or 1-4") from None


def load_services() -> Any:
    """services.completion (stored settings, saving a processed file), with the store open.
    The store is imported here only."""
    import importlib

    try:  # by module name: an import a test (or a broken install) made fail is seen as such
        completion = importlib.import_module("services.completion")
    except ImportError:
        raise CommandError("STORE_UNAVAILABLE",
                           "the store cannot record processed files (services.completion.save_processed "
                           "is not available)") from None
    from cli.common import open_store_or_exit

    open_store_or_exit()
    return completion


def save_outcome(saver: Callable[..., Any], name: str, data: bytes, outcome: Any, priority: int) -> dict[str, Any]:
    try:
        saved = saver(name=name, data=data, outcome=outcome, priority=priority)
    except Exception as exc:
        code = getattr(exc, "code", None)
        if isinstance(code, str):  # the store's expected outcomes (duplicate file, conflict ...)
            raise CommandError(code, str(exc)) from None
        raise
    return describe_saved(saved)


def describe_saved(saved: Any) -> dict[str, Any]:
    if isinstance(saved, dict):
        return saved
    if isinstance(saved, str):
        return {"id": saved}
    return {key: getattr(saved, key) for key in ("id", "job_id", "status", "file_id", "duplicate")
            if isinstance(getattr(saved, key, None), (str, int, bool))}


def print_frames(exc: BaseException) -> None:
    """Where a bug happened, for a developer: files, lines and functions only.

    Typer's pretty tracebacks would show local variables, and exception messages may
    quote cell contents; neither may reach a terminal or a log.
    """
    from core.logs import exception_summary

    sys.stderr.write(exception_summary(exc) + "\n")


def report_error(code: str, message: str, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.text import Text

    Console(stderr=True).print(Text.assemble(("error ", "bold red"), (code, "bold"), f": {message}"))


def print_report(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    info = result["file"]
    console.print(Text.assemble((info["name"], "bold"), f"  {info['format']}, {info['size']} bytes, "
                                f"sha256 {info['sha256'][:12]}…"))
    if not result["timecards"]:
        console.print("No timecards found.")
    for card in result["timecards"]:
        title = card["employee"] + (f" ({card['employee_id']})" if card["employee_id"] else "")
        table = Table(title=Text(title, style="bold"), title_justify="left")
        table.add_column("Date")
        table.add_column("Hours", justify="right")
        table.add_column("Pay", justify="right")
        for entry in card["entries"]:
            table.add_row(entry["date"], format_number(entry["hours"]), format_money(entry["pay"]))
        table.add_section()
        table.add_row(Text("Total", style="bold"), format_number(card["total_hours"]), format_money(card["total_pay"]))
        console.print(table)
    if result["issues"]:
        issues = Table(title=Text("Issues", style="bold"), title_justify="left")
        for column in ("Severity", "Code", "Employee", "Date", "Message"):
            issues.add_column(column)
        for issue in result["issues"]:
            style = SEVERITY_STYLES.get(issue["severity"], "")
            issues.add_row(Text(issue["severity"], style=style), issue["code"], Text(issue["employee"] or ""),
                           issue["date"] or "", Text(issue["message"]))
        console.print(issues)
    decision = result["decision"]
    console.print(Text.assemble("Decision: ", (decision, DECISION_STYLES.get(decision, "bold"))))
    if "job" in result:
        console.print(f"Saved as job {result['job'].get('id') or result['job'].get('job_id') or ''}".rstrip())


def format_number(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def format_money(value: float | None) -> str:
    if value is None:
        return "—"
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


__all__ = ["CommandError", "execute", "register", "run"]
