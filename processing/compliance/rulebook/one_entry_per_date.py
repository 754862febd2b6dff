"""DATA.ONE_ENTRY_PER_DATE: several entries for one employee and date (summed for the weekly rules)."""

from __future__ import annotations

from collections import Counter

from processing.compliance.facts import EmployeeFacts
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim
from processing.compliance.verification.smt import eq, integer, le
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Extraction, Issue

RULE_ID = "DATA.ONE_ENTRY_PER_DATE"


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    counts = Counter(e.date for e in employee.entries)
    return [make_issue(
        "DUPLICATE_ENTRY", f"{count} entries for {day.isoformat()} (summed for the weekly rules)",
        employee=employee.employee, date=day, finding=finding_id(RULE_ID, employee.employee), entries=count)
        for day, count in sorted(counts.items()) if count > 1]


def translate(employee: EmployeeFacts, scope: Scope, extraction: Extraction) -> list[Claim]:
    counts = Counter(e.date for e in employee.entries)
    if not counts:
        return []
    limit, most = scope.var("entries_per_date", "Int"), scope.var("most_entries_on_a_date", "Int")
    scope.rule(RULE_ID, "one entry per employee per work date", eq(limit, "1"))
    highest = max(counts.values())
    repeated = ", ".join(f"{d} ({n})" for d, n in sorted(counts.items()) if n > 1)
    scope.premise("most_entries", f"most entries on one date = {highest}{': ' + repeated if repeated else ''}",
                  eq(most, integer(highest)), "entries")
    return [employee_claim(employee, RULE_ID, "DUPLICATE_ENTRY", "at most one entry per work date",
                           le(most, limit), shows={"most_entries_on_a_date": "most_entries_on_a_date"},
                           tags=("entries",), dates=len(counts))]


RULE = Rule(RULE_ID, "employee", (
    Code("DUPLICATE_ENTRY", "warning", "one entry per employee per work date"),
), plain, translate)

__all__ = ["RULE"]
