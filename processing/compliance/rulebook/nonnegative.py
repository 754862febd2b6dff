"""DATA.NONNEGATIVE: hours, pay and rates are never negative.

A negative entry contradicts the policy: NEGATIVE_VALUE with an IMPOSSIBLE finding (its own
solver per date, the facts being contradictory by design), and the entry is left out of
the weekly rules (summing it would hide or invent violations).
"""

from __future__ import annotations

from collections.abc import Callable

from processing.compliance.facts import EmployeeFacts, negative_fields
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim, entry_label
from processing.compliance.verification.smt import and_, eq, ge, num
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Extraction, Issue

RULE_ID = "DATA.NONNEGATIVE"
_MONEY_FIELDS = {"pay", "hourly_rate", "day_rate", "wage_subtotal"}


def _value_text(name: str, value) -> str:
    return money_text(value) if name in _MONEY_FIELDS else hours_text(value)


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        found = negative_fields(entry)
        if found:
            listed = ", ".join(f"{name.replace('_', ' ')} {_value_text(name, v)}" for name, v in found)
            issues.append(make_issue(
                "NEGATIVE_VALUE", f"negative value on {entry.date.isoformat()}: {listed}",
                employee=employee.employee, date=entry.date,
                finding=finding_id(RULE_ID, employee.employee, entry.date.isoformat()),
                fields=",".join(name for name, _ in found)))
    return issues


def translate(employee: EmployeeFacts, limits: Thresholds,
              new_scope: Callable[[], Scope]) -> list[tuple[Scope, Claim]]:
    """Premises that contradict the non-negativity rule: the outcome is IMPOSSIBLE, its core names both."""
    proofs = []
    for day in sorted({entry.date for entry, _, _ in employee.negative_entries}):
        scope = new_scope()
        bounds, shows = [], {}
        for index, entry in enumerate(employee.entries):
            if entry.date != day:
                continue
            for name, value in negative_fields(entry):
                key = f"{name}[{entry_label(entry, index)}]"
                var = scope.var(key)
                scope.premise(key, f"{name.replace('_', ' ')} on {day} = {value}", eq(var, num(value)), "values")
                bounds.append(ge(var, "0.0"))
                shows[key] = key
        scope.rule(RULE_ID, "hours, pay and rates in an entry are >= 0", and_(bounds))
        proofs.append((scope, employee_claim(employee, RULE_ID, "NEGATIVE_VALUE", "the entry's values are valid",
                                             "true", key=day.isoformat(), shows=shows, tags=("values",))))
    return proofs


RULE = Rule(RULE_ID, "separate", (
    Code("NEGATIVE_VALUE", "error", "hours, pay and rates in an entry are not negative",
         violation=False),
), plain, translate)

__all__ = ["RULE"]
