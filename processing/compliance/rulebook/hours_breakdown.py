"""DATA.HOURS_BREAKDOWN: straight + overtime + double-time hours = the entry's hours (and its total column)."""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import HOUR_PARTS, EmployeeFacts, has_breakdown
from processing.compliance.formatting import hours_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim, entry_label, hour_part_premises
from processing.compliance.verification.smt import add, and_, eq, num, within
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Entry, Extraction, Issue

RULE_ID = "DATA.HOURS_BREAKDOWN"
CENT = Decimal("0.01")


def breakdown_totals(entry: Entry) -> list[tuple[str, Decimal]]:
    """The stated totals a breakdown must add up to (hours, and a per-day total column)."""
    totals = [("hours", entry.hours), ("stated hours total", entry.stated_hours_total)]
    return [(name, value) for name, value in totals if value is not None]


def breakdown_sum(entry: Entry) -> Decimal:
    return sum((getattr(entry, part) or Decimal(0) for part in HOUR_PARTS), Decimal(0))


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        if not has_breakdown(entry):
            continue
        parts = breakdown_sum(entry)
        for name, total in breakdown_totals(entry):
            if abs(parts - total) > CENT:
                issues.append(make_issue(
                    "HOURS_BREAKDOWN_MISMATCH",
                    f"straight {hours_text(entry.straight_hours or 0)} + overtime {hours_text(entry.overtime_hours or 0)}"
                    f" + double time {hours_text(entry.double_time_hours or 0)} = {hours_text(parts)} hours on "
                    f"{entry.date.isoformat()}, but the {name} is {hours_text(total)}",
                    employee=employee.employee, date=entry.date,
                    finding=finding_id(RULE_ID, employee.employee), parts=parts, total=total))
                break
    return issues


def translate(employee: EmployeeFacts, scope: Scope, extraction: Extraction) -> list[Claim]:
    checked = [(i, e) for i, e in enumerate(employee.entries) if has_breakdown(e) and breakdown_totals(e)]
    if not checked:
        return []
    tolerance = scope.var("breakdown_tolerance")
    conditions, shows = [], {}
    for index, entry in checked:
        label = entry_label(entry, index)
        parts = add(hour_part_premises(scope, entry, label, "breakdown"))
        for name, total in breakdown_totals(entry):
            key = f"{name.replace(' ', '_')}[{label}]"
            var = scope.var(key)
            scope.premise(key, f"{name} on {entry.date} = {hours_text(total)}", eq(var, num(total)), "breakdown")
            conditions.append(within(parts, var, tolerance))
            shows[key] = key
    scope.rule(RULE_ID, "straight + overtime + double time = total hours (within 0.01)", eq(tolerance, num(CENT)))
    return [employee_claim(employee, RULE_ID, "HOURS_BREAKDOWN_MISMATCH",
                           "every breakdown adds up to its total hours", and_(conditions), shows=shows,
                           tags=("breakdown",), entries=len(checked))]


RULE = Rule(RULE_ID, "employee", (
    Code("HOURS_BREAKDOWN_MISMATCH", "error", "straight + overtime + double-time hours = total hours"),
), plain, translate)

__all__ = ["RULE"]
