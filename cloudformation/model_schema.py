"""The table definition each registered PynamoDB model implies, in CloudFormation's shape.

One normal form serves both directions: the generator writes it into tables.yaml, and the
drift check compares it with a template or with a live DescribeTable answer.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from store.models import BaseModel

TABLE_PREFIX_PARAMETER = "TablePrefix"


def load_registered_models() -> list[type[BaseModel]]:
    """Every model with a table. Feature packages register theirs on import (store.registry), so
    every module of ``store`` is imported first: a new models module is picked up without
    editing this file."""
    import store

    for module in pkgutil.iter_modules(store.__path__):
        importlib.import_module(f"store.{module.name}")
    from store.registry import registered_models

    return registered_models()


def logical_id(model: type[BaseModel]) -> str:
    return f"{model.__name__}Table"


def _key_schema(entries: list[dict[str, str]]) -> list[dict[str, str]]:
    # DynamoDB wants HASH before RANGE; PynamoDB's order follows attribute definition order.
    return sorted(
        ({"AttributeName": e["AttributeName"], "KeyType": e["KeyType"]} for e in entries),
        key=lambda e: 0 if e["KeyType"] == "HASH" else 1,
    )


def _projection(projection: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {"ProjectionType": projection["ProjectionType"]}
    if projection.get("NonKeyAttributes"):
        result["NonKeyAttributes"] = sorted(projection["NonKeyAttributes"])
    return result


def _indexes(indexes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "IndexName": index["index_name"],
            "KeySchema": _key_schema(index["key_schema"]),
            "Projection": _projection(index["projection"]),
        }
        for index in sorted(indexes, key=lambda i: i["index_name"])
    ]


def ttl_attribute(model: type[BaseModel]) -> str | None:
    attribute = model._ttl_attribute()
    return attribute.attr_name if attribute is not None else None


def table_spec(model: type[BaseModel]) -> dict[str, Any]:
    """Keys, attribute definitions, indexes (with projections) and the TTL attribute of ``model``,
    in CloudFormation property names, sorted so that two specs compare with ``==``."""
    schema = model._get_schema()
    definitions = {d["AttributeName"]: d["AttributeType"] for d in schema["attribute_definitions"]}
    for index in schema.get("global_secondary_indexes", []) + schema.get("local_secondary_indexes", []):
        for definition in index.get("attribute_definitions", []):
            definitions[definition["AttributeName"]] = definition["AttributeType"]
    spec: dict[str, Any] = {
        "AttributeDefinitions": [{"AttributeName": n, "AttributeType": t} for n, t in sorted(definitions.items())],
        "KeySchema": _key_schema(schema["key_schema"]),
    }
    if schema.get("global_secondary_indexes"):
        spec["GlobalSecondaryIndexes"] = _indexes(schema["global_secondary_indexes"])
    if schema.get("local_secondary_indexes"):
        spec["LocalSecondaryIndexes"] = _indexes(schema["local_secondary_indexes"])
    ttl = ttl_attribute(model)
    if ttl:
        spec["TimeToLiveSpecification"] = {"AttributeName": ttl, "Enabled": True}
    return spec


def table_name_expression(model: type[BaseModel]) -> dict[str, str]:
    return {"Fn::Sub": f"${{{TABLE_PREFIX_PARAMETER}}}{model.base_table_name}"}


__all__ = [
    "TABLE_PREFIX_PARAMETER",
    "load_registered_models",
    "logical_id",
    "table_name_expression",
    "table_spec",
    "ttl_attribute",
]
