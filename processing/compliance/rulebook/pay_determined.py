"""DATA.PAY_DETERMINED: every worked day has hours or pay, and every day with hours a knowable pay.

"The file determines the pay" is the claim pay == pay' over two copies of the pay under
the same facts: the file leaves it open when both it and its negation are satisfiable
(SATISFIABLE). A worked day with neither hours nor pay has nothing to translate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from processing.compliance.facts import EmployeeFacts, implied_pay, negative_fields
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim
from processing.compliance.verification.findings import untranslated_finding
from processing.compliance.verification.smt import and_, eq, ge, num
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Entry, Extraction, Issue

RULE_ID = "DATA.PAY_DETERMINED"


def missing_kind(entry: Entry, employee: EmployeeFacts) -> str | None:
    """"pay" when hours have no knowable pay, "both" for a worked day with nothing, else None."""
    if employee.has_salary or negative_fields(entry):
        return None
    pay, _ = implied_pay(entry, employee.timecard)
    if pay is not None:
        return None
    if entry.hours is not None:
        return "pay"
    return "both" if entry.worked else None


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        kind = missing_kind(entry, employee)
        if kind is None:
            continue
        day = entry.date.isoformat()
        message = (f"{hours_text(entry.hours)} hours on {day} with no pay, rate or amount" if kind == "pay"
                   else f"worked on {day} but the file gives neither hours nor pay")
        issues.append(make_issue("MISSING_VALUE", message, employee=employee.employee, date=entry.date,
                                 finding=finding_id(RULE_ID, employee.employee, day), missing=kind))
    return issues


def _open_pay(employee: EmployeeFacts, entry: Entry, scope: Scope) -> Claim:
    day = entry.date.isoformat()
    hours, pay, other = scope.var(f"hours[{day}]"), scope.var(f"pay[{day}]"), scope.var(f"pay'[{day}]")
    scope.premise(f"hours@{day}", f"hours on {day} = {hours_text(entry.hours)}", eq(hours, num(entry.hours)), "hours")
    scope.premise(f"pay@{day}", f"pay on {day}: not in the file, no rate, no day rate", "true", "pay")
    scope.rule(RULE_ID, "pay is not negative (nothing else in the file constrains it)",
               and_([ge(pay, "0.0"), ge(other, "0.0")]))
    return employee_claim(employee, RULE_ID, "MISSING_VALUE", "the file determines the day's pay",
                          eq(pay, other), key=day, shows={"pay": f"pay[{day}]", "pay'": f"pay'[{day}]"},
                          tags=("hours", "pay"), hours=hours_text(entry.hours))


def translate(employee: EmployeeFacts, limits: Thresholds,
              new_scope: Callable[[], Scope]) -> list[tuple[Scope, Claim] | dict[str, Any]]:
    proofs: list[tuple[Scope, Claim] | dict[str, Any]] = []
    for entry in employee.entries:
        kind = missing_kind(entry, employee)
        day = entry.date.isoformat()
        if kind == "pay":
            scope = new_scope()
            proofs.append((scope, _open_pay(employee, entry, scope)))
        elif kind == "both":
            proofs.append(untranslated_finding(
                finding_id(RULE_ID, employee.employee, day), RULE_ID, "MISSING_VALUE",
                "a worked day with neither hours nor pay: nothing to translate",
                {"employee": employee.employee, "date": day}))
    return proofs


RULE = Rule(RULE_ID, "separate", (
    Code("MISSING_VALUE", "error", "every worked day has hours or pay, and every day with hours has a knowable pay",
         violation=False),
), plain, translate)

__all__ = ["RULE"]
