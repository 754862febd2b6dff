"""API keys: a random secret shown once, stored as its SHA-256."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from store.clock import utcnow
from store.models import ApiKey

ROLES = ("viewer", "uploader", "reviewer", "admin")
KEY_PREFIX = "pl_"


@dataclass
class ApiKeyIdentity:
    key_id: str
    role: str
    name: str


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_api_key(role: str, *, name: str = "", created_by: str = "cli") -> tuple[str, ApiKey]:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    key_id = secrets.token_hex(4)
    secret = f"{KEY_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    item = ApiKey(
        hash_key(secret),
        key_id=key_id,
        role=role,
        name=name or f"{role} key",
        created_at=utcnow(),
        created_by=created_by,
        revoked=False,
    )
    item.save(condition=ApiKey.key_hash.does_not_exist())
    return secret, item


def verify_api_key(secret: str) -> ApiKeyIdentity | None:
    if not secret or not secret.startswith(KEY_PREFIX) or len(secret) > 200:
        return None
    try:
        item = ApiKey.get(hash_key(secret))
    except ApiKey.DoesNotExist:
        return None
    if item.revoked:
        return None
    return ApiKeyIdentity(key_id=item.key_id, role=item.role, name=item.name)


def key_names() -> dict[str, str]:
    """Key id -> the name given at creation, for audit entries (the key table is tiny)."""
    return {item.key_id: item.name for item in ApiKey.scan(attributes_to_get=["key_id", "name"], limit=10_000)}


def any_admin_key_exists() -> bool:
    # The key table is tiny and this runs once at start: a scan is acceptable here.
    return any(item.role == "admin" and not item.revoked for item in ApiKey.scan(limit=1000))


def revoke_api_key(key_id: str) -> bool:
    for item in ApiKey.scan(ApiKey.key_id == key_id):
        item.update(actions=[ApiKey.revoked.set(True)])
        return True
    return False


__all__ = ["ApiKeyIdentity", "ROLES", "any_admin_key_exists", "create_api_key", "hash_key", "key_names", "revoke_api_key",
           "verify_api_key"]
