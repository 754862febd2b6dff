"""The GraphQL types of the operational settings, read off core.operational_settings: a field
added to the settings model appears in ``Settings`` and ``SettingsInput`` with no other edit.

Types follow the model's annotations: int, bool, float, Decimal and str as themselves, a
Literal (workweek_start_day, onboarding_submit_policy) as String (the model validates the
value), ``X | None`` as nullable, the nested review triggers as their own GraphQL types.
"""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any, Literal

from pydantic.fields import FieldInfo

from api.types.review_triggers import ReviewTriggers, ReviewTriggersInput
from core.operational_settings import OperationalSettings
from core.operational_settings import ReviewTriggers as ReviewTriggersModel

SCALARS = (bool, int, float, Decimal, str)
NESTED = {ReviewTriggersModel: (ReviewTriggers, ReviewTriggersInput)}


def _graphql_type(annotation: Any, *, as_input: bool) -> tuple[Any, bool]:
    """(GraphQL-side Python type, nullable) for one model annotation."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"settings field type {annotation!r} has no GraphQL mapping")
        return _graphql_type(members[0], as_input=as_input)[0], True
    if origin is Literal:
        return str, False
    if annotation in NESTED:
        return NESTED[annotation][1 if as_input else 0], False
    if annotation in SCALARS:
        return annotation, False
    raise TypeError(f"settings field type {annotation!r} has no GraphQL mapping")


def _field_type(info: FieldInfo, *, as_input: bool) -> Any:
    graphql_type, nullable = _graphql_type(info.annotation, as_input=as_input)
    return graphql_type | None if nullable or as_input else graphql_type


def output_annotations() -> dict[str, Any]:
    return {name: _field_type(info, as_input=False) for name, info in OperationalSettings.model_fields.items()}


def input_annotations() -> dict[str, Any]:
    return {name: _field_type(info, as_input=True) for name, info in OperationalSettings.model_fields.items()}


__all__ = ["input_annotations", "output_annotations"]
