"""DATA.WAGE_SUBTOTAL: rate x (straight + 1.5 x overtime + 2 x double time) = the entry's wage subtotal."""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import HOUR_PARTS, EmployeeFacts, has_breakdown
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim, entry_label, hour_part_premises
from processing.compliance.verification.smt import add, and_, eq, mul, num, within
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Entry, Extraction, Issue

RULE_ID = "DATA.WAGE_SUBTOTAL"
PART_WEIGHTS = {"straight_hours": Decimal(1), "overtime_hours": Decimal("1.5"), "double_time_hours": Decimal(2)}
CENT = Decimal("0.01")


def subtotal_rate(entry: Entry, employee: EmployeeFacts) -> Decimal | None:
    return entry.hourly_rate if entry.hourly_rate is not None else employee.timecard.hourly_rate


def subtotal_checkable(entry: Entry, employee: EmployeeFacts) -> bool:
    return (entry.wage_subtotal is not None and subtotal_rate(entry, employee) is not None
            and has_breakdown(entry))


def subtotal_tolerance(entry: Entry) -> Decimal:
    """Each priced part may be rounded to the cent on its own."""
    return CENT * max(1, sum(getattr(entry, part) is not None for part in HOUR_PARTS))


def expected_subtotal(entry: Entry, rate: Decimal) -> Decimal:
    return rate * sum((PART_WEIGHTS[p] * (getattr(entry, p) or Decimal(0)) for p in HOUR_PARTS), Decimal(0))


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        if not subtotal_checkable(entry, employee):
            continue
        rate = subtotal_rate(entry, employee)
        expected = expected_subtotal(entry, rate)
        if abs(expected - entry.wage_subtotal) > subtotal_tolerance(entry):
            issues.append(make_issue(
                "WAGE_SUBTOTAL_MISMATCH",
                f"rate {money_text(rate)} x (straight {hours_text(entry.straight_hours or 0)} + 1.5 x "
                f"{hours_text(entry.overtime_hours or 0)} + 2 x {hours_text(entry.double_time_hours or 0)}) = "
                f"{money_text(expected)} on {entry.date.isoformat()}, but the wage subtotal is "
                f"{money_text(entry.wage_subtotal)}",
                employee=employee.employee, date=entry.date,
                finding=finding_id(RULE_ID, employee.employee),
                expected=expected, subtotal=entry.wage_subtotal, rate=rate))
    return issues


def translate(employee: EmployeeFacts, scope: Scope, extraction: Extraction) -> list[Claim]:
    checked = [(i, e) for i, e in enumerate(employee.entries) if subtotal_checkable(e, employee)]
    if not checked:
        return []
    conditions, definitions, shows = [], [], {}
    for index, entry in checked:
        label, rate = entry_label(entry, index), subtotal_rate(entry, employee)
        expected, subtotal = scope.var(f"expected_subtotal[{label}]"), scope.var(f"wage_subtotal[{label}]")
        parts = hour_part_premises(scope, entry, label, "subtotal")
        weighted = add([mul(num(PART_WEIGHTS[p] * rate), v) for p, v in zip(HOUR_PARTS, parts, strict=True)])
        scope.premise(f"wage_subtotal@{label}", f"wage subtotal on {entry.date} = {money_text(entry.wage_subtotal)}",
                      eq(subtotal, num(entry.wage_subtotal)), "subtotal")
        definitions.append(eq(expected, weighted))
        conditions.append(within(expected, subtotal, num(subtotal_tolerance(entry))))
        shows[f"expected[{label}]"] = f"expected_subtotal[{label}]"
        shows[f"subtotal[{label}]"] = f"wage_subtotal[{label}]"
    scope.rule(RULE_ID, "expected subtotal = rate x (straight + 1.5 x overtime + 2 x double time)",
               and_(definitions))
    return [employee_claim(employee, RULE_ID, "WAGE_SUBTOTAL_MISMATCH",
                           "every wage subtotal equals its rate x weighted hours (one cent per priced part)",
                           and_(conditions), shows=shows, tags=("subtotal",), entries=len(checked))]


RULE = Rule(RULE_ID, "employee", (
    Code("WAGE_SUBTOTAL_MISMATCH", "error", "rate x (straight + 1.5 x overtime + 2 x double-time hours) = wage subtotal"),
), plain, translate)

__all__ = ["RULE"]
