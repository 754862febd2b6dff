"""A classifier's decision for one sheet: its family, where its parts are, and on what evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from processing.layout.headers import DateHeader, TableHeader


@dataclass
class Detection:
    family: str
    table: TableHeader | None = None
    date_header: DateHeader | None = None
    date_column: tuple[int, dict[int, dt.date]] | None = None
    label_column: int | None = None  # block sheets: the column holding PAID HOURS / OVERTIME ...
    confidence: float = 0.0
    method: str = "rules"
    evidence: str = ""
    alternatives: list[str] = field(default_factory=list)  # families that scored within a tie of this one


__all__ = ["Detection"]
