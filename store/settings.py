"""Operational settings in the Setting table: defaults from core.operational_settings, stored
overrides on top, every change validated and kept in the history table.

Reads are cached for ``CACHE_SECONDS`` so a worker asking per job costs one query a second at
most, and a change applies to the next job without restart.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from pynamodb.transactions import TransactWrite

from core.operational_settings import DEFAULT_SETTINGS, OperationalSettings, validate_changes
from store.clock import sortable, utcnow
from store.connection import low_level_connection
from store.models import Setting, SettingChange

SCOPE = "global"
CACHE_SECONDS = 1.0

_cache: tuple[float, OperationalSettings] | None = None
_lock = threading.Lock()


def _stored_values() -> dict[str, Setting]:
    return {item.key: item for item in Setting.query(SCOPE, consistent_read=True)}


def get_operational_settings(*, fresh: bool = False) -> OperationalSettings:
    global _cache
    with _lock:
        if not fresh and _cache and time.monotonic() - _cache[0] < CACHE_SECONDS:
            return _cache[1]
    stored = {key: item.value for key, item in _stored_values().items() if key in OperationalSettings.model_fields}
    settings = validate_changes(DEFAULT_SETTINGS, stored) if stored else DEFAULT_SETTINGS
    with _lock:
        _cache = (time.monotonic(), settings)
    return settings


def invalidate_cache() -> None:
    global _cache
    with _lock:
        _cache = None


def update_settings(changes: dict[str, Any], *, by: str) -> OperationalSettings:
    """Validate ``changes`` against the current settings, then store them with their history.
    Raises core.operational_settings.SettingsError naming each bad key; nothing is written then."""
    current = get_operational_settings(fresh=True)
    updated = validate_changes(current, changes)
    new_values = updated.model_dump(mode="json")
    old_values = current.model_dump(mode="json")
    stored = _stored_values()
    now = utcnow()
    writes = []
    for key in changes:
        if new_values[key] == old_values[key] and key in stored:
            continue  # unchanged: nothing to write (an empty transaction is an error)
        previous = stored.get(key)
        version = int(previous.version) + 1 if previous else 1
        item = Setting(SCOPE, key, value=new_values[key], updated_at=now, updated_by=by, version=version)
        condition = Setting.version == previous.version if previous else Setting.key.does_not_exist()
        change = SettingChange(key, f"{sortable(now)}#{version:06d}", old_value=old_values[key],
                               new_value=new_values[key], changed_by=by, changed_at=now)
        writes += [(item, condition), (change, None)]
    if writes:
        with TransactWrite(connection=low_level_connection()) as tx:
            for item, condition in writes:
                tx.save(item, condition=condition)
    invalidate_cache()
    return updated


def setting_history(key: str, limit: int = 50) -> list[SettingChange]:
    return list(SettingChange.query(key, scan_index_forward=False, limit=limit))


__all__ = ["get_operational_settings", "invalidate_cache", "setting_history", "update_settings"]
