"""The interface every layout family implements, and what its detector hands back.

A family is one module with ``NAME``, ``ENTRIES`` (whether it yields timecard entries, or only rates
and totals), ``detect(sheet, context) -> Candidate | None`` and ``read(layout, rates) -> SheetResult``.
The classifier asks every family of the registry and keeps the best-scored candidate; nothing is
decided by the order of the registry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from processing.layout.headers import DateHeader, TableHeader
from processing.workbook import Sheet

if TYPE_CHECKING:
    from processing.extraction.records import RateBook, SheetResult
    from processing.layout.schema import Layout


@dataclass
class Context:
    """What a detector may use besides the sheet: the workbook's date system, the sheet's stated
    period and its table header (with a reviewer's stored mapping already applied)."""

    date1904: bool
    period: tuple[dt.date, dt.date] | None
    table: TableHeader | None
    _cache: dict = field(default_factory=dict)

    def once(self, key: str, compute):
        """Evidence several families look at (the date header row) is computed once per sheet."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]


@dataclass
class Candidate:
    """A family's claim on a sheet: how strongly, on what evidence, and where its parts are."""

    family: str
    score: float
    evidence: str
    table: TableHeader | None = None
    date_header: DateHeader | None = None
    date_column: tuple[int, dict[int, dt.date]] | None = None
    label_column: int | None = None

    @property
    def confidence(self) -> float:
        return min(1.0, self.score)


class Family(Protocol):
    NAME: str
    ENTRIES: bool

    def detect(self, sheet: Sheet, context: Context) -> Candidate | None: ...

    def read(self, layout: Layout, rates: RateBook) -> SheetResult: ...


def has_person(table: TableHeader | None) -> bool:
    return bool(table) and (table.has("employee") or table.has("last_name") or table.has("employee_id"))


__all__ = ["Candidate", "Context", "Family", "has_person"]
