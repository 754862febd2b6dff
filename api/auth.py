"""Who is calling: an API key (``x-api-key``) or a JWT bearer token checked against a JWKS.

Roles form a ladder, viewer < uploader < reviewer < admin: a role may do everything the
roles below it may. Verifying does blocking I/O (a DynamoDB read, a JWKS fetch), so the
async entry points run it off the event loop; verified API keys are cached briefly.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jwt
from starlette.concurrency import run_in_threadpool

from api.errors import Unauthenticated
from core.config import AppConfig, get_config

ROLES = ("viewer", "uploader", "reviewer", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
API_KEY_HEADER = "x-api-key"
# A revoked key stops working within this on HTTP; open sockets re-check every
# api.socket_auth.SOCKET_RECHECK_SECONDS, so they close within the sum (9 s < the 10 s promised).
KEY_CACHE_SECONDS = 5.0
JWT_ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384"]


@dataclass(frozen=True)
class Identity:
    """``subject`` is what the audit trail records: ``key:<key id>`` or ``jwt:<sub>``.
    ``expires_at``: a token's ``exp`` (epoch seconds); None for API keys."""

    subject: str
    role: str
    method: str  # api_key | jwt
    expires_at: float | None = field(default=None, compare=False)

    def expired(self, now: float | None = None) -> bool:
        return self.expires_at is not None and (now if now is not None else time.time()) >= self.expires_at

    def has_role(self, role: str) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[role]


class _KeyCache:
    """Verified keys for a few seconds, so a busy client costs one read per interval.
    Revoking a key takes effect within ``KEY_CACHE_SECONDS``."""

    def __init__(self, ttl: float):
        self.ttl = ttl
        self._items: dict[str, tuple[float, Identity | None]] = {}
        self._lock = threading.Lock()

    def get(self, digest: str) -> tuple[bool, Identity | None]:
        with self._lock:
            hit = self._items.get(digest)
        if hit is None or time.monotonic() - hit[0] > self.ttl:
            return False, None
        return True, hit[1]

    def put(self, digest: str, identity: Identity | None) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[digest] = (time.monotonic(), identity)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


key_cache = _KeyCache(KEY_CACHE_SECONDS)


def identity_from_api_key(secret: str) -> Identity | None:
    from store.apikeys import verify_api_key

    digest = hashlib.sha256(secret.encode()).hexdigest()
    cached, identity = key_cache.get(digest)
    if cached:
        return identity
    found = verify_api_key(secret)
    identity = Identity(f"key:{found.key_id}", found.role, "api_key") if found and found.role in ROLE_RANK else None
    key_cache.put(digest, identity)
    return identity


@lru_cache(maxsize=4)
def _jwks_client(url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(url, cache_keys=True, lifespan=3600, timeout=5)


def role_from_claims(claims: Mapping[str, Any], claim: str) -> str | None:
    """The highest known role named by the claim (a Cognito group list or one string)."""
    value = claims.get(claim)
    names = [value] if isinstance(value, str) else list(value or [])
    ranked = [ROLE_RANK[n.lower()] for n in names if isinstance(n, str) and n.lower() in ROLE_RANK]
    return ROLES[max(ranked)] if ranked else None


def identity_from_jwt(token: str, config: AppConfig | None = None) -> Identity | None:
    config = config or get_config()
    if not config.jwks_url:
        return None
    try:
        key = _jwks_client(config.jwks_url).get_signing_key_from_jwt(token).key
        claims = jwt.decode(
            token,
            key,
            algorithms=JWT_ALGORITHMS,
            issuer=config.jwt_issuer,
            options={"verify_aud": False, "require": ["exp", "sub"], "verify_iss": bool(config.jwt_issuer)},
        )
    except (jwt.PyJWTError, ValueError):
        return None
    if config.jwt_audience and not _audience_matches(claims, config.jwt_audience):
        return None
    role = role_from_claims(claims, config.jwt_role_claim)
    return Identity(f"jwt:{claims['sub']}", role, "jwt", expires_at=float(claims["exp"])) if role else None


def _audience_matches(claims: Mapping[str, Any], audience: str) -> bool:
    # ID tokens carry ``aud``; Cognito access tokens carry ``client_id`` instead.
    aud = claims.get("aud")
    audiences = [aud] if isinstance(aud, str) else list(aud or [])
    return audience in audiences or claims.get("client_id") == audience


def credentials_from(values: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(api key, bearer token) from headers or a ``connection_init`` payload (any key case)."""
    lowered = {str(k).lower(): v for k, v in values.items() if isinstance(v, str)}
    api_key = lowered.get(API_KEY_HEADER) or lowered.get("apikey") or lowered.get("api_key")
    authorization = lowered.get("authorization") or ""
    scheme, _, token = authorization.partition(" ")
    bearer = token.strip() if scheme.lower() == "bearer" and token.strip() else None
    return api_key, bearer


def authenticate(values: Mapping[str, Any]) -> Identity | None:
    """Blocking. None when no credentials were given; Unauthenticated when they are wrong."""
    api_key, bearer = credentials_from(values)
    if api_key:
        identity = identity_from_api_key(api_key)
        if identity is None:
            raise Unauthenticated("the API key is not valid")
        return identity
    if bearer:
        identity = identity_from_jwt(bearer)
        if identity is None:
            raise Unauthenticated("the bearer token is not valid, expired, or carries no known role")
        return identity
    return None


async def authenticate_async(values: Mapping[str, Any]) -> Identity | None:
    """A key verified in the last few seconds is answered on the loop (no thread hop); anything
    else is verified in the thread pool (a store read, a JWKS fetch)."""
    api_key, _ = credentials_from(values)
    if api_key:
        cached, identity = key_cache.get(hashlib.sha256(api_key.encode()).hexdigest())
        if cached:
            if identity is None:
                raise Unauthenticated("the API key is not valid")
            return identity
    return await run_in_threadpool(authenticate, values)


__all__ = [
    "API_KEY_HEADER",
    "Identity",
    "ROLES",
    "ROLE_RANK",
    "authenticate",
    "authenticate_async",
    "credentials_from",
    "identity_from_api_key",
    "identity_from_jwt",
    "key_cache",
    "role_from_claims",
]
