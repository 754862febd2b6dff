"""The typed query plan: the only thing the parser or the LLM translator may produce, and
the only thing the executor runs.

A plan names one entity, a period, filters, up to two groupings, one measure, an order and
a limit. ``validate_plan`` checks the combination against ``CAPABILITIES`` (which measures,
groupings and filters each entity supports, how long a period may be): anything else is
refused before the store is touched. Nothing in a plan can express a write.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from store import job_states

Entity = Literal["timecard_entries", "jobs", "reviews", "hires", "hr_report"]
Measure = Literal["hours", "pay", "overtime_hours", "entries", "employees", "count", "list"]
Grouping = Literal["employee", "week", "month", "day", "status", "kind", "reviewer", "decision", "quarter",
                   "department", "job"]
Order = Literal["measure_desc", "measure_asc", "group"]
Report = Literal["hires_by_quarter", "departments_above_mean"]
JobStatus = Literal[job_states.STATUSES]  # type: ignore[valid-type]  # the statuses, from their one source
Decision = Literal["approved", "rejected"]
Comparison = Literal["gt", "gte", "lt", "lte"]

MAX_LIMIT = 500
MAX_NAME = 120


class Period(BaseModel):
    """Inclusive dates; ``phrase`` is the words it was resolved from (shown back to the asker)."""

    model_config = ConfigDict(extra="forbid")

    start: dt.date
    end: dt.date
    phrase: str = Field(default="", max_length=80)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Having(BaseModel):
    """A condition on the measure of each group ("more than 40 hours")."""

    model_config = ConfigDict(extra="forbid")

    comparison: Comparison
    value: Decimal = Field(ge=0, le=Decimal("1000000000"))


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employee: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    statuses: list[JobStatus] = Field(default_factory=list, max_length=6)
    reviewer: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    decision: Decision | None = None
    department: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)
    job: str | None = Field(default=None, min_length=1, max_length=MAX_NAME)


class QueryPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity: Entity
    measure: Measure
    period: Period | None = None
    filters: Filters = Field(default_factory=Filters)
    group_by: list[Grouping] = Field(default_factory=list, max_length=2)
    having: Having | None = None
    order: Order = "group"
    limit: int | None = Field(default=None, ge=1, le=MAX_LIMIT)
    report: Report | None = None

    def describe(self) -> str:
        """The plan in a line a person can check."""
        parts = [f"{self.measure} of {self.entity}"]
        if self.report:
            parts = [f"report {self.report}"]
        if self.period:
            parts.append(f"from {self.period.start} to {self.period.end}"
                         + (f" ({self.period.phrase})" if self.period.phrase else ""))
        filters = {k: v for k, v in self.filters.model_dump().items() if v}
        if filters:
            parts.append("where " + ", ".join(f"{k} = {v}" for k, v in sorted(filters.items())))
        if self.group_by:
            parts.append("grouped by " + " and ".join(self.group_by))
        if self.having:
            parts.append(f"keeping {self.measure} {_SYMBOLS[self.having.comparison]} {self.having.value}")
        if self.order != "group":
            parts.append("highest first" if self.order == "measure_desc" else "lowest first")
        if self.limit:
            parts.append(f"first {self.limit}" + (" (ties kept)" if self.order != "group" else ""))
        return ", ".join(parts)


_SYMBOLS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


class Capability(BaseModel):
    measures: frozenset[str]
    groupings: frozenset[str]
    filters: frozenset[str]
    period_required: bool
    max_period_days: int


# What each entity can answer, and how wide a question may be: the executor's reads are
# bounded by these numbers, so a plan that passes validation cannot turn into a table scan.
CAPABILITIES: dict[str, Capability] = {
    "timecard_entries": Capability(
        measures=frozenset({"hours", "pay", "overtime_hours", "entries", "employees"}),
        groupings=frozenset({"employee", "week", "month", "day"}),
        filters=frozenset({"employee"}), period_required=True, max_period_days=366),
    "jobs": Capability(
        measures=frozenset({"count", "list"}), groupings=frozenset({"status", "kind", "day", "month"}),
        filters=frozenset({"statuses"}), period_required=False, max_period_days=366),
    "reviews": Capability(
        measures=frozenset({"count", "list"}), groupings=frozenset({"reviewer", "decision", "month"}),
        filters=frozenset({"reviewer", "decision"}), period_required=False, max_period_days=366),
    "hires": Capability(
        measures=frozenset({"count"}), groupings=frozenset({"quarter", "department", "job", "month"}),
        filters=frozenset({"department", "job"}), period_required=True, max_period_days=366 * 5),
    "hr_report": Capability(
        measures=frozenset({"count"}), groupings=frozenset(), filters=frozenset(), period_required=True,
        max_period_days=366),
}


class PlanRejected(ValueError):
    """A plan that cannot run; ``reason`` says what to change."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def validate_plan(plan: QueryPlan) -> QueryPlan:
    """Check the combination (the fields are typed by pydantic already); raise PlanRejected."""
    capability = CAPABILITIES[plan.entity]
    if plan.measure not in capability.measures:
        raise PlanRejected(f"{plan.entity} can be measured as {', '.join(sorted(capability.measures))}, "
                           f"not {plan.measure}")
    for grouping in plan.group_by:
        if grouping not in capability.groupings:
            allowed = ", ".join(sorted(capability.groupings)) or "nothing"
            raise PlanRejected(f"{plan.entity} can be grouped by {allowed}, not {grouping}")
    if len(set(plan.group_by)) != len(plan.group_by):
        raise PlanRejected("a grouping is named twice")
    used = {name for name, value in plan.filters.model_dump().items() if value}
    if used - capability.filters:
        raise PlanRejected(f"{plan.entity} cannot be filtered by {', '.join(sorted(used - capability.filters))}")
    if plan.entity == "hr_report":
        if plan.report is None:
            raise PlanRejected("an hr_report plan names its report")
        if plan.period is None or plan.period.start.year != plan.period.end.year:
            raise PlanRejected("the HR reports cover one calendar year: name the year (e.g. 'in 2021')")
    elif plan.report is not None:
        raise PlanRejected("only an hr_report plan names a report")
    if plan.period is None:
        if capability.period_required and not (plan.entity == "timecard_entries" and plan.filters.employee):
            raise PlanRejected(f"questions about {plan.entity.replace('_', ' ')} need a period "
                               "(e.g. 'last week', 'in May 2026', 'Q1 2021')")
    elif plan.period.days > capability.max_period_days:
        raise PlanRejected(f"a period for {plan.entity.replace('_', ' ')} may span at most "
                           f"{capability.max_period_days} days; this one spans {plan.period.days}")
    if plan.measure == "list" and plan.group_by:
        raise PlanRejected("a list is not grouped")
    if plan.having is not None and plan.measure == "list":
        raise PlanRejected("a list has no measure to compare")
    if plan.order != "group" and plan.measure == "list":
        raise PlanRejected("a list is ordered by time")
    return plan


__all__ = ["CAPABILITIES", "Comparison", "Entity", "Filters", "Grouping", "Having", "MAX_LIMIT", "Measure",
           "Order", "Period", "PlanRejected", "QueryPlan", "Report", "validate_plan"]
