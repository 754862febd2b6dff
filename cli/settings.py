"""`settings show|set`: operational settings, validated, with history."""

from __future__ import annotations

import json

import typer

from cli.common import console, fail, open_store_or_exit, print_json


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Read and change operational settings.", no_args_is_help=True)
    group.command("show")(show)
    group.command("set")(set_value)
    app.add_typer(group, name="settings")


def show(as_json: bool = typer.Option(False, "--json")) -> None:
    open_store_or_exit()
    from store.settings import get_operational_settings

    values = get_operational_settings(fresh=True).model_dump(mode="json")
    if as_json:
        print_json(values)
        return
    for key, value in values.items():
        console.print(f"{key:>32}: {json.dumps(value)}")


def set_value(
    key: str,
    value: str = typer.Argument(..., help="a JSON value (8.5, true, \"CA\", {...}) or plain text"),
    by: str = typer.Option(None, help="who changes it (recorded in the history; default: cli:<your login>)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    open_store_or_exit()
    from core.operational_settings import SettingsError
    from services.audit import cli_actor
    from store.settings import update_settings

    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = value
    try:
        updated = update_settings({key: parsed}, by=by or cli_actor())
    except SettingsError as exc:
        fail("INVALID_SETTING", str(exc), as_json=as_json)
    new_value = updated.model_dump(mode="json")[key]
    if as_json:
        print_json({key: new_value})
    else:
        console.print(f"{key} = {json.dumps(new_value)}")
