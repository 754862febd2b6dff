"""`ask "QUESTION" [--today YYYY-MM-DD] [--role ROLE] [--json]`: a read-only question about
the stored records, answered as a table with the plan it ran.

The CLI already has the store's keys, so it asks as an admin by default; ``--role`` shows
what a viewer (or any role) would be told. Exit status 0 for an answer, 1 when the
question was refused (the reason and example questions are printed), 2 for a bad option.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import console, err_console, fail, open_store_or_exit, print_json

ROLES = ("viewer", "uploader", "reviewer", "admin")


def register(app: typer.Typer) -> None:
    app.command("ask", help="Ask a read-only question about hours, pay, files, reviews or hires.")(ask_command)


def ask_command(
    question: Annotated[str, typer.Argument(help='e.g. "Who worked more than 40 hours last week?"')],
    today: Annotated[str | None, typer.Option("--today", help="Resolve date words against this date "
                                                               "(YYYY-MM-DD; default: today, UTC).")] = None,
    role: Annotated[str, typer.Option("--role", help="Answer as this role: viewer, uploader, reviewer, admin.")]
    = "admin",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    if role not in ROLES:
        fail("BAD_ROLE", f"--role must be one of {', '.join(ROLES)}", as_json=as_json)
    day = None
    if today:
        try:
            day = dt.date.fromisoformat(today)
        except ValueError:
            fail("BAD_DATE", "--today must be a date as YYYY-MM-DD, e.g. 2026-03-18", as_json=as_json)
    open_store_or_exit()
    from services.ask import Answer, ask
    from services.ask.answer import cell_text
    from store.settings import get_operational_settings

    result = ask(question, role=role, today=day, settings=get_operational_settings())
    if not isinstance(result, Answer):
        if as_json:
            print_json({"cannot_answer": {"code": result.code, "reason": result.reason,
                                          "examples": list(result.examples)}})
        else:
            err_console.print(f"[bold yellow]{result.code}[/]: {result.reason}")
            err_console.print("Questions that work:")
            for example in result.examples:
                err_console.print(f"  {example}")
        raise typer.Exit(1)
    table = result.table
    if as_json:
        payload: dict[str, Any] = {
            "question": result.question, "today": result.today.isoformat(), "source": result.source,
            "plan": {"text": result.plan_text, **result.plan.model_dump(mode="json")},
            "columns": [{"name": c.name, "type": c.type} for c in table.columns],
            "rows": [[cell_text(cell) for cell in row] for row in table.rows],
            "drawn_on": {"entity": table.drawn_on.entity, "records": table.drawn_on.records,
                         "period_start": table.drawn_on.period_start, "period_end": table.drawn_on.period_end},
            "notes": table.notes,
        }
        print_json(payload)
        return
    view = Table(*[c.name for c in table.columns])
    for row in table.rows:
        view.add_row(*[cell_text(cell) or "" for cell in row])
    console.print(view)
    drawn = table.drawn_on
    span = f", {drawn.period_start} to {drawn.period_end}" if drawn.period_start else ""
    console.print(f"plan: {result.plan_text}")
    console.print(f"drawn on {drawn.records} {drawn.entity.replace('_', ' ')}{span} (today = {result.today})")
    for note in table.notes:
        console.print(f"note: {note}")


__all__ = ["ask_command", "register"]
