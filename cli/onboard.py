"""`onboard FILE (--dry-run | --submit) [--model NAME] [--json]` and `onboard --list-models`.

``--dry-run`` validates in this process and never opens the store (in-file duplicates are
found; clashes with stored records need ``--submit``). ``--submit`` records the file (a
re-upload of the same bytes is refused as DUPLICATE_FILE) and runs it as an onboarding job
right here. Exit status 0 when the file was processed, whatever its rows held; 2 when it
cannot be read, its model cannot be told, or it was uploaded before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from cli.common import console, fail, print_json

SUMMARY_KEYS = ("model", "rows", "valid", "invalid", "created", "errors", "error_count", "errors_truncated")


def register(app: typer.Typer) -> None:
    app.command("onboard", help="Load customers, projects or HR tables from CSV/Excel.")(onboard)


def onboard(
    file: Annotated[Path | None, typer.Argument(help="csv, xlsx or xls")] = None,
    model: Annotated[str | None, typer.Option("--model", help="Skip detection: Customer, Project, ...")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only; the store is not touched.")] = False,
    submit: Annotated[bool, typer.Option("--submit", help="Validate and create the valid records.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    list_models: Annotated[bool, typer.Option("--list-models", help="Show the models and their fields.")] = False,
) -> None:
    if list_models:
        show_models(as_json)
        return
    if file is None:
        fail("MISSING_FILE", "give a FILE (or --list-models)", as_json=as_json)
    if dry_run == submit:
        fail("MODE_REQUIRED", "choose exactly one of --dry-run and --submit", as_json=as_json)
    if not file.is_file():
        fail("FILE_NOT_FOUND", f"no file at {file}", as_json=as_json)
    data = file.read_bytes()
    summary = run_dry(file.name, data, model, as_json) if dry_run else run_submit(file.name, data, model, as_json)
    if as_json:
        print_json(summary)
    else:
        print_summary(summary, submitted=submit)


def show_models(as_json: bool) -> None:
    from processing.onboarding.registry import MODELS

    models = [{"name": spec.name, "description": spec.description, "unique": list(spec.unique),
               "headerless_columns": list(spec.headerless_columns),
               "fields": [{"name": f.name, "type": f.type, "required": f.required, "aliases": list(f.aliases),
                           "max_length": f.max_length} for f in spec.fields]} for spec in MODELS]
    if as_json:
        print_json({"models": models})
        return
    for item in models:
        fields = ", ".join(f["name"] + ("*" if f["required"] else "") for f in item["fields"])
        console.print(f"[bold]{item['name']}[/]: {fields}" + (f"  (unique: {', '.join(item['unique'])})"
                                                            if item["unique"] else ""))
    console.print("* required. Aliases: `onboard --list-models --json`.")


def run_dry(name: str, data: bytes, model: str | None, as_json: bool) -> dict[str, Any]:
    from processing.onboarding.validation import validate_rows
    from services.onboarding.submit import dry_run

    parsed = parse_or_fail(name, data, model, as_json)
    spec = parsed.detection.model
    return pick(dry_run(spec, validate_rows(spec, parsed.rows)).to_dict())


def parse_or_fail(name: str, data: bytes, model: str | None, as_json: bool):
    from processing.errors import InputError
    from processing.onboarding.detect import DetectionError
    from processing.onboarding.parse import parse_file
    from processing.onboarding.registry import UnknownModel

    try:
        return parse_file(name, data, model=model)
    except InputError as exc:
        fail(exc.code, exc.message, as_json=as_json)
    except DetectionError as exc:
        fail(exc.code, exc.message, as_json=as_json)
    except UnknownModel as exc:
        fail("UNKNOWN_MODEL", str(exc), as_json=as_json)


def run_submit(name: str, data: bytes, model: str | None, as_json: bool) -> dict[str, Any]:
    from cli.common import open_store_or_exit

    open_store_or_exit()
    from services import intake
    from services.audit import cli_actor
    from services.onboarding.run_now import run_job_now
    from store.job_states import FAILED
    from store.jobs import job_result

    refusal = intake.inspect(name, data, kind="onboarding")  # size and format: the refusal every way in gives
    if isinstance(refusal, intake.Refused):
        fail(refusal.code, refusal.message, as_json=as_json)
    parse_or_fail(name, data, model, as_json)  # refuse an unreadable file before recording it
    outcome = intake.submit_file("cli", name, data, kind="onboarding", priority=None, by=cli_actor(),
                                 metadata={"model": model} if model else None)
    if isinstance(outcome, intake.Refused):
        fail(outcome.code, outcome.message, as_json=as_json)
    if isinstance(outcome, intake.Duplicate):
        fail("DUPLICATE_FILE", f"this file was uploaded before (job {outcome.job.job_id}); nothing was loaded again",
             as_json=as_json)
    job = run_job_now(outcome.job)
    result = job_result(job) or {}
    if job.status == FAILED or not result:
        error = job.error or {"code": "JOB_FAILED", "message": f"job {job.job_id} ended {job.status}"}
        fail(error.get("code", "JOB_FAILED"), error.get("message", ""), as_json=as_json)
    return {**pick(result), "job_id": job.job_id, "status": job.status}


def pick(summary: dict[str, Any]) -> dict[str, Any]:
    return {key: summary[key] for key in SUMMARY_KEYS if key in summary}


def print_summary(summary: dict[str, Any], *, submitted: bool) -> None:
    from rich.table import Table

    console.print(f"[bold]{summary['model']}[/]: {summary['rows']} row(s), {summary['valid']} valid, "
                  f"{summary['invalid']} invalid, {summary['created']} created"
                  + (f"  (job {summary['job_id']}, {summary['status']})" if submitted else "  (dry run)"))
    if summary["errors"]:
        table = Table("row", "field", "code", "message")
        for error in summary["errors"]:
            table.add_row(str(error["row"]), error["field"] or "", error["code"], error["message"])
        console.print(table)
        if summary.get("errors_truncated"):
            console.print(f"… {summary['error_count']} errors in all; the first {len(summary['errors'])} are shown")


__all__ = ["register"]
