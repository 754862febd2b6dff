"""Small builders and fake stages for result, pipeline and CLI tests (no real readers needed)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from processing.errors import InputError
from processing.model import (
    ColumnSchema,
    Entry,
    Extraction,
    Issue,
    SheetSchema,
    Timecard,
)
from processing.workbook import Cell, Sheet, Workbook

D = Decimal


def workbook(name: str = "week12.xlsx", data: bytes = b"fake-bytes", fmt: str = "xlsx") -> Workbook:
    sheet = Sheet(name="Week 12", index=0, rows=[[Cell("Name"), Cell("Mon")], [Cell("x"), Cell(8)]])
    return Workbook(name=name, format=fmt, sha256=hashlib.sha256(data).hexdigest(), size=len(data), sheets=[sheet])


def entry(day: str, hours: str | None = None, pay: str | None = None) -> Entry:
    return Entry(date=dt.date.fromisoformat(day), hours=D(hours) if hours is not None else None,
                 pay=D(pay) if pay is not None else None)


def timecard(employee: str, *entries: Entry, employee_id: str | None = None) -> Timecard:
    return Timecard(employee=employee, employee_id=employee_id, entries=list(entries))


def sheet_schema(name: str = "Week 12") -> SheetSchema:
    column = ColumnSchema(index=0, letter="A", header="Name", role="employee", type="text",
                          confidence=0.98, method="exact")
    return SheetSchema(sheet=name, hidden=False, family="wide_grid", header_rows=[1], data_rows=(2, 5),
                       columns=[column], confidence=0.9312, method="header", fingerprint="abc")


def extraction(*timecards: Timecard, issues: list[Issue] | None = None,
               markdown: dict[str, str] | None = None) -> Extraction:
    return Extraction(timecards=list(timecards), sheets=[sheet_schema()], issues=list(issues or []),
                      period_start=dt.date(2026, 3, 2), period_end=dt.date(2026, 3, 8),
                      markdown={"Week 12": "| Name | Mon |\n|---|---|\n| x | 8 |"} if markdown is None else markdown)


@dataclass
class FakeReport:
    issues: list[Issue] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    decision: str = "approved"


class FakeStages:
    """Records the order stages ran in; each returns what it was given at construction."""

    def __init__(self, extracted: Extraction, report: FakeReport | None = None,
                 read_error: InputError | None = None):
        self.extracted = extracted
        self.report = report or FakeReport()
        self.read_error = read_error
        self.calls: list[str] = []
        self.evaluated: Extraction | None = None
        self.mappings_seen: dict | None = None

    def read(self, name: str, data: bytes, settings: Any) -> Workbook:
        self.calls.append("read")
        if self.read_error:
            raise self.read_error
        return workbook(name, data)

    def extract(self, wb: Workbook, settings: Any, mappings: dict | None) -> Extraction:
        self.calls.append("extract")
        self.mappings_seen = mappings
        return self.extracted

    def evaluate(self, ex: Extraction, settings: Any) -> FakeReport:
        self.calls.append("evaluate")
        self.evaluated = ex
        return self.report

    def stage_kwargs(self) -> dict[str, Any]:
        return {"reader": self.read, "extractor": self.extract, "evaluator": self.evaluate}
