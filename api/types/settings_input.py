"""``SettingsInput``: every operational setting, optional, its fields derived from the model."""

from __future__ import annotations

from typing import Any

import strawberry

from api.types.review_triggers import ReviewTriggersInput
from api.types.settings_fields import input_annotations


class _SettingsInput:
    pass


_SettingsInput.__annotations__ = input_annotations()
for _name in _SettingsInput.__annotations__:
    setattr(_SettingsInput, _name, strawberry.UNSET)  # left out -> unchanged; null -> cleared (when allowed)
SettingsInput = strawberry.input(_SettingsInput, name="SettingsInput",
                                 description="Only the fields given change; each is validated, all or nothing.")


def given_fields(value: Any) -> dict[str, Any]:
    """The fields the client sent (null included: the validator decides if null is allowed)."""
    changes = {}
    for name, field_value in vars(value).items():
        if field_value is strawberry.UNSET:
            continue
        changes[name] = given_fields(field_value) if isinstance(field_value, ReviewTriggersInput) else field_value
    return changes


def settings_changes(value: SettingsInput) -> dict[str, Any]:
    return given_fields(value)


__all__ = ["SettingsInput", "settings_changes"]
