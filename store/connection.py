"""Point every model at one DynamoDB (embedded, in-memory moto, a configured endpoint, or AWS)
and create what is missing.

PynamoDB reads ``Meta`` when a class is created and caches its connection on the model;
``configure`` rewrites both so that one process can switch stores (tests do).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from pynamodb.connection import Connection

from core.config import AppConfig, get_config
from store.models import BaseModel
from store.registry import registered_models

log = logging.getLogger(__name__)

# DynamoDB Local accepts any credentials made of letters and digits; AWS never sees these.
LOCAL_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "punchlinelocal", "AWS_SECRET_ACCESS_KEY": "punchlinelocal"}


@dataclass
class StoreTarget:
    mode: str  # embedded | memory | aws
    endpoint: str | None
    region: str
    table_prefix: str


_current: StoreTarget | None = None
_raw_connection: Connection | None = None


def current_target() -> StoreTarget | None:
    return _current


def configure(target: StoreTarget) -> None:
    """Bind every registered model to ``target``. Re-binding the current target keeps the
    botocore clients (about 0.2 s each to build)."""
    global _current, _raw_connection
    if target == _current and _all_bound(target):
        return
    _raw_connection = None
    if target.endpoint:
        os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = target.endpoint
        if target.mode in ("embedded", "memory"):
            for name, value in LOCAL_CREDENTIALS.items():
                os.environ.setdefault(name, value)
    else:
        os.environ.pop("AWS_ENDPOINT_URL_DYNAMODB", None)
    os.environ.setdefault("AWS_DEFAULT_REGION", target.region)
    for model in registered_models():
        _bind(model, target)
    _current = target


def _all_bound(target: StoreTarget) -> bool:
    return all(model.Meta.table_name == f"{target.table_prefix}{model.base_table_name}" for model in registered_models())


def _bind(model: type[BaseModel], target: StoreTarget) -> None:
    model.Meta.table_name = f"{target.table_prefix}{model.base_table_name}"
    model.Meta.region = target.region
    model.Meta.host = None  # botocore takes AWS_ENDPOINT_URL_DYNAMODB
    model._connection = None  # type: ignore[attr-defined]


def target_from_config(config: AppConfig, endpoint: str | None = None) -> StoreTarget:
    return StoreTarget(
        mode=config.resolved_store_mode,
        endpoint=endpoint or config.dynamodb_endpoint,
        region=config.region,
        table_prefix=config.table_prefix,
    )


def ensure_tables(wait: bool = True) -> list[str]:
    """Create every registered table that does not exist yet; return the names created."""
    created = []
    for model in registered_models():
        if model.exists():
            continue
        # TTL is enabled where the target supports it; emulators that do not are swept.
        model.create_table(wait=wait, billing_mode="PAY_PER_REQUEST", ignore_update_ttl_errors=True)
        created.append(model.Meta.table_name)
        log.info("created table %s", model.Meta.table_name)
    return created


def low_level_connection() -> Connection:
    """The process's raw PynamoDB connection (transactions need one) on the configured target.
    Created once: a botocore session and client cost about 0.2 s to build."""
    global _raw_connection
    if _raw_connection is None:
        target = _current
        region = target.region if target else get_config().region
        _raw_connection = Connection(region=region, max_pool_connections=32)
    return _raw_connection


def table_counts() -> dict[str, int | None]:
    """Approximate item counts per table (DescribeTable), for `store status`."""
    counts: dict[str, int | None] = {}
    for model in registered_models():
        try:
            desc = model.describe_table()
            counts[model.Meta.table_name] = int(desc.get("ItemCount", 0))
        except Exception:  # noqa: BLE001 - table missing
            counts[model.Meta.table_name] = None
    return counts


__all__ = [
    "StoreTarget",
    "configure",
    "current_target",
    "ensure_tables",
    "low_level_connection",
    "table_counts",
    "target_from_config",
]
