from __future__ import annotations

import strawberry


@strawberry.type
class SettingProblem:
    key: str
    message: str


@strawberry.type(description="Nothing was changed: each problem names a setting and what to fix.")
class InvalidSettings:
    problems: list[SettingProblem]
    message: str


__all__ = ["InvalidSettings", "SettingProblem"]
