"""A small store to ask questions of, with every figure chosen so it can be added up by hand.

"Today" is Wednesday 2026-03-18; workweeks start on Monday.

Timecard entries (hours per day, pay per day):
- week of 2026-02-09: Bob Jones Mon-Wed 7 h, 140
- week of 2026-02-23: Jane Smith Mon-Thu 8 h, 200; Ana Lopez Thu 02-26 .. Sun 03-01 11 h, 330
- week of 2026-03-02: Jane Smith Mon-Fri 9 h, 225; Bob Jones Mon-Thu 8 h, 160; Ana Lopez Mon-Sat 8 h, 240
- week of 2026-03-09: Jane Smith Mon-Fri 8 h, 200; Bob Jones Mon-Fri 10 h, 200; Li Wei Mon-Wed 6 h, 108
- 2025-12-15 and 16: Li Wei 8 h, 144

Jobs (created at, file, how it ended):
  02-20 feb.csv REVIEW -> approved by bob 02-21      03-02 week-0302.csv REVIEW -> approved by alice 03-03
  03-02 crew-0302.xlsx REVIEW -> rejected by bob 03-04   03-05 customers.csv (onboarding) COMPLETED
  03-09 week-0309.csv COMPLETED                      03-10 late-0310.csv REVIEW -> approved by alice 03-11
  03-12 broken.xls FAILED                            03-13 dup.csv CANCELLED
  03-16 week-0316.csv REVIEW                         03-17 08:00 extra-0317.csv REVIEW
  03-17 10:00 new-0317.csv PENDING                   03-18 today.csv PENDING

Hires: departments 1 Engineering, 2 Sales, 3 Support; jobs 1 Engineer, 2 Manager, 3 Agent.
  2021: Eng/Engineer 01-05, 02-10, 04-20, 10-01; Eng/Manager 03-15, 12-31; Sales/Agent 03-31;
        Sales/Manager 07-07; Support/Agent 05-05; no department (Engineer) 06-01
  2022: Eng/Engineer 01-10; Sales/Agent 02-01, 08-08
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest

TODAY = dt.date(2026, 3, 18)


def _days(first: str, count: int) -> list[dt.date]:
    start = dt.date.fromisoformat(first)
    return [start + dt.timedelta(days=i) for i in range(count)]


ENTRIES = (
    [("Bob Jones", d, 7, 140) for d in _days("2026-02-09", 3)]
    + [("Jane Smith", d, 8, 200) for d in _days("2026-02-23", 4)]
    + [("Ana Lopez", d, 11, 330) for d in _days("2026-02-26", 4)]
    + [("Jane Smith", d, 9, 225) for d in _days("2026-03-02", 5)]
    + [("Bob Jones", d, 8, 160) for d in _days("2026-03-02", 4)]
    + [("Ana Lopez", d, 8, 240) for d in _days("2026-03-02", 6)]
    + [("Jane Smith", d, 8, 200) for d in _days("2026-03-09", 5)]
    + [("Bob Jones", d, 10, 200) for d in _days("2026-03-09", 5)]
    + [("Li Wei", d, 6, 108) for d in _days("2026-03-09", 3)]
    + [("Li Wei", d, 8, 144) for d in _days("2025-12-15", 2)]
)


@contextmanager
def frozen_store_clock(monkeypatch: pytest.MonkeyPatch, moments: list[dt.datetime]) -> Iterator[None]:
    """Every store module's ``utcnow`` returns the current moment of ``moments[-1]``."""
    def now() -> dt.datetime:
        return moments[-1]

    for name, module in list(sys.modules.items()):
        if name.startswith("store.") and hasattr(module, "utcnow"):
            monkeypatch.setattr(module, "utcnow", now)
    yield


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def seed_entries() -> None:
    from store.records import EntryRow, save_timecard_entries

    rows = [EntryRow(name, None, day, Decimal(hours), Decimal(pay)) for name, day, hours, pay in ENTRIES]
    save_timecard_entries("seed-entries", rows)


