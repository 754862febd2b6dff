"""Do the tables in a template (or in an AWS account) match the PynamoDB models exactly?

``template_drift`` compares each registered model with the template's AWS::DynamoDB::Table
resources, matched by TableName (``${TablePrefix}<base name>``), so logical names are free.
``live_drift`` compares the models with DescribeTable / DescribeTimeToLive answers, for a
deployed stack:

    .venv/bin/python -m cloudformation.drift                      # tables.yaml vs the models
    .venv/bin/python -m cloudformation.drift --live --prefix punchline-prod-   # AWS vs the models

Each returns a list of differences in words; empty means no drift.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cloudformation.model_schema import (  # noqa: E402
    TABLE_PREFIX_PARAMETER,
    load_registered_models,
    table_spec,
)

COMPARED = ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "LocalSecondaryIndexes")


def load_template(path: Path) -> dict[str, Any]:
    """Parse a template, short-form intrinsics (!Ref, !Sub) included."""
    from cfnlint.decode import decode

    template, matches = decode(str(path))
    if template is None:
        raise ValueError(f"{path} is not a readable template: {matches}")
    return template


def _base_name(table_name: Any) -> str | None:
    """``{"Fn::Sub": "${TablePrefix}jobs"}`` -> ``jobs``; anything else is not one of ours."""
    if isinstance(table_name, dict) and "Fn::Sub" in table_name:
        text = table_name["Fn::Sub"]
        marker = f"${{{TABLE_PREFIX_PARAMETER}}}"
        if isinstance(text, str) and text.startswith(marker):
            return text[len(marker) :]
    return None


def _normalize(spec: dict[str, Any]) -> dict[str, Any]:
    """Order-insensitive view of the compared properties (templates may list them in any order)."""

    def keys(entries):
        return sorted((e["AttributeName"], e["KeyType"]) for e in entries)

    def indexes(entries):
        result = {}
        for index in entries or []:
            projection = index.get("Projection", {})
            result[index["IndexName"]] = {
                "keys": keys(index["KeySchema"]),
                "projection": projection.get("ProjectionType", "ALL"),
                "non_key": sorted(projection.get("NonKeyAttributes", [])),
            }
        return result

    ttl = spec.get("TimeToLiveSpecification") or {}
    return {
        "AttributeDefinitions": sorted((d["AttributeName"], d["AttributeType"]) for d in spec.get("AttributeDefinitions", [])),
        "KeySchema": keys(spec.get("KeySchema", [])),
        "GlobalSecondaryIndexes": indexes(spec.get("GlobalSecondaryIndexes")),
        "LocalSecondaryIndexes": indexes(spec.get("LocalSecondaryIndexes")),
        "TimeToLive": ttl.get("AttributeName") if ttl.get("Enabled") in (True, "true", "True") else None,
    }


def compare_spec(table: str, expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    want, have = _normalize(expected), _normalize(actual)
    problems = []
    for field in (*COMPARED, "TimeToLive"):
        if field in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
            for name in sorted(set(want[field]) | set(have[field])):
                if name not in have[field]:
                    problems.append(f"{table}: index {name} is missing")
                elif name not in want[field]:
                    problems.append(f"{table}: index {name} is not in the model")
                elif want[field][name] != have[field][name]:
                    problems.append(f"{table}: index {name} is {have[field][name]}, the model says {want[field][name]}")
        elif want[field] != have[field]:
            problems.append(f"{table}: {field} is {have[field]}, the model says {want[field]}")
    return problems


def template_drift(template: dict[str, Any], models=None) -> list[str]:
    models = models if models is not None else load_registered_models()
    tables = {}
    for logical, resource in (template.get("Resources") or {}).items():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            continue
        base = _base_name(resource.get("Properties", {}).get("TableName"))
        if base is None:
            tables[f"<{logical}>"] = (logical, resource)
        else:
            tables[base] = (logical, resource)
    problems = []
    for model in models:
        found = tables.pop(model.base_table_name, None)
        if found is None:
            problems.append(f"{model.base_table_name}: model {model.__name__} has no table in the template")
            continue
        logical, resource = found
        properties = resource.get("Properties", {})
        problems += compare_spec(f"{model.base_table_name} ({logical})", table_spec(model), properties)
        if properties.get("BillingMode") != "PAY_PER_REQUEST":
            problems.append(f"{model.base_table_name}: BillingMode is not PAY_PER_REQUEST")
    for base, (logical, _) in sorted(tables.items()):
        problems.append(f"{base}: table {logical} in the template matches no registered model")
    return problems


def _live_spec(client, table_name: str) -> dict[str, Any]:
    table = client.describe_table(TableName=table_name)["Table"]
    spec: dict[str, Any] = {key: table.get(key, []) for key in ("AttributeDefinitions", "KeySchema")}
    spec["GlobalSecondaryIndexes"] = table.get("GlobalSecondaryIndexes", [])
    spec["LocalSecondaryIndexes"] = table.get("LocalSecondaryIndexes", [])
    ttl = client.describe_time_to_live(TableName=table_name)["TimeToLiveDescription"]
    if ttl.get("TimeToLiveStatus") in ("ENABLED", "ENABLING"):
        spec["TimeToLiveSpecification"] = {"AttributeName": ttl.get("AttributeName"), "Enabled": True}
    return spec


def live_drift(client, table_prefix: str, models=None, *, check_ttl: bool = True) -> list[str]:
    """The deployed tables against the models. ``check_ttl=False`` where the target does not
    apply TTL from a template (moto's CloudFormation ignores TimeToLiveSpecification)."""
    models = models if models is not None else load_registered_models()
    problems = []
    for model in models:
        name = f"{table_prefix}{model.base_table_name}"
        try:
            actual = _live_spec(client, name)
        except client.exceptions.ResourceNotFoundException:
            problems.append(f"{name}: table does not exist")
            continue
        expected = table_spec(model)
        if not check_ttl:
            expected.pop("TimeToLiveSpecification", None)
            actual.pop("TimeToLiveSpecification", None)
        problems += compare_spec(name, expected, actual)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare DynamoDB tables with the PynamoDB models.")
    parser.add_argument("--template", type=Path, default=Path(__file__).resolve().parent / "tables.yaml")
    parser.add_argument("--live", action="store_true", help="compare the tables in the AWS account instead")
    parser.add_argument("--prefix", help="table prefix of the deployed stack (with --live)")
    parser.add_argument("--region")
    args = parser.parse_args(argv)
    if args.live:
        import boto3

        if not args.prefix:
            parser.error("--live needs --prefix")
        problems = live_drift(boto3.client("dynamodb", region_name=args.region), args.prefix)
    else:
        problems = template_drift(load_template(args.template))
    for problem in problems:
        print(problem)
    print("no drift" if not problems else f"{len(problems)} difference(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
