"""GraphQL types of ``ask``: an answer table with typed columns, the plan it ran and the
records it drew on; or ``CannotAnswer`` with a code, the reason and example questions.

Cells travel as strings in one canonical form per column type (integers and decimals as
numerals, dates and times in ISO 8601), so one row type serves every answer; the column's
``type`` says how to read them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from services.ask.answer import Answer, cell_text
from services.ask.answer import CannotAnswer as CannotAnswerResult


@strawberry.enum(description="How to read a column's cells.")
class AskColumnType(Enum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"


@strawberry.type
class AskColumn:
    name: str
    type: AskColumnType


@strawberry.type(description="A condition on a filter of the plan.")
class AskFilter:
    name: str
    values: list[str]


@strawberry.type(description="The typed query plan that was run, and the same in words.")
class AskPlan:
    text: str
    entity: str
    measure: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_words: str | None
    filters: list[AskFilter]
    group_by: list[str]
    having: str | None
    order: str
    limit: int | None
    report: str | None


@strawberry.type(description="The stored records the answer was computed from.")
class AskDrawnOn:
    entity: str
    records: int
    period_start: dt.date | None
    period_end: dt.date | None


@strawberry.type(description="The answer: rows of cells under typed columns.")
class AskAnswer:
    question: str
    today: dt.date = strawberry.field(description="The date that words like 'last week' were resolved against.")
    source: str = strawberry.field(description="parser or llm: what turned the question into the plan.")
    plan: AskPlan
    columns: list[AskColumn]
    rows: list[list[str | None]]
    drawn_on: AskDrawnOn
    notes: list[str]


@strawberry.type(description="The question was not answered; the reason says why and the examples what works.")
class CannotAnswer:
    question: str
    code: str = strawberry.field(description="WRITE_INTENT, PROTECTED_DATA, OUTSIDE_ROLE, UNSUPPORTED, "
                                             "BAD_PERIOD, TOO_BROAD, TOO_LONG or EMPTY.")
    reason: str
    examples: list[str]


AskResult = Annotated[AskAnswer | CannotAnswer, strawberry.union("AskResult")]


def to_graphql(result: Answer | CannotAnswerResult) -> AskAnswer | CannotAnswer:
    if isinstance(result, CannotAnswerResult):
        return CannotAnswer(question=result.question, code=result.code, reason=result.reason,
                            examples=list(result.examples))
    plan, table = result.plan, result.table
    filters = [AskFilter(name=name, values=[str(v) for v in value] if isinstance(value, list) else [str(value)])
               for name, value in plan.filters.model_dump().items() if value]
    having = None
    if plan.having:
        symbol = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[plan.having.comparison]
        having = f"{plan.measure} {symbol} {plan.having.value}"
    return AskAnswer(
        question=result.question,
        today=result.today,
        source=result.source,
        plan=AskPlan(text=plan.describe(), entity=plan.entity, measure=plan.measure,
                     period_start=plan.period.start if plan.period else None,
                     period_end=plan.period.end if plan.period else None,
                     period_words=plan.period.phrase if plan.period else None, filters=filters,
                     group_by=list(plan.group_by), having=having, order=plan.order, limit=plan.limit,
                     report=plan.report),
        columns=[AskColumn(name=c.name, type=AskColumnType(c.type)) for c in table.columns],
        rows=[[cell_text(cell) for cell in row] for row in table.rows],
        drawn_on=AskDrawnOn(entity=table.drawn_on.entity, records=table.drawn_on.records,
                            period_start=table.drawn_on.period_start, period_end=table.drawn_on.period_end),
        notes=list(table.notes),
    )


__all__ = ["AskAnswer", "AskColumn", "AskColumnType", "AskDrawnOn", "AskFilter", "AskPlan", "AskResult",
           "CannotAnswer", "cell_text", "to_graphql"]
