from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="A rule the file broke or a fact worth knowing (result contract `issues`).")
class Issue:
    code: str
    severity: str
    employee: str | None
    date: str | None
    message: str
    rule_id: str | None = None

    @classmethod
    def from_dict(cls, item: dict[str, Any]) -> Issue:
        return cls(code=item.get("code", ""), severity=item.get("severity", ""), employee=item.get("employee"),
                   date=item.get("date"), message=item.get("message", ""), rule_id=item.get("rule_id"))


__all__ = ["Issue"]
