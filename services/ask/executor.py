"""Run a validated plan through the store's indexed reads (store.queries and the HR
reports) and aggregate here. Read-only by construction: nothing imported below writes.

Every read is bounded: by the plan's period (validated), by ``MAX_RECORDS`` records, and
for review questions by ``MAX_REVIEW_JOBS`` jobs; a question that would read more is
refused as too broad instead of being answered slowly or partly.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from services.ask.answer import Cell, Column, DrawnOn, Table
from services.ask.dates import week_containing
from services.ask.plan import PlanRejected, QueryPlan

MAX_RECORDS = 200_000
MAX_REVIEW_JOBS = 5_000
DEFAULT_LIST_LIMIT = 20
CENT = Decimal("0.01")
NO_DEPARTMENT, NO_JOB = "(no department)", "(no job)"


class TooBroad(PlanRejected):
    """The plan is valid but would read more than the bounds allow."""


@dataclass(frozen=True)
class ExecutionSettings:
    week_start: str = "monday"
    overtime_threshold: Decimal = Decimal("40")


def execute(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    runner = {"timecard_entries": _entries, "jobs": _jobs, "reviews": _reviews, "hires": _hires,
              "hr_report": _report}[plan.entity]
    return runner(plan, settings)


# ------------------------------------------------------------------ shared


def _bounded(items: Iterable[Any], limit: int | None = None) -> Iterable[Any]:
    limit = limit or MAX_RECORDS  # read at call time: tests and operators may lower it
    for count, item in enumerate(items, start=1):
        if count > limit:
            raise TooBroad(f"the question would read more than {limit} records: narrow the period or name someone")
        yield item


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _compare(value: Any, comparison: str, threshold: Decimal) -> bool:
    number = Decimal(value)
    return {"gt": number > threshold, "gte": number >= threshold, "lt": number < threshold,
            "lte": number <= threshold}[comparison]


_GROUP_TYPES = {"employee": "text", "week": "date", "month": "text", "day": "date", "status": "text",
                "kind": "text", "reviewer": "text", "decision": "text", "quarter": "text", "department": "text",
                "job": "text"}
_GROUP_NAMES = {"week": "week_start"}


def _finish(plan: QueryPlan, groups: dict[tuple, Any], measure_name: str, measure_type: str,
            drawn_on: DrawnOn, notes: list[str] | None = None) -> Table:
    """Groups -> rows: apply having, order and limit; an ungrouped question is one row."""
    if not plan.group_by:
        value = groups.get((), Decimal(0) if measure_type == "decimal" else 0)
        rows: list[list[Cell]] = [[value]]
        if plan.having and not _compare(value, plan.having.comparison, plan.having.value):
            rows = []
    else:
        items = list(groups.items())
        if plan.having:
            items = [(key, value) for key, value in items
                     if _compare(value, plan.having.comparison, plan.having.value)]
        items.sort(key=lambda kv: tuple(str(part).lower() for part in kv[0]))
        if plan.order != "group":
            items.sort(key=lambda kv: kv[1], reverse=plan.order == "measure_desc")
        if plan.limit:
            kept = items[:plan.limit]
            if kept and plan.order != "group":
                # "Who worked the most?" with two people on 45 h names both: ties are kept.
                kept += [kv for kv in items[plan.limit:] if kv[1] == kept[-1][1]]
            items = kept
        rows = [[*key, value] for key, value in items]
    columns = [Column(_GROUP_NAMES.get(g, g), _GROUP_TYPES[g]) for g in plan.group_by]  # type: ignore[arg-type]
    columns.append(Column(measure_name, measure_type))  # type: ignore[arg-type]
    return Table(columns, rows, drawn_on, notes or [])


# ------------------------------------------------------------------ timecard entries


def _entries(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    from store.queries import iter_entries

    period = plan.period
    start = period.start if period else dt.date(1, 1, 1)
    end = period.end if period else dt.date(9999, 12, 31)
    notes: list[str] = []
    read_from, read_to = start, end
    if plan.measure == "overtime_hours":
        if "day" in plan.group_by:
            raise PlanRejected("overtime is counted per workweek, so it cannot be split by day")
        if period is not None:
            # Whole workweeks: overtime belongs to the workweek, counted where the week starts.
            first_week, _ = week_containing(start, settings.week_start)
            if first_week < start:
                first_week += dt.timedelta(days=7)
            read_from, read_to = first_week, week_containing(end, settings.week_start)[1]
            if read_from > end:
                # Answering 0 would be wrong whenever that week has overtime: refuse instead.
                raise PlanRejected(f"overtime is counted per workweek (starting {settings.week_start}) and no "
                                   "workweek starts in this period: ask about a week, a month or longer")
        notes.append(f"overtime = hours above {settings.overtime_threshold} in each workweek "
                     f"(starting {settings.week_start}), counted in the period where the week starts")
    rows = list(_bounded(iter_entries(read_from, read_to, employee=plan.filters.employee)))
    names: dict[str, str] = {}
    for row in rows:
        names.setdefault(row.employee_key, row.employee)

    def key_of(person: str, day: dt.date) -> tuple:
        parts: list[Cell] = []
        for grouping in plan.group_by:
            if grouping == "employee":
                parts.append(names[person])
            elif grouping == "week":
                parts.append(week_containing(day, settings.week_start)[0])
            elif grouping == "month":
                parts.append(day.isoformat()[:7])
            else:
                parts.append(day)
        return tuple(parts)

    groups: dict[tuple, Any] = {}
    if plan.measure == "overtime_hours":
        weekly: dict[tuple[str, dt.date], Decimal] = defaultdict(Decimal)
        for row in rows:
            if row.hours is not None:
                week = week_containing(dt.date.fromisoformat(row.work_date), settings.week_start)[0]
                weekly[(row.employee_key, week)] += row.hours
        groups = defaultdict(Decimal)
        if not plan.group_by:
            groups[()] = Decimal(0)
        for (employee, week), hours in weekly.items():
            groups[key_of(employee, week)] += max(Decimal(0), hours - settings.overtime_threshold)
        groups = {k: _money(v) for k, v in groups.items()}
        measure_type = "decimal"
    elif plan.measure in ("hours", "pay"):
        groups = defaultdict(Decimal)
        for row in rows:
            value = getattr(row, plan.measure)
            if value is not None:
                groups[key_of(row.employee_key, dt.date.fromisoformat(row.work_date))] += value
        if not plan.group_by:
            groups.setdefault((), Decimal(0))
        groups = {k: _money(v) for k, v in groups.items()}
        measure_type = "decimal"
    elif plan.measure == "entries":
        groups = defaultdict(int)
        for row in rows:
            groups[key_of(row.employee_key, dt.date.fromisoformat(row.work_date))] += 1
        measure_type = "integer"
    else:  # employees: distinct people
        people: dict[tuple, set[str]] = defaultdict(set)
        for row in rows:
            people[key_of(row.employee_key, dt.date.fromisoformat(row.work_date))].add(row.employee_key)
        groups = {k: len(v) for k, v in people.items()}
        measure_type = "integer"
    drawn_on = DrawnOn("timecard_entries", len(rows))
    if period is not None:  # what was read: whole workweeks for overtime
        drawn_on.period_start, drawn_on.period_end = read_from, read_to
    elif rows:
        days = [r.work_date for r in rows]
        drawn_on.period_start, drawn_on.period_end = dt.date.fromisoformat(min(days)), dt.date.fromisoformat(max(days))
    return _finish(plan, groups, plan.measure, measure_type, drawn_on, notes)


# ------------------------------------------------------------------ jobs


def _moments(plan: QueryPlan) -> tuple[dt.datetime | None, dt.datetime | None]:
    if plan.period is None:
        return None, None
    start = dt.datetime.combine(plan.period.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(plan.period.end, dt.time.max, tzinfo=dt.UTC)
    return start, end


def _created_day(status_sk: str) -> str:
    return status_sk[:10]


def _jobs(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    from store.job_states import PRIORITY_NAMES, STATUSES
    from store.queries import count_jobs, get_jobs, iter_job_keys

    statuses = list(plan.filters.statuses) or list(STATUSES)
    created_from, created_to = _moments(plan)
    drawn_on = DrawnOn("jobs", 0, plan.period.start if plan.period else None,
                       plan.period.end if plan.period else None)
    if plan.measure == "list":
        import heapq

        streams = [iter_job_keys(s, created_from=created_from, created_to=created_to) for s in statuses]
        merged = heapq.merge(*streams, key=lambda job: job.status_sk, reverse=True)
        limit = plan.limit or DEFAULT_LIST_LIMIT
        keys = []
        for job in merged:
            keys.append(job)
            if len(keys) >= limit:
                break
        jobs = get_jobs(k.job_id for k in keys)
        drawn_on.records = len(jobs)
        columns = [Column("file", "text"), Column("status", "text"), Column("kind", "text"),
                   Column("priority", "text"), Column("created_at", "datetime"), Column("job_id", "text")]
        rows: list[list[Cell]] = [[job.file_name, job.status, job.kind, PRIORITY_NAMES.get(int(job.priority)),
                                   job.created_at, job.job_id] for job in jobs]
        return Table(columns, rows, drawn_on)
    groups: dict[tuple, Any] = defaultdict(int)
    if set(plan.group_by) <= {"status"}:
        # Counting by status needs no items at all: the index counts its own keys.
        for status in statuses:
            count = count_jobs(status, created_from=created_from, created_to=created_to)
            drawn_on.records += count
            if plan.group_by:
                if count:
                    groups[(status,)] = count
            else:
                groups[()] += count
    else:
        for status in statuses:
            for job in _bounded(iter_job_keys(status, created_from=created_from, created_to=created_to)):
                drawn_on.records += 1
                key = []
                for grouping in plan.group_by:
                    day = _created_day(job.status_sk)
                    key.append({"status": status, "kind": job.kind, "day": dt.date.fromisoformat(day),
                                "month": day[:7]}[grouping])
                groups[tuple(key)] += 1
    return _finish(plan, groups, "files", "integer", drawn_on)


# ------------------------------------------------------------------ reviews


def _reviews(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    from store.job_states import COMPLETED, FAILED
    from store.queries import get_jobs, iter_job_keys, iter_job_reviews

    start, end = _moments(plan)
    # A decision moves the job to COMPLETED or FAILED and stamps completed_at with the
    # decision's time (projected in the status index): jobs finished before the period
    # cannot hold a decision inside it.
    candidates = []
    for status in (COMPLETED, FAILED):
        for job in _bounded(iter_job_keys(status, created_to=end), MAX_REVIEW_JOBS):
            if start is None or (job.completed_at is not None and job.completed_at >= start):
                candidates.append(job.job_id)
    reviewer = plan.filters.reviewer.lower() if plan.filters.reviewer else None
    decisions = []
    for review in iter_job_reviews(candidates):
        if start is not None and not (start <= review.at <= end):
            continue
        if reviewer and review.reviewer.lower() != reviewer:
            continue
        if plan.filters.decision and review.decision != plan.filters.decision:
            continue
        decisions.append(review)
    drawn_on = DrawnOn("reviews", len(decisions), plan.period.start if plan.period else None,
                       plan.period.end if plan.period else None)
    notes = ["decisions on jobs still held (deleted or re-run jobs are not counted)"]
    if plan.measure == "list":
        decisions.sort(key=lambda r: r.at, reverse=True)
        decisions = decisions[:plan.limit or DEFAULT_LIST_LIMIT]
        files = {job.job_id: job.file_name for job in get_jobs(r.job_id for r in decisions)}
        columns = [Column("at", "datetime"), Column("reviewer", "text"), Column("decision", "text"),
                   Column("file", "text"), Column("job_id", "text")]
        rows: list[list[Cell]] = [[r.at, r.reviewer, r.decision, files.get(r.job_id), r.job_id] for r in decisions]
        return Table(columns, rows, drawn_on, notes)
    groups: dict[tuple, Any] = defaultdict(int)
    if not plan.group_by:
        groups[()] = 0
    for review in decisions:
        parts = {"reviewer": review.reviewer, "decision": review.decision,
                 "month": review.at.astimezone(dt.UTC).strftime("%Y-%m")}
        groups[tuple(parts[g] for g in plan.group_by)] += 1
    return _finish(plan, groups, "decisions", "integer", drawn_on, notes)


# ------------------------------------------------------------------ hires


def _name_filter(names: dict[int, str], wanted: str | None, what: str) -> Callable[[Any], bool]:
    if wanted is None:
        return lambda _value: True
    ids = {i for i, name in names.items() if name.lower() == wanted.lower()}
    if not ids:
        raise PlanRejected(f"no {what} is called {wanted!r}")
    return lambda value: value is not None and int(value) in ids


def _hires(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    from store.queries import iter_hires_between, record_names

    start, end = _moments(plan)
    assert start is not None and end is not None  # validated: hires need a period
    departments = record_names("department", "department")
    jobs = record_names("jobtitle", "job")
    in_department = _name_filter(departments, plan.filters.department, "department")
    in_job = _name_filter(jobs, plan.filters.job, "job")
    groups: dict[tuple, Any] = defaultdict(int)
    if not plan.group_by:
        groups[()] = 0
    count = 0
    for hire in _bounded(iter_hires_between(start, end)):
        data = hire.data
        if not (in_department(data.get("departmentId")) and in_job(data.get("jobId"))):
            continue
        count += 1
        when = data.get("datetime", "")
        department, job = data.get("departmentId"), data.get("jobId")
        parts = {
            "quarter": f"{when[:4]}-Q{(int(when[5:7]) - 1) // 3 + 1}",
            "month": when[:7],
            "department": departments.get(int(department), f"#{department}") if department is not None
            else NO_DEPARTMENT,
            "job": jobs.get(int(job), f"#{job}") if job is not None else NO_JOB,
        }
        groups[tuple(parts[g] for g in plan.group_by)] += 1
    drawn_on = DrawnOn("hires", count, plan.period.start, plan.period.end)
    return _finish(plan, groups, "hires", "integer", drawn_on)


def _report(plan: QueryPlan, settings: ExecutionSettings) -> Table:
    from services.onboarding.reports import departments_above_mean, hires_by_quarter

    assert plan.period is not None
    year = plan.period.start.year
    drawn_on = DrawnOn("hires", 0, dt.date(year, 1, 1), dt.date(year, 12, 31))
    if plan.report == "hires_by_quarter":
        quarterly = hires_by_quarter(year)
        drawn_on.records = sum(r.q1 + r.q2 + r.q3 + r.q4 for r in quarterly)
        columns = [Column("department", "text"), Column("job", "text")] + [
            Column(q, "integer") for q in ("q1", "q2", "q3", "q4")]
        rows: list[list[Cell]] = [[r.department, r.job, r.q1, r.q2, r.q3, r.q4] for r in quarterly]
    else:
        above = departments_above_mean(year)
        drawn_on.records = sum(r.hired for r in above)
        columns = [Column("id", "integer"), Column("department", "text"), Column("hired", "integer")]
        rows = [[r.id, r.department, r.hired] for r in above]
    if plan.limit:
        rows = rows[:plan.limit]
    return Table(columns, rows, drawn_on, ["hires without a department or a job are left out, as in the HR reports"])


__all__ = ["DEFAULT_LIST_LIMIT", "ExecutionSettings", "MAX_RECORDS", "MAX_REVIEW_JOBS", "TooBroad", "execute"]
