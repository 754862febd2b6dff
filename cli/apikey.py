"""`punchline apikey create | list | revoke`: API keys, created here, stored hashed, shown once.

``list`` shows ids, roles, names and dates, never a secret or its hash; ``revoke KEY_ID``
takes effect within 5 s on HTTP and closes the key's open WebSockets within 9 s."""

from __future__ import annotations

import json

import typer

ROLES = ("viewer", "uploader", "reviewer", "admin")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="API keys: created here, stored hashed, shown once.", no_args_is_help=True)
    group.command("create")(create_command)
    group.command("list")(list_command)
    group.command("revoke")(revoke_command)
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


def list_command(as_json: bool = typer.Option(False, "--json", help="One JSON array.")) -> None:
    """Every key: id, role, name, created, by whom, revoked. No secrets, no hashes."""
    from store.bootstrap import open_store
    from store.models import ApiKey

    open_store()
    # The key table is small (one row per key); a scan is what listing it costs.
    rows = sorted(({"key_id": k.key_id, "role": k.role, "name": k.name, "created_at": k.created_at.isoformat(),
                    "created_by": k.created_by, "revoked": bool(k.revoked)} for k in ApiKey.scan()),
                  key=lambda row: row["created_at"])
    if as_json:
        typer.echo(json.dumps(rows))
        return
    for row in rows:
        state = "revoked" if row["revoked"] else "active"
        typer.echo(f"{row['key_id']}  {row['role']:<8}  {state:<7}  {row['created_at']}  {row['name']}")


def revoke_command(key_id: str = typer.Argument(..., help="The key's id (from `apikey list`, or pl_<id>_...).")) -> None:
    """Revoke a key by its id."""
    from store.apikeys import revoke_api_key
    from store.bootstrap import open_store

    open_store()
    if not revoke_api_key(key_id.strip()):
        typer.echo(f"no API key has the id {key_id!r}; `apikey list` shows the ids", err=True)
        raise typer.Exit(1)
    typer.echo(f"key {key_id} revoked: refused on HTTP within 5 s, its open WebSockets closed within 9 s")


__all__ = ["create_command", "list_command", "register", "revoke_command"]
