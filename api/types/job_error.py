from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="Why a job failed, with a stable code.")
class JobError:
    code: str
    message: str

    @classmethod
    def from_dict(cls, error: dict[str, Any] | None) -> JobError | None:
        if not error:
            return None
        return cls(code=str(error.get("code", "UNKNOWN")), message=str(error.get("message", "")))


__all__ = ["JobError"]
