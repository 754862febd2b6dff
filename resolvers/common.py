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


async def actor(info: Info) -> str:
    """Who the audit trail names for this request: the key id with the key's name, or the
    token's subject (services.audit; read off the event loop)."""
    from api.threads import off_loop
    from services.audit import api_actor

    return await off_loop(api_actor, caller(info).subject)


def clamp(first: int | None, default: int, maximum: int) -> int:
    return max(1, min(first or default, maximum))


__all__ = ["caller", "clamp"]
