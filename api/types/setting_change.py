from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from store.models import SettingChange as SettingChangeModel


@strawberry.type(description="One stored change of one setting.")
class SettingChange:
    key: str
    old_value: JSON | None
    new_value: JSON
    changed_by: str
    changed_at: dt.datetime

    @classmethod
    def from_model(cls, item: SettingChangeModel) -> SettingChange:
        return cls(key=item.key, old_value=item.old_value, new_value=item.new_value, changed_by=item.changed_by,
                   changed_at=item.changed_at)


__all__ = ["SettingChange"]
