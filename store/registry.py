"""Which models have tables. Feature packages (onboarding, ...) register theirs here."""

from __future__ import annotations

from store.models import CORE_MODELS, BaseModel
from store.onboarding_models import ONBOARDING_MODELS

_registered: list[type[BaseModel]] = [*CORE_MODELS, *ONBOARDING_MODELS]


def register_models(*models: type[BaseModel]) -> None:
    for model in models:
        if model not in _registered:
            _registered.append(model)


def registered_models() -> list[type[BaseModel]]:
    return list(_registered)


__all__ = ["register_models", "registered_models"]
