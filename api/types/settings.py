"""``Settings``: every operational setting, its fields derived from the settings model."""

from __future__ import annotations

import strawberry

from api.types.review_triggers import ReviewTriggers
from api.types.settings_fields import output_annotations
from core.operational_settings import OperationalSettings


class _Settings:
    @classmethod
    def from_model(cls, model: OperationalSettings) -> Settings:
        values = {name: getattr(model, name) for name in OperationalSettings.model_fields}
        values["review_triggers"] = ReviewTriggers.from_model(model.review_triggers)
        return cls(**values)


_Settings.__annotations__ = output_annotations()
Settings = strawberry.type(_Settings, name="Settings",
                           description="Operational settings; a change applies to the next job, no restart.")

__all__ = ["Settings"]
