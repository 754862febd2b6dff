from __future__ import annotations

import strawberry


@strawberry.type(description="Refused before anything was stored. Codes: EMPTY_FILE, FILE_TOO_LARGE, UNSUPPORTED_FORMAT.")
class InvalidUpload:
    code: str
    message: str


__all__ = ["InvalidUpload"]
