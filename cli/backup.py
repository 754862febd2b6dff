"""`backup MODEL` and `restore MODEL KEY`: AVRO files of onboarded records in blob storage."""

from __future__ import annotations

from typing import Annotated

import typer

import cli.common as common
from cli.common import console, err_console, fail, print_json


def register(app: typer.Typer) -> None:
    app.command("backup", help="Write every record of a model to an AVRO file in blob storage; print its key.")(backup)
    app.command("restore", help="Restore a model from an AVRO backup (idempotent).")(restore)


def known_model(model: str, as_json: bool) -> str:
    """The model's registered name, or exit 2 with UNKNOWN_MODEL before the store is opened."""
    from processing.onboarding.registry import UnknownModel, get_model

    try:
        return get_model(model).name
    except UnknownModel as exc:
        fail("UNKNOWN_MODEL", str(exc), as_json=as_json)


def backup(
    model: Annotated[str, typer.Argument(help="Customer, Project, Department, JobTitle, HiredEmployee")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    from services.onboarding.backup import backup_model

    name = known_model(model, as_json)
    common.open_store_or_exit()
    key, count = backup_model(model)
    if as_json:
        print_json({"model": name, "key": key, "records": count})
    else:
        err_console.print(f"{count} record(s) backed up")
        console.print(key)


def restore(
    model: Annotated[str, typer.Argument(help="the model the backup holds")],
    key: Annotated[str, typer.Argument(help="the key `backup` printed")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    from services.onboarding.backup import BackupMismatch, restore_model
    from store.blobs import BlobNotFound

    known_model(model, as_json)
    common.open_store_or_exit()

    def progress(done: int, total: int) -> None:
        err_console.print(f"restored {done}/{total}")

    try:
        report = restore_model(model, key, on_progress=progress)
    except BlobNotFound:
        fail("BACKUP_NOT_FOUND", f"no backup at {key}", as_json=as_json)
    except BackupMismatch as exc:
        fail("BACKUP_MISMATCH", str(exc), as_json=as_json)
    except ValueError as exc:  # a blob that is not AVRO
        fail("INVALID_BACKUP", f"{key} is not a readable AVRO backup ({type(exc).__name__})", as_json=as_json)
    if as_json:
        print_json(report.to_dict())
    else:
        console.print(f"{report.model}: {report.records} in backup, {report.restored} restored, "
                      f"{report.already_present} already present, {report.conflicts} conflict(s)")


__all__ = ["register"]
