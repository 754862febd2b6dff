"""What ``ask`` returns: a table with typed columns and what it drew on, or a refusal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from services.ask.plan import QueryPlan

ColumnType = Literal["text", "integer", "decimal", "date", "datetime"]
Cell = str | int | Decimal | dt.date | dt.datetime | None
Source = Literal["parser", "llm"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType


@dataclass
class DrawnOn:
    """The stored records an answer was computed from."""

    entity: str
    records: int
    period_start: dt.date | None = None
    period_end: dt.date | None = None


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    drawn_on: DrawnOn
    notes: list[str] = field(default_factory=list)  # how the figures were computed, when it matters


@dataclass
class Answer:
    question: str
    plan: QueryPlan
    table: Table
    source: Source
    today: dt.date

    @property
    def plan_text(self) -> str:
        return self.plan.describe()

    def as_dicts(self) -> list[dict[str, Cell]]:
        names = [column.name for column in self.table.columns]
        return [dict(zip(names, row, strict=True)) for row in self.table.rows]


EXAMPLES = (
    "Who worked more than 40 hours in the week of March 2?",
    "Total hours by employee last month",
    "How much overtime did Jane Smith work in March 2026?",
    "Top 3 employees by pay in Q1 2026",
    "Which files are waiting for review?",
    "How many files failed this month?",
    "How many review decisions by reviewer in March?",
    "How many hires per quarter in 2021, by department?",
    "Which departments hired more than the mean in 2021?",
)


@dataclass
class CannotAnswer:
    question: str
    code: str
    reason: str
    examples: tuple[str, ...] = EXAMPLES


__all__ = ["Answer", "CannotAnswer", "Cell", "Column", "ColumnType", "DrawnOn", "EXAMPLES", "Source", "Table", "cell_text"]


def cell_text(value: Cell) -> str | None:
    """A cell as text the same way everywhere (GraphQL and the CLI): ISO dates, UTC instants, plain decimals."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
