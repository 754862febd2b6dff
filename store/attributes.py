"""Attribute types the models share."""

from __future__ import annotations

import json
import zlib
from decimal import Decimal
from typing import Any

from pynamodb.attributes import Attribute
from pynamodb.constants import BINARY, NUMBER


class CompressedJSONAttribute(Attribute[Any]):
    """JSON compressed with zlib: a job result with markdown and findings stays far below
    DynamoDB's 400 KB item limit (typically 8-15x smaller)."""

    attr_type = BINARY

    def serialize(self, value: Any) -> bytes | None:
        if value is None:
            return None
        return zlib.compress(json.dumps(value, separators=(",", ":"), default=str).encode(), 6)

    def deserialize(self, value: bytes) -> Any:
        return json.loads(zlib.decompress(value))


class DecimalAttribute(Attribute[Decimal]):
    """An exact number: hours and money never pass through float on their way to DynamoDB."""

    attr_type = NUMBER

    def serialize(self, value: Decimal) -> str:
        return str(Decimal(value))

    def deserialize(self, value: str) -> Decimal:
        return Decimal(value)


__all__ = ["CompressedJSONAttribute", "DecimalAttribute"]
