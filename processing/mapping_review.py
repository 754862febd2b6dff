"""A reviewer's column mapping, checked: column letters and known roles, and the layout
fingerprint it is stored under (from a job's stored result or from the file itself).
Storing it is services.mapping_review."""

from __future__ import annotations

import re
from typing import Any

from processing.layout.roles import ALIASES, SENSITIVE

COLUMN_LETTERS = re.compile(r"[A-Za-z]{1,3}")
KNOWN_ROLES = frozenset(ALIASES) | {SENSITIVE}


class MappingError(ValueError):
    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


def validate_columns(columns: dict[str, str | None]) -> dict[str, str | None]:
    """Column letters -> a known role, or None to say "this column plays no role"."""
    if not columns:
        raise MappingError("EMPTY_MAPPING", "give at least one column, e.g. C=hours")
    cleaned: dict[str, str | None] = {}
    for column, role in columns.items():
        if not COLUMN_LETTERS.fullmatch(column.strip()):
            raise MappingError("INVALID_COLUMN", f"{column!r} is not a column letter (A, B, ..., AA)")
        role = (role or "").strip() or None
        if role is not None and role not in KNOWN_ROLES:
            raise MappingError("UNKNOWN_ROLE", f"{role!r} is not a column role; known roles: {', '.join(sorted(KNOWN_ROLES))}")
        cleaned[column.strip().upper()] = role
    return cleaned


def sheet_fingerprint(result: dict[str, Any] | None, sheet: str) -> str:
    sheets = {record.get("sheet"): record for record in (result or {}).get("sheets", [])}
    if sheet not in sheets:
        raise MappingError("UNKNOWN_SHEET", f"the job has no sheet named {sheet!r}; its sheets: {', '.join(map(str, sheets)) or 'none'}")
    fingerprint = sheets[sheet].get("fingerprint")
    if not fingerprint:
        raise MappingError("NO_LAYOUT", f"no header layout was found on sheet {sheet!r}, so there is nothing to map")
    return fingerprint


def fingerprint_from_file(name: str, data: bytes, sheet: str) -> str:
    """The layout fingerprint of ``sheet`` read from the file itself: a job that failed with
    UNRECOGNIZED_LAYOUT has no stored schema, and mapping its columns is how it gets read."""
    from processing.families import detect_layout
    from processing.readers import read_workbook

    workbook = read_workbook(name, data)
    for candidate in workbook.sheets:
        if candidate.name == sheet:
            fingerprint = detect_layout(candidate, date1904=workbook.date1904).fingerprint
            if not fingerprint:
                raise MappingError("NO_LAYOUT", f"no header row was found on sheet {sheet!r}, so there is nothing to map")
            return fingerprint
    names = ", ".join(s.name for s in workbook.sheets)
    raise MappingError("UNKNOWN_SHEET", f"the file has no sheet named {sheet!r}; its sheets: {names}")


__all__ = ["KNOWN_ROLES", "MappingError", "fingerprint_from_file", "sheet_fingerprint", "validate_columns"]