def seed_jobs(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    from store import queue
    from store.jobs import cancel_job
    from store.reviews import approve_review, reject_review
    from store.uploads import register_upload

    moments = [_at("2026-01-01T00:00:00")]
    ids: dict[str, str] = {}
    plan = [
        # file, created, kind, end state, (decision, reviewer, decided at)
        ("feb.csv", "2026-02-20T09:00", "timecard", "REVIEW", ("approve", "bob", "2026-02-21T09:00")),
        ("week-0302.csv", "2026-03-02T10:00", "timecard", "REVIEW", ("approve", "alice", "2026-03-03T09:00")),
        ("crew-0302.xlsx", "2026-03-02T11:00", "timecard", "REVIEW", ("reject", "bob", "2026-03-04T09:00")),
        ("customers.csv", "2026-03-05T09:00", "onboarding", "COMPLETED", None),
        ("week-0309.csv", "2026-03-09T09:00", "timecard", "COMPLETED", None),
        ("late-0310.csv", "2026-03-10T09:00", "timecard", "REVIEW", ("approve", "alice", "2026-03-11T09:00")),
        ("broken.xls", "2026-03-12T09:00", "timecard", "FAILED", None),
        ("dup.csv", "2026-03-13T09:00", "timecard", "CANCELLED", None),
        ("week-0316.csv", "2026-03-16T09:00", "timecard", "REVIEW", None),
        ("extra-0317.csv", "2026-03-17T08:00", "timecard", "REVIEW", None),
        ("new-0317.csv", "2026-03-17T10:00", "timecard", "PENDING", None),
        ("today.csv", "2026-03-18T07:00", "timecard", "PENDING", None),
    ]
    with frozen_store_clock(monkeypatch, moments):
        for name, created, kind, end, decision in plan:
            moments.append(_at(created))
            upload = register_upload(name, name.encode(), kind=kind, file_format=name.rsplit(".", 1)[1],
                                     priority=2, uploaded_by="seed")
            job = upload.job
            ids[name] = job.job_id
            if end == "PENDING":
                continue
            if end == "CANCELLED":
                cancel_job(job.job_id, by="seed")
                continue
            moments.append(moments[-1] + dt.timedelta(minutes=1))
            claimed = queue.claim_job(job, "seed-worker", 30)
            if end == "FAILED":
                queue.fail_attempt(claimed, "seed-worker", {"code": "UNREADABLE", "message": "x"}, retryable=False,
                                   backoff_seconds=0)
                continue
            queue.finish_job(claimed, "seed-worker", end, {})
            if decision:
                verb, reviewer, at = decision
                moments.append(_at(at))
                if verb == "approve":
                    approve_review(job.job_id, reviewer=reviewer)
                else:
                    reject_review(job.job_id, reviewer=reviewer, comment="totals do not add up")
    return ids


HIRES = [
    # id, hired at, department id, job id
    (101, "2021-01-05T09:00", 1, 1), (102, "2021-02-10T09:00", 1, 1), (103, "2021-04-20T09:00", 1, 1),
    (104, "2021-10-01T09:00", 1, 1), (105, "2021-03-15T09:00", 1, 2), (106, "2021-12-31T23:00", 1, 2),
    (107, "2021-03-31T12:00", 2, 3), (108, "2021-07-07T09:00", 2, 2), (109, "2021-05-05T09:00", 3, 3),
    (110, "2021-06-01T09:00", None, 1),
    (201, "2022-01-10T09:00", 1, 1), (202, "2022-02-01T09:00", 2, 3), (203, "2022-08-08T09:00", 2, 3),
]


def seed_hires() -> None:
    from processing.onboarding.registry import DEPARTMENT, HIRED_EMPLOYEE, JOB_TITLE
    from services.onboarding.records import plan_record
    from store.onboarding import create_records

    records = [plan_record(DEPARTMENT, {"id": i, "department": name}, origin=f"seed-d{i}")
               for i, name in ((1, "Engineering"), (2, "Sales"), (3, "Support"))]
    records += [plan_record(JOB_TITLE, {"id": i, "job": name}, origin=f"seed-j{i}")
                for i, name in ((1, "Engineer"), (2, "Manager"), (3, "Agent"))]
    for hire_id, at, department, job in HIRES:
        values = {"id": hire_id, "name": f"Hire {hire_id}", "datetime": _at(at), "departmentId": department,
                  "jobId": job}
        records.append(plan_record(HIRED_EMPLOYEE, values, origin=f"seed-h{hire_id}"))
    outcomes = create_records(records, writers=1)
    assert all(o.status == "created" for o in outcomes)


__all__ = ["ENTRIES", "HIRES", "TODAY", "frozen_store_clock", "seed_entries", "seed_hires", "seed_jobs"]
