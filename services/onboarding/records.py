"""Between typed row values and the store's ``NewRecord``: JSON form, record ids, unique
values, the hires index keys."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from processing.onboarding.registry import DATE, DATETIME, INTEGER, MONEY, ModelSpec
from processing.onboarding.validation import unique_value
from store.clock import sortable
from store.onboarding import NewRecord

# Record ids derived from an origin (job + row) are stable: a retried job writes the same ids.
RECORD_NAMESPACE = uuid.UUID("6f1c2b1e-4d7a-4e8a-9a51-0b6c2f9d1a77")


def to_json(spec: ModelSpec, values: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field_spec in spec.fields:
        value = values.get(field_spec.name)
        if value is None:
            continue
        if field_spec.type == DATETIME:
            data[field_spec.name] = value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        elif field_spec.type == DATE:
            data[field_spec.name] = value.isoformat()
        elif field_spec.type == MONEY:
            data[field_spec.name] = str(value)  # exact: never a float
        else:
            data[field_spec.name] = value
    return data


def from_json(spec: ModelSpec, data: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field_spec in spec.fields:
        value = data.get(field_spec.name)
        if value is None:
            values[field_spec.name] = None
        elif field_spec.type == DATETIME:
            values[field_spec.name] = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif field_spec.type == DATE:
            values[field_spec.name] = dt.date.fromisoformat(value)
        elif field_spec.type == MONEY:
            values[field_spec.name] = Decimal(value)
        elif field_spec.type == INTEGER:
            values[field_spec.name] = int(value)
        else:
            values[field_spec.name] = value
    return values


def record_id_for(spec: ModelSpec, values: dict[str, Any], origin: str | None) -> str:
    if spec.id_field:
        return str(values[spec.id_field])
    return str(uuid.uuid5(RECORD_NAMESPACE, origin) if origin else uuid.uuid4())


def unique_values(spec: ModelSpec, values: dict[str, Any]) -> dict[str, str]:
    return {name: unique_value(values[name]) for name in spec.unique if values.get(name) is not None}


def plan_record(spec: ModelSpec, values: dict[str, Any], *, origin: str | None,
                record_id: str | None = None, created_at: dt.datetime | None = None) -> NewRecord:
    rid = record_id or record_id_for(spec, values, origin)
    hires = None
    moment = values.get(spec.yearly_index_field) if spec.yearly_index_field else None
    if moment is not None:
        hires = (f"hired#{moment.year:04d}", f"{sortable(moment)}#{rid}")
    return NewRecord(model=spec.key, record_id=rid, data=to_json(spec, values), unique=unique_values(spec, values),
                     origin=origin, created_at=created_at, hires=hires)


__all__ = ["from_json", "plan_record", "record_id_for", "to_json", "unique_values"]
