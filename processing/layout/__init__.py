"""Layout and schema detection (the loss-register stage): what each sheet is and how to read it."""

from __future__ import annotations

from processing.layout.classify import Detection, classify
from processing.layout.fingerprint import fingerprint
from processing.layout.headers import TableHeader, find_date_column, find_date_header_row, find_table_header
from processing.layout.roles import ALIASES, RoleMatch, match_role, normalize_header
from processing.layout.schema import Layout, build_schema, detect_layout

__all__ = [
    "ALIASES",
    "Detection",
    "Layout",
    "RoleMatch",
    "TableHeader",
    "build_schema",
    "classify",
    "detect_layout",
    "find_date_column",
    "find_date_header_row",
    "find_table_header",
    "fingerprint",
    "match_role",
    "normalize_header",
]
