"""`review list|approve|reject`: the review queue from the terminal."""

from __future__ import annotations

import typer
from rich.table import Table

from cli.common import console, fail, open_store_or_exit, print_json
from cli.jobs import job_summary


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Work the review queue.", no_args_is_help=True)
    group.command("list")(list_reviews)
    group.command("approve")(approve)
    group.command("reject")(reject)
    group.command("mapping")(mapping)
    app.add_typer(group, name="review")


def list_reviews(first: int = 20, as_json: bool = typer.Option(False, "--json")) -> None:
    open_store_or_exit()
    from store.jobs import review_queue

    page = review_queue(first=first)
    if as_json:
        print_json({"jobs": [job_summary(j) for j in page.jobs], "next_cursor": page.next_cursor})
        return
    table = Table("id", "file", "created")
    for job in page.jobs:
        table.add_row(job.job_id, job.file_name or "", job.created_at.isoformat())
    console.print(table)


def _decide(job_id: str, approve_it: bool, reviewer: str, comment: str | None, as_json: bool) -> None:
    open_store_or_exit()
    from store.errors import InvalidJobTransition, JobNotFound
    from store.reviews import approve_review, reject_review
    from store.settings import get_operational_settings

    days = get_operational_settings().cleanup_after_days
    try:
        if approve_it:
            job = approve_review(job_id, reviewer=reviewer, comment=comment, cleanup_after_days=days)
        else:
            job = reject_review(job_id, reviewer=reviewer, comment=comment or "", cleanup_after_days=days)
    except (JobNotFound, InvalidJobTransition) as exc:
        fail(exc.code, str(exc), as_json=as_json)
    except ValueError as exc:
        fail("COMMENT_REQUIRED", str(exc), as_json=as_json)
    if as_json:
        print_json(job_summary(job))
    else:
        console.print(f"job {job.job_id}: {job.status}")


def approve(
    job_id: str,
    reviewer: str = typer.Option(..., help="who approves (recorded in the audit trail)"),
    comment: str = typer.Option(None),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    _decide(job_id, True, reviewer, comment, as_json)


def reject(
    job_id: str,
    reviewer: str = typer.Option(..., help="who rejects (recorded in the audit trail)"),
    comment: str = typer.Option(..., help="what is wrong"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    _decide(job_id, False, reviewer, comment, as_json)


def mapping(
    job_id: str,
    sheet: str = typer.Option(..., help="the sheet's name, as in `jobs show`"),
    column: list[str] = typer.Option(..., "--column", help="repeatable: LETTER=role (e.g. C=hours), or LETTER= for none"),
    reviewer: str = typer.Option(..., help="who confirms (kept with the mapping)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Confirm or correct column roles for a sheet's layout; the next file with it reuses them."""
    from services.mapping_review import MappingError, confirm_mapping
    from store.errors import JobNotFound

    pairs = {}
    for item in column:
        letter, _, role = item.partition("=")
        pairs[letter] = role
    open_store_or_exit()
    try:
        stored = confirm_mapping(job_id, sheet, pairs, confirmed_by=reviewer)
    except (MappingError, JobNotFound) as exc:
        fail(exc.code, getattr(exc, "message", str(exc)), as_json=as_json)
    if as_json:
        print_json(stored)
    else:
        console.print(f"mapping stored for layout {stored['fingerprint'][:12]}: {stored['mapping']}")
