"""Nothing is open by default: the first start creates an admin key and shows it once."""

from __future__ import annotations


def ensure_admin_key() -> str | None:
    """Create an admin API key when none exists; return its secret (print it once), else None.
    The store must be open. Two processes starting together may each create one; both work."""
    from store.apikeys import any_admin_key_exists, create_api_key

    if any_admin_key_exists():
        return None
    secret, _ = create_api_key("admin", name="bootstrap admin", created_by="serve")
    return secret


__all__ = ["ensure_admin_key"]
