"""Cross-check the deterministic extraction with the LLM's, and decide what a job keeps.

The deterministic extraction stays the record whenever it found anything; the LLM is a
second reader. Where the two disagree (an employee, a date, hours or pay beyond 0.01) the
job goes to a person. Where the deterministic reader found nothing, the LLM's timecards
are used, flagged for review because no second reader confirmed them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from processing.llm.bedrock import LlmExtractor, LlmUnavailable
from processing.llm.schema import LlmTimecard
from processing.model import Entry, Extraction, Issue, Timecard

DISAGREEMENT = "EXTRACTION_DISAGREEMENT"
UNAVAILABLE = "LLM_UNAVAILABLE"
LLM_ONLY = "LLM_ONLY_EXTRACTION"
TOLERANCE = Decimal("0.01")
MAX_DISAGREEMENT_ISSUES = 20


@dataclass
class CrossCheck:
    extraction: Extraction
    issues: list[Issue] = field(default_factory=list)


def cross_check(extraction: Extraction, extractor: LlmExtractor) -> CrossCheck:
    found_anything = bool(extraction.timecards)
    if not extraction.markdown:
        return CrossCheck(extraction, [unavailable_issue("no sheet text to give it", found_anything)])
    try:
        llm_timecards = extractor.extract_timecards(extraction.markdown)
    except LlmUnavailable as exc:
        return CrossCheck(extraction, [unavailable_issue(exc.reason, found_anything, needs_second_reader(extraction))])
    if not found_anything and llm_timecards:
        adopted = dataclasses.replace(extraction, timecards=[to_timecard(t) for t in llm_timecards], method="llm")
        return CrossCheck(adopted, [Issue(
            code=LLM_ONLY, severity="warning",
            message="timecards were read by the AI extractor only; a person must confirm them")])
    return CrossCheck(extraction, compare_timecards(extraction.timecards, llm_timecards))


UNCERTAIN_READING = frozenset({"LAYOUT_UNCERTAIN", "HIDDEN_SHEET_READ", "UNREADABLE_DATE", "UNREADABLE_CELL"})


def needs_second_reader(extraction: Extraction) -> bool:
    """Whether the rules' reading leaned on the LLM: a layout they were unsure of, a sheet whose own totals
    they did not all reproduce, cells or dates they could not read."""
    if any(issue.code in UNCERTAIN_READING for issue in extraction.issues):
        return True
    return any(s.reconciliation and s.reconciliation["reproduced"] < s.reconciliation["stated"]
               for s in extraction.sheets)


def unavailable_issue(reason: str, found_anything: bool, needed: bool = False) -> Issue:
    if found_anything and needed:
        return Issue(code=UNAVAILABLE, severity="warning",
                     message=f"the AI cross-check was needed and is unavailable: {reason}; the rules' reading is "
                             "uncertain (see the other issues) and goes to a person")
    if found_anything:
        return Issue(code=UNAVAILABLE, severity="info",
                     message=f"AI cross-check skipped: {reason}; the deterministic extraction was used")
    return Issue(code=UNAVAILABLE, severity="warning",
                 message=f"no timecards were found and the AI extractor is unavailable: {reason}")


def to_timecard(llm_timecard: LlmTimecard) -> Timecard:
    by_date: dict[dt.date, Entry] = {}
    for e in llm_timecard.entries:
        if e.date in by_date:
            merged = by_date[e.date]
            merged.hours = add(merged.hours, e.hours)
            merged.pay = add(merged.pay, e.pay)
        else:
            by_date[e.date] = Entry(date=e.date, hours=e.hours, pay=e.pay)
    return Timecard(employee=" ".join(llm_timecard.employee.split()), employee_id=llm_timecard.employee_id,
                    entries=sorted(by_date.values(), key=lambda e: e.date))


def compare_timecards(deterministic: list[Timecard], llm: list[LlmTimecard]) -> list[Issue]:
    ours = group_by_person(deterministic)
    theirs = group_by_person([to_timecard(t) for t in llm])
    issues: list[Issue] = []
    for key in sorted(ours.keys() | theirs.keys()):
        mine, other = ours.get(key), theirs.get(key)
        if other is None:
            issues.append(disagreement(mine.employee, None, "is missing from the AI extraction"))
        elif mine is None:
            issues.append(disagreement(other.employee, None, "was found only by the AI extraction"))
        else:
            issues.extend(compare_entries(mine, other))
    if len(issues) > MAX_DISAGREEMENT_ISSUES:
        hidden = len(issues) - MAX_DISAGREEMENT_ISSUES + 1
        issues = issues[: MAX_DISAGREEMENT_ISSUES - 1]
        issues.append(Issue(code=DISAGREEMENT, severity="warning",
                            message=f"{hidden} more differences between the deterministic and AI extractions"))
    return issues


def compare_entries(mine: Timecard, other: Timecard) -> list[Issue]:
    mine_by_date = {e.date: e for e in mine.entries}
    other_by_date = {e.date: e for e in other.entries}
    issues = []
    for day in sorted(mine_by_date.keys() | other_by_date.keys()):
        a, b = mine_by_date.get(day), other_by_date.get(day)
        if b is None:
            issues.append(disagreement(mine.employee, day, "the date is missing from the AI extraction"))
        elif a is None:
            issues.append(disagreement(mine.employee, day, "the date was found only by the AI extraction"))
        else:
            differing = [name for name, x, y in (("hours", a.hours, b.hours), ("pay", a.pay, b.pay)) if differs(x, y)]
            if differing:
                issues.append(disagreement(mine.employee, day, " and ".join(differing) + " differ"))
    return issues


def disagreement(employee: str, day: dt.date | None, what: str) -> Issue:
    where = f"{employee} on {day.isoformat()}" if day else employee
    return Issue(code=DISAGREEMENT, severity="warning", employee=employee, date=day,
                 message=f"deterministic and AI extractions disagree for {where}: {what}")


def group_by_person(timecards: list[Timecard]) -> dict[str, Timecard]:
    """One merged timecard per person, keyed so that "Smith, Jane" and "JANE SMITH" meet."""
    grouped: dict[str, Timecard] = {}
    for card in timecards:
        key = person_key(card.employee)
        if key not in grouped:
            grouped[key] = Timecard(employee=card.employee, employee_id=card.employee_id)
        target = grouped[key]
        by_date = {e.date: e for e in target.entries}
        for e in card.entries:
            if e.date in by_date:
                by_date[e.date] = Entry(date=e.date, hours=add(by_date[e.date].hours, e.hours),
                                        pay=add(by_date[e.date].pay, e.pay))
            else:
                by_date[e.date] = Entry(date=e.date, hours=e.hours, pay=e.pay)
        target.entries = list(by_date.values())
    return grouped


def person_key(name: str) -> str:
    tokens = [t.casefold() for t in re.split(r"[\s,]+", name) if t]
    return " ".join(sorted(tokens))


def differs(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return abs(a - b) > TOLERANCE


def add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None:
        return b
    return a if b is None else a + b


__all__ = ["DISAGREEMENT", "LLM_ONLY", "UNAVAILABLE", "CrossCheck", "compare_timecards", "cross_check", "person_key"]
