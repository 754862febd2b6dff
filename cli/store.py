"""`store status`: where the store is, its tables and their item counts."""

from __future__ import annotations

import typer
from rich.table import Table

from cli.common import console, open_store_or_exit, print_json


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Inspect the store.", no_args_is_help=True)
    group.command("status")(status)
    app.add_typer(group, name="store")


def status(as_json: bool = typer.Option(False, "--json")) -> None:
    from store.connection import table_counts

    opened = open_store_or_exit()
    counts = table_counts()
    payload = {
        "mode": opened.target.mode,
        "endpoint": opened.target.endpoint,
        "region": opened.target.region,
        "table_prefix": opened.target.table_prefix,
        "tables": counts,
    }
    if as_json:
        print_json(payload)
        return
    console.print(f"mode {payload['mode']}, endpoint {payload['endpoint'] or 'AWS'}, region {payload['region']}")
    table = Table("table", "items (approximate)")
    for name, count in counts.items():
        table.add_row(name, "missing" if count is None else str(count))
    console.print(table)
