"""What every resolver module needs: the caller, and store errors turned into API errors."""

from __future__ import annotations

from strawberry.types import Info

from api.auth import Identity
from api.errors import Unauthenticated


def caller(info: Info) -> Identity:
    identity = info.context.identity
    if identity is None:
        raise Unauthenticated("authenticate first: an API key or a bearer token")
    return identity


def clamp(first: int | None, default: int, maximum: int) -> int:
    return max(1, min(first or default, maximum))


__all__ = ["caller", "clamp"]
