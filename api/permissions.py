"""Field permissions by role; the ladder is viewer < uploader < reviewer < admin."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission
from strawberry.types import Info

from api.errors import Forbidden, Unauthenticated


class _RolePermission(BasePermission):
    role = "viewer"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        identity = info.context.identity
        if identity is None:
            raise Unauthenticated("authenticate first: an API key or a bearer token")
        if not identity.has_role(self.role):
            raise Forbidden(f"this needs the {self.role} role; the caller is a {identity.role}")
        return True


class IsViewer(_RolePermission):
    role = "viewer"


class IsUploader(_RolePermission):
    role = "uploader"


class IsReviewer(_RolePermission):
    role = "reviewer"


class IsAdmin(_RolePermission):
    role = "admin"


__all__ = ["IsAdmin", "IsReviewer", "IsUploader", "IsViewer"]
