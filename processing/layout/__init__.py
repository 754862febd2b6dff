"""Layout and schema detection (the loss-register stage): header rows, date rows, column roles.

Which family a sheet belongs to is decided by the registry in processing.families.
"""

from __future__ import annotations

from processing.layout.detection import Detection
from processing.layout.fingerprint import fingerprint
from processing.layout.headers import TableHeader, find_date_column, find_date_header_row, find_table_header
from processing.layout.roles import ALIASES, RoleMatch, match_role, normalize_header
from processing.layout.schema import Layout, build_layout, build_schema

__all__ = [
    "ALIASES",
    "Detection",
    "Layout",
    "RoleMatch",
    "TableHeader",
    "build_layout",
    "build_schema",
    "find_date_column",
    "find_date_header_row",
    "find_table_header",
    "fingerprint",
    "match_role",
    "normalize_header",
]
