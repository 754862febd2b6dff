"""Reviewer-confirmed column mappings, keyed by layout fingerprint."""

from __future__ import annotations

from typing import Any

from store.clock import utcnow
from store.models import LayoutMapping


def get_mappings(fingerprints: list[str]) -> dict[str, dict[str, Any]]:
    if not fingerprints:
        return {}
    return {item.fingerprint: item.mapping for item in LayoutMapping.batch_get(list(set(fingerprints)))}


def save_mapping(fingerprint: str, mapping: dict[str, Any], *, confirmed_by: str) -> LayoutMapping:
    item = LayoutMapping(fingerprint, mapping=mapping, confirmed_by=confirmed_by, confirmed_at=utcnow())
    item.save()
    return item


__all__ = ["get_mappings", "save_mapping"]
