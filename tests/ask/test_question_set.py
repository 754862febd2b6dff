"""The question set: 73 questions (66 answered, 7 refused) over the seeded store (tests/ask/seed.py), each with the
answer worked out by hand from the seed's description. At least 90 % must be answered
exactly; every other one must be refused through CannotAnswer, never answered wrongly.

Asked as a reviewer (who may see pay and the review audit trail); role limits are tested
in test_refusals.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from core.operational_settings import OperationalSettings
from services.ask import Answer, CannotAnswer, ask
from tests.ask.seed import TODAY


@dataclass(frozen=True)
class Rows:
    columns: tuple[str, ...]  # the columns compared (a list answer has more, e.g. job_id)
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class Refused:
    code: str


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


QUESTIONS: list[tuple[str, Rows | Refused]] = [
    # ---- hours, pay and overtime
    ("Who went over 40 hours in the week of March 2?",
     Rows(("employee", "hours"), (("Ana Lopez", 48), ("Jane Smith", 45)))),
    ("Total hours by employee last month",
     Rows(("employee", "hours"), (("Ana Lopez", 33), ("Bob Jones", 21), ("Jane Smith", 32)))),
    ("How much overtime did Jane Smith work in March 2026?", Rows(("overtime_hours",), ((5,),))),
    ("Top 3 employees by pay in Q1 2026",
     Rows(("employee", "pay"), (("Jane Smith", 2925), ("Ana Lopez", 2760), ("Bob Jones", 2060)))),
    ("Who worked overtime last week?", Rows(("employee", "overtime_hours"), (("Bob Jones", 10),))),
    ("How many hours did Jane Smith work last week?", Rows(("hours",), ((40,),))),
    ("What did Bob Jones earn in March?", Rows(("pay",), ((1640,),))),
    ("How many employees worked in February 2026?", Rows(("employees",), ((3,),))),
    ("Hours by week in March",
     Rows(("week_start", "hours"), ((d("2026-02-23"), 11), (d("2026-03-02"), 125), (d("2026-03-09"), 108)))),
    ("Who worked the most hours in March?", Rows(("employee", "hours"), (("Jane Smith", 85),))),
    ("How many days did Ana Lopez work in March?", Rows(("entries",), ((7,),))),
    ("Total pay last week", Rows(("pay",), ((2324,),))),
    ("Who was paid more than $1000 last week?", Rows(("employee", "pay"), ())),
    ("Who was paid at least $1000 last week?", Rows(("employee", "pay"), (("Bob Jones", 1000), ("Jane Smith", 1000)))),
    ("Total hours last week", Rows(("hours",), ((108,),))),
    ("Who was paid the most last week?", Rows(("employee", "pay"), (("Bob Jones", 1000), ("Jane Smith", 1000)))),
    ("How many hours were worked this week?", Rows(("hours",), ((0,),))),
    ("Overtime by employee in the week of March 2",
     Rows(("employee", "overtime_hours"), (("Ana Lopez", 8), ("Bob Jones", 0), ("Jane Smith", 5)))),
    ("Total overtime in February 2026", Rows(("overtime_hours",), ((4,),))),
    ("How many hours did Li Wei work in December 2025?", Rows(("hours",), ((16,),))),
    ("Hours for Li Wei", Rows(("hours",), ((34,),))),
    ("Pay by month for Jane Smith in Q1 2026", Rows(("month", "pay"), (("2026-02", 800), ("2026-03", 2125)))),
    ("Hours per day for Bob Jones in the week of March 9",
     Rows(("day", "hours"), tuple((d(f"2026-03-{day:02d}"), 10) for day in range(9, 14)))),
    ("How many timecard entries between March 1 and March 7?", Rows(("entries",), ((16,),))),
    ("Who worked fewer than 20 hours in March?", Rows(("employee", "hours"), (("Li Wei", 18),))),
    ("Who worked the least hours last week?", Rows(("employee", "hours"), (("Li Wei", 18),))),
    ("Top 2 employees by overtime in March 2026",
     Rows(("employee", "overtime_hours"), (("Bob Jones", 10), ("Ana Lopez", 8)))),
    ("How many hours were worked in the first quarter of 2026?", Rows(("hours",), ((330,),))),
    ("Total pay by employee since March 9",
     Rows(("employee", "pay"), (("Bob Jones", 1000), ("Jane Smith", 1000), ("Li Wei", 324)))),
    ("Hours by employee between March 2 and March 4",
     Rows(("employee", "hours"), (("Ana Lopez", 24), ("Bob Jones", 24), ("Jane Smith", 27)))),
    ("How many employees had hours in the last 2 weeks?", Rows(("employees",), ((4,),))),
    ("What was the total payroll in February 2026?", Rows(("pay",), ((2210,),))),
    ("Jane Smith's hours by week in February 2026", Rows(("week_start", "hours"), ((d("2026-02-23"), 32),))),
    ("Which employees worked more than 45 hours in a week in March?", Refused("UNSUPPORTED")),
    ("Hours worked on 2026-03-07", Rows(("hours",), ((8,),))),
    ("How many hours did Ana Lopez work yesterday?", Rows(("hours",), ((0,),))),
    # ---- files (jobs)
    ("Which files are waiting for review?", Rows(("file", "status"), (("extra-0317.csv", "REVIEW"),
                                                                     ("week-0316.csv", "REVIEW")))),
    ("How many files failed this month?", Rows(("files",), ((2,),))),
    ("How many pending files are there?", Rows(("files",), ((2,),))),
    ("List flagged files", Rows(("file",), (("extra-0317.csv",), ("week-0316.csv",)))),
    ("How many files by status?", Rows(("status", "files"), (("CANCELLED", 1), ("COMPLETED", 5), ("FAILED", 2),
                                                             ("PENDING", 2), ("REVIEW", 2)))),
    ("How many files were uploaded last week?", Rows(("files",), ((4,),))),
    ("How many files were uploaded today?", Rows(("files",), ((1,),))),
    ("How many files came in yesterday?", Rows(("files",), ((2,),))),
    ("How many files were cancelled?", Rows(("files",), ((1,),))),
    ("Which files failed in March?", Rows(("file", "status"), (("broken.xls", "FAILED"),
                                                               ("crew-0302.xlsx", "FAILED")))),
    ("How many completed files in March 2026?", Rows(("files",), ((4,),))),
    ("How many files by kind?", Rows(("kind", "files"), (("onboarding", 1), ("timecard", 11)))),
    ("How many files per day this week?",
     Rows(("day", "files"), ((d("2026-03-16"), 1), (d("2026-03-17"), 2), (d("2026-03-18"), 1)))),
    # ---- review decisions
    ("How many review decisions by reviewer in March?", Rows(("reviewer", "decisions"), (("alice", 2), ("bob", 1)))),
    ("How many files did alice approve in March?", Rows(("decisions",), ((2,),))),
    ("Which reviewer made the most decisions in March?", Rows(("reviewer", "decisions"), (("alice", 2),))),
    ("How many files were rejected in March?", Rows(("decisions",), ((1,),))),
    ("How many approved vs rejected decisions in March?",
     Rows(("decision", "decisions"), (("approved", 2), ("rejected", 1)))),
    ("List review decisions in March", Rows(("reviewer", "decision", "file"), (
        ("alice", "approved", "late-0310.csv"), ("bob", "rejected", "crew-0302.xlsx"),
        ("alice", "approved", "week-0302.csv")))),
    ("How many decisions did bob make last month?", Rows(("decisions",), ((1,),))),
    ("How many review decisions are on record?", Rows(("decisions",), ((4,),))),
    # ---- hires and the HR reports
    ("How many hires per quarter in 2021, by department?", Rows(("department", "quarter", "hires"), (
        ("(no department)", "2021-Q2", 1), ("Engineering", "2021-Q1", 3), ("Engineering", "2021-Q2", 1),
        ("Engineering", "2021-Q4", 2), ("Sales", "2021-Q1", 1), ("Sales", "2021-Q3", 1),
        ("Support", "2021-Q2", 1)))),
    ("Which departments hired more than the mean in 2021?",
     Rows(("id", "department", "hired"), ((1, "Engineering", 6),))),
    ("Hires by quarter for each department and job in 2021", Rows(("department", "job", "q1", "q2", "q3", "q4"), (
        ("Engineering", "Engineer", 2, 1, 0, 1), ("Engineering", "Manager", 1, 0, 0, 1),
        ("Sales", "Agent", 1, 0, 0, 0), ("Sales", "Manager", 0, 0, 1, 0), ("Support", "Agent", 0, 1, 0, 0)))),
    ("How many hires in the Engineering department in 2021?", Rows(("hires",), ((6,),))),
    ("How many hires in 2022?", Rows(("hires",), ((3,),))),
    ("How many hires in Q1 2021?", Rows(("hires",), ((4,),))),
    ("Hires by month in 2022", Rows(("month", "hires"), (("2022-01", 1), ("2022-02", 1), ("2022-08", 1)))),
    ("How many people were hired as agents in 2021?", Rows(("hires",), ((2,),))),
    ("Which departments hired above average in 2022?", Rows(("id", "department", "hired"), ((2, "Sales", 2),))),
    ("Hires per quarter in 2021", Rows(("quarter", "hires"), (("2021-Q1", 4), ("2021-Q2", 3), ("2021-Q3", 1),
                                                              ("2021-Q4", 2)))),
    # ---- what the parser must refuse rather than guess
    ("Hours by state last week", Refused("UNSUPPORTED")),
    ("Average hours per employee last week", Refused("UNSUPPORTED")),
    ("Who did not work overtime last week?", Refused("UNSUPPORTED")),
    ("How many customers signed up in 2025?", Refused("UNSUPPORTED")),
    ("What is the weather in March?", Refused("UNSUPPORTED")),
    ("How many hours did Jane work last week?", Refused("UNSUPPORTED")),
]

SETTINGS = OperationalSettings()  # overtime above 40 h, workweeks from Monday


def normalised(value):
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value)).normalize()
    return value


def matches(answer: Answer | CannotAnswer, expected: Rows | Refused) -> bool:
    if isinstance(expected, Refused):
        return isinstance(answer, CannotAnswer) and answer.code == expected.code
    if not isinstance(answer, Answer):
        return False
    names = [c.name for c in answer.table.columns]
    if not set(expected.columns) <= set(names):
        return False
    got = [tuple(normalised(row[names.index(c)]) for c in expected.columns) for row in answer.table.rows]
    want = [tuple(normalised(v) for v in row) for row in expected.rows]
    return got == want


def ask_as_reviewer(question: str):
    return ask(question, role="reviewer", today=TODAY, settings=SETTINGS)


@pytest.mark.parametrize(("question", "expected"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_question(seeded_store, question, expected):
    answer = ask_as_reviewer(question)
    detail = answer.table.rows if isinstance(answer, Answer) else (answer.code, answer.reason)
    assert matches(answer, expected), f"{question!r}: {detail}"


def test_the_set_is_answered_at_ninety_percent_and_never_wrongly(seeded_store):
    assert len(QUESTIONS) >= 60
    answers = [(ask_as_reviewer(q), expected) for q, expected in QUESTIONS]
    exact = sum(1 for answer, expected in answers if isinstance(expected, Rows) and matches(answer, expected))
    refused = sum(1 for answer, _ in answers if isinstance(answer, CannotAnswer))
    wrong = [q for (answer, expected), (q, _) in zip(answers, QUESTIONS, strict=True)
             if isinstance(answer, Answer) and not matches(answer, expected)]
    assert wrong == []
    assert exact / len(QUESTIONS) >= 0.90
    assert exact + refused == len(QUESTIONS)
