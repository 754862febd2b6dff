"""`punchline apikey create --role ROLE [--name N] [--json]`: a new API key, shown once."""

from __future__ import annotations

import json

import typer

ROLES = ("viewer", "uploader", "reviewer", "admin")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="API keys: created here, stored hashed, shown once.", no_args_is_help=True)
    group.command("create")(create_command)
    app.add_typer(group, name="apikey")


def create_command(
    role: str = typer.Option(..., "--role", help="viewer, uploader, reviewer or admin."),
    name: str = typer.Option("", "--name", help="A label for listings; not a secret."),
    as_json: bool = typer.Option(False, "--json", help='Print {"key": ...} as one JSON object.'),
) -> None:
    """Create an API key with ROLE and print its secret (it cannot be shown again)."""
    role = role.strip().lower()
    if role not in ROLES:
        typer.echo(f"--role must be one of {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    from store.apikeys import create_api_key
    from store.bootstrap import open_store

    open_store()
    secret, item = create_api_key(role, name=name, created_by="cli")
    if as_json:
        typer.echo(json.dumps({"key": secret, "key_id": item.key_id, "role": item.role}))
        return
    typer.echo(f"{role} key {item.key_id} created. It is shown once; store it now:")
    typer.echo(secret)


__all__ = ["create_command", "register"]
