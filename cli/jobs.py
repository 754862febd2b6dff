"""`enqueue FILE` and `jobs list|show|cancel|retry|priority|delete`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from cli.common import console, fail, open_store_or_exit, print_json
from services.audit import cli_actor


def register(app: typer.Typer) -> None:
    app.command(help="Queue a file for processing (same bytes twice -> the existing job).")(enqueue)
    group = typer.Typer(help="List and steer jobs.", no_args_is_help=True)
    group.command("list")(list_command)
    group.command("show")(show)
    group.command("cancel")(cancel)
    group.command("retry")(retry)
    group.command("priority")(priority)
    group.command("delete")(delete)
    app.add_typer(group, name="jobs")


def job_summary(job) -> dict:
    from store.job_states import PRIORITY_NAMES

    return {
        "id": job.job_id,
        "kind": job.kind,
        "status": job.status,
        "priority": PRIORITY_NAMES.get(int(job.priority), str(job.priority)),
        "progress": int(job.progress or 0),
        "stage": job.stage,
        "attempts": int(job.attempts or 0),
        "file_name": job.file_name,
        "file_sha256": job.file_sha256,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "started_at": job.started_at.isoformat() if job.started_at else None,
        "completed_at": job.completed_at.isoformat() if job.completed_at else None,
        "error": job.error,
    }


def enqueue(
    file: Path = typer.Argument(..., help="xlsx, xlsm, xls or csv"),
    priority: str = typer.Option(None, help="low | normal | high | urgent (default: the default_job_priority setting)"),
    kind: str = typer.Option(None, help="timecard | onboarding (default: detected from the content)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    from store.job_states import parse_priority

    try:
        level = parse_priority(priority) if priority is not None else None
    except ValueError as exc:
        fail("INVALID_PRIORITY", str(exc), as_json=as_json)
    if not file.is_file():
        fail("FILE_NOT_FOUND", f"{file} does not exist or is not a file", as_json=as_json)
    data = file.read_bytes()
    open_store_or_exit()
    from services import intake

    outcome = intake.submit_file("cli", file.name, data, kind=kind, priority=level, by=cli_actor())
    if isinstance(outcome, intake.Refused):
        fail(outcome.code, outcome.message, as_json=as_json)
    duplicate = isinstance(outcome, intake.Duplicate)
    payload = {"job_id": outcome.job.job_id, "file_sha256": outcome.file.sha256, "duplicate": duplicate}
    if as_json:
        print_json(payload)
    else:
        state = "already known: existing job" if duplicate else "queued as job"
        console.print(f"{file.name} {state} {outcome.job.job_id} ({outcome.job.status})")


def list_command(
    status: list[str] = typer.Option(None, "--status", help="repeatable: PENDING, PROCESSING, REVIEW, ..."),
    first: int = typer.Option(20, help="page size (max 100)"),
    after: str = typer.Option(None, help="cursor from the previous page"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    open_store_or_exit()
    from store.jobs import list_jobs

    statuses = [s.upper() for s in status] if status else None
    try:
        page = list_jobs(statuses, first=first, after=after)
    except ValueError as exc:
        fail("INVALID_CURSOR", str(exc), as_json=as_json)
    if as_json:
        print_json({"jobs": [job_summary(j) for j in page.jobs], "next_cursor": page.next_cursor})
        return
    table = Table("status", "priority", "progress", "stage", "file", "created")
    table.add_column("id", no_wrap=True)
    for job in page.jobs:
        s = job_summary(job)
        table.add_row(s["status"], s["priority"], f"{s['progress']}%", s["stage"], s["file_name"] or "",
                      (s["created_at"] or "")[:19], s["id"])
    console.print(table)
    if page.next_cursor:
        console.print(f"more: --after {page.next_cursor}")


def _steer(action, job_id: str, as_json: bool, **kwargs) -> None:
    open_store_or_exit()
    from store.errors import InvalidJobTransition, JobNotFound

    try:
        job = action(job_id, **kwargs)
    except (JobNotFound, InvalidJobTransition) as exc:
        fail(exc.code, str(exc), as_json=as_json)
    if as_json:
        print_json(job_summary(job))
    else:
        console.print(f"job {job.job_id}: {job.status}")


def show(job_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    open_store_or_exit()
    from store.errors import JobNotFound
    from store.jobs import get_job, job_result, list_events

    try:
        job = get_job(job_id)
    except JobNotFound as exc:
        fail(exc.code, str(exc), as_json=as_json)
    summary = job_summary(job)
    summary["result"] = job_result(job)
    summary["events"] = [
        {"seq": int(e.seq), "type": e.type, "status": e.status, "progress": int(e.progress), "stage": e.stage,
         "message": e.message, "at": e.at.isoformat()}
        for e in list_events(job_id)
    ]
    if as_json:
        print_json(summary)
        return
    for key in ("id", "kind", "status", "priority", "progress", "stage", "attempts", "file_name", "created_at",
                "completed_at", "error"):
        console.print(f"{key:>12}: {summary[key]}")
    result = summary["result"] or {}
    if result:
        console.print(f"{'decision':>12}: {result.get('decision')}  issues: {len(result.get('issues', []))}")
    for event in summary["events"]:
        console.print(f"  #{event['seq']} {event['at']} {event['status']} {event['progress']}% {event['stage']}")


def cancel(job_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    from store.jobs import cancel_job

    _steer(cancel_job, job_id, as_json, by=cli_actor())


def retry(job_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    from store.jobs import retry_job

    _steer(retry_job, job_id, as_json, by=cli_actor())


def priority(job_id: str, level: str, as_json: bool = typer.Option(False, "--json")) -> None:
    from store.job_states import parse_priority
    from store.jobs import set_job_priority

    try:
        value = parse_priority(level)
    except ValueError as exc:
        fail("INVALID_PRIORITY", str(exc), as_json=as_json)
    _steer(set_job_priority, job_id, as_json, priority=value, by=cli_actor())


def delete(job_id: str, as_json: bool = typer.Option(False, "--json")) -> None:
    from store.jobs import delete_job

    _steer(delete_job, job_id, as_json)
