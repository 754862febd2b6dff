"""Back up every record of a model to a typed AVRO file, and restore one idempotently.

The schema follows the declaration: integers are longs, dates AVRO ``date``, times
``timestamp-micros``, money ``decimal(18, 2)``; every model field is nullable. Each row
also carries the record's id, creation time and origin, so a restore writes the very same
records (same ids, same list order) and restoring twice writes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from processing.onboarding.registry import DATE, DATETIME, INTEGER, MONEY, ModelSpec, get_model
from services.onboarding.records import from_json, plan_record
from store.onboarding import CREATED, EXISTS, REPLAYED, create_records, iter_records
from store.onboarding_backup import read_backup, write_backup

RESTORE_BATCH = 500
META_FIELDS = ("_record_id", "_created_at", "_origin")

_AVRO_TYPES: dict[str, Any] = {
    INTEGER: "long",
    DATE: {"type": "int", "logicalType": "date"},
    DATETIME: {"type": "long", "logicalType": "timestamp-micros"},
    MONEY: {"type": "bytes", "logicalType": "decimal", "precision": 18, "scale": 2},
}


class BackupMismatch(ValueError):
    """The backup file is not one of this model."""


def avro_schema(spec: ModelSpec) -> dict[str, Any]:
    return {
        "type": "record",
        "name": spec.name,
        "namespace": "punchline.onboarding",
        "fields": [
            {"name": "_record_id", "type": "string"},
            {"name": "_created_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
            {"name": "_origin", "type": ["null", "string"], "default": None},
            *({"name": f.name, "type": ["null", _AVRO_TYPES.get(f.type, "string")], "default": None}
              for f in spec.fields),
        ],
    }


def backup_model(model: str) -> tuple[str, int]:
    """Write every record of ``model`` to blob storage; return (key, records)."""
    spec = get_model(model)
    rows = ({"_record_id": item.record_id, "_created_at": item.created_at, "_origin": item.origin,
             **from_json(spec, item.data)} for item in iter_records(spec.key))
    return write_backup(spec.key, avro_schema(spec), rows)


@dataclass
class RestoreReport:
    model: str
    key: str
    records: int
    restored: int = 0
    already_present: int = 0
    conflicts: int = 0  # a record whose unique value another record holds now

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "key": self.key, "records": self.records, "restored": self.restored,
                "already_present": self.already_present, "conflicts": self.conflicts}


def restore_model(model: str, key: str, *, on_progress: Callable[[int, int], None] | None = None,
                  batch: int = RESTORE_BATCH) -> RestoreReport:
    spec = get_model(model)
    schema, rows = read_backup(key)
    if schema.get("name", "").split(".")[-1] != spec.name:
        raise BackupMismatch(f"{key} is a backup of {schema.get('name')}, not {spec.name}")
    report = RestoreReport(spec.name, key, len(rows))
    for start in range(0, len(rows), batch):
        chunk = [_planned(spec, row) for row in rows[start:start + batch]]
        for outcome in create_records(chunk):
            if outcome.status == CREATED:
                report.restored += 1
            elif outcome.status == REPLAYED:
                report.already_present += 1
            elif outcome.status == EXISTS:
                report.conflicts += 1
        if on_progress:
            on_progress(min(start + batch, len(rows)), len(rows))
    return report


def _planned(spec: ModelSpec, row: dict[str, Any]):
    values = {name: row.get(name) for name in spec.field_names}
    for field_spec in spec.fields:
        value = values[field_spec.name]
        if field_spec.type == DATETIME and value is not None and value.tzinfo is None:
            values[field_spec.name] = value.replace(tzinfo=dt.UTC)
    origin = row.get("_origin") or f"restore:{row['_record_id']}"
    return plan_record(spec, values, origin=origin, record_id=row["_record_id"], created_at=row["_created_at"])


__all__ = ["BackupMismatch", "RestoreReport", "avro_schema", "backup_model", "restore_model"]
