"""What extraction hands to the compliance engine, and what a result is made of.

Money and hours are Decimals (never floats) so that rules and proofs are exact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class SourceRef:
    """Where a value came from, for reviewers (never the cell's content)."""

    sheet: str
    row: int | None = None  # 1-based spreadsheet row
    column: str | None = None  # spreadsheet column letter


@dataclass
class Entry:
    """One employee, one work date. ``hours``/``pay`` as the contract defines them."""

    date: dt.date
    hours: Decimal | None = None
    pay: Decimal | None = None
    # Detail the rules need when the file gives it (all optional):
    straight_hours: Decimal | None = None
    overtime_hours: Decimal | None = None
    double_time_hours: Decimal | None = None
    hourly_rate: Decimal | None = None
    day_rate: Decimal | None = None
    stated_hours_total: Decimal | None = None  # a per-day total hours column, if any
    wage_subtotal: Decimal | None = None  # a stated wage subtotal for the day, if any
    work_state: str | None = None  # two-letter code where the file says where the work was
    worked: bool = True  # a "1"/"X" marker or any value: the day was worked
    day_fraction: Decimal | None = None  # a half day (0.5) or double day (2) marked as a share of the day rate
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class StatedTotal:
    """A total the file states, to be checked against the sum of its entries (TOTAL_MISMATCH)."""

    # "days": a stated count of worked days; "average": a stated average hours per worked day.
    measure: Literal["hours", "pay", "days", "average"]
    value: Decimal
    scope: Literal["employee", "sheet"]
    employee: str | None = None  # for scope "employee"
    sheet: str | None = None
    # For a sheet-level total: which employees (names) it covers; None = all on that sheet.
    covers: list[str] | None = None
    # Restrict the total to entries from these dates (e.g. a weekly subtotal); None = all.
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    source: SourceRef | None = None
    employee_id: str | None = None  # with ``employee``: two people may share a name
    # The stated figure includes non-wage money (per diem, reimbursements, advances): compare it with
    # wages plus ``nonwage``, never with wages alone.
    includes_nonwage: bool = False
    nonwage: Decimal = Decimal(0)


@dataclass
class Timecard:
    employee: str  # "First Last"
    employee_id: str | None = None
    entries: list[Entry] = field(default_factory=list)
    stated_totals: list[StatedTotal] = field(default_factory=list)
    # Classification and pay basis, when the file says:
    exempt: bool | None = None
    weekly_salary: Decimal | None = None
    annual_salary: Decimal | None = None
    hourly_rate: Decimal | None = None
    day_rate: Decimal | None = None
    work_state: str | None = None
    sheets: list[str] = field(default_factory=list)

    @property
    def total_hours(self) -> Decimal | None:
        values = [e.hours for e in self.entries if e.hours is not None]
        return sum(values, Decimal(0)) if values else None

    @property
    def total_pay(self) -> Decimal | None:
        values = [e.pay for e in self.entries if e.pay is not None]
        return sum(values, Decimal(0)) if values else None


@dataclass
class Issue:
    code: str
    severity: Severity
    message: str
    employee: str | None = None
    date: dt.date | None = None
    rule_id: str | None = None  # ties the issue to its finding
    details: dict[str, Any] = field(default_factory=dict)
    # Where in the file (sheets named by 1-based position: sheet names are often people's names).
    sheet: int | None = None
    row: int | None = None
    cells: list[str] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        out = {
            "code": self.code,
            "severity": self.severity,
            "employee": self.employee,
            "date": self.date.isoformat() if self.date else None,
            "message": self.message,
        }
        if self.rule_id:
            out["rule_id"] = self.rule_id
        if self.sheet is not None or self.cells:
            out["sheet"] = self.sheet
            out["row"] = self.row
            out["cells"] = list(self.cells)
        return out


@dataclass
class ColumnSchema:
    index: int
    letter: str
    header: str | None
    role: str | None  # see processing/layout roles; None = unused
    type: str  # "date" | "number" | "money" | "time" | "duration" | "text" | "empty"
    confidence: float
    method: str  # "exact" | "alias" | "fuzzy" | "value" | "stored_mapping" | "position"


@dataclass
class SheetSchema:
    """The loss-register stage's record for one sheet."""

    sheet: str
    hidden: bool
    family: str | None  # "wide_grid" | "transposed" | "block" | "long" | "per_employee" | "punch" | "register" | "summary" | "instructions" | "empty"
    header_rows: list[int]  # 1-based
    data_rows: tuple[int, int] | None  # 1-based inclusive
    columns: list[ColumnSchema]
    confidence: float
    method: str
    fingerprint: str | None = None  # layout fingerprint for stored mappings
    notes: list[str] = field(default_factory=list)
    # How many of the file's own totals on this sheet the reading reproduces.
    reconciliation: dict[str, int] | None = None


@dataclass
class Extraction:
    """Everything extraction found in one file."""

    timecards: list[Timecard]
    sheets: list[SheetSchema]
    stated_totals: list[StatedTotal] = field(default_factory=list)  # sheet-level totals
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    issues: list[Issue] = field(default_factory=list)  # reading problems (#REF!, unparseable cells)
    markdown: dict[str, str] = field(default_factory=dict)  # sheet name -> normalized table
    # Whether the file states its period (banner, sheet name), rather than it being the span of the entries'
    # dates: a stated period of whole weeks tells where the workweeks start.
    period_stated: bool = True
    method: str = "deterministic"


__all__ = [
    "ColumnSchema",
    "Entry",
    "Extraction",
    "Issue",
    "Severity",
    "SheetSchema",
    "SourceRef",
    "StatedTotal",
    "Timecard",
]
