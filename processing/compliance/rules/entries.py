"""Per-entry data checks: negatives, missing pay, hour breakdowns, wage subtotals, dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from processing.compliance.facts import EmployeeFacts, implied_pay, negative_fields
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules.issues import finding_id, make_issue
from processing.model import Entry, Issue

HOUR_PARTS = ("straight_hours", "overtime_hours", "double_time_hours")
PART_WEIGHTS = {"straight_hours": Decimal(1), "overtime_hours": Decimal("1.5"), "double_time_hours": Decimal(2)}
CENT = Decimal("0.01")
_MONEY_FIELDS = {"pay", "hourly_rate", "day_rate", "wage_subtotal"}


def _value_text(name: str, value: Decimal) -> str:
    return money_text(value) if name in _MONEY_FIELDS else hours_text(value)


def negative_value_issues(employee: EmployeeFacts) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        found = negative_fields(entry)
        if found:
            listed = ", ".join(f"{name.replace('_', ' ')} {_value_text(name, v)}" for name, v in found)
            issues.append(make_issue(
                "NEGATIVE_VALUE", f"negative value on {entry.date.isoformat()}: {listed}",
                employee=employee.employee, date=entry.date,
                finding=finding_id("DATA.NONNEGATIVE", employee.employee, entry.date.isoformat()),
                fields=",".join(name for name, _ in found)))
    return issues


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


def missing_value_issues(employee: EmployeeFacts) -> list[Issue]:
    issues = []
    for entry in employee.entries:
        kind = missing_kind(entry, employee)
        if kind is None:
            continue
        day = entry.date.isoformat()
        message = (f"{hours_text(entry.hours)} hours on {day} with no pay, rate or amount" if kind == "pay"
                   else f"worked on {day} but the file gives neither hours nor pay")
        issues.append(make_issue("MISSING_VALUE", message, employee=employee.employee, date=entry.date,
                                 finding=finding_id("DATA.PAY_DETERMINED", employee.employee, day),
                                 missing=kind))
    return issues


def breakdown_totals(entry: Entry) -> list[tuple[str, Decimal]]:
    """The stated totals a breakdown must add up to (hours, and a per-day total column)."""
    totals = [("hours", entry.hours), ("stated hours total", entry.stated_hours_total)]
    return [(name, value) for name, value in totals if value is not None]


def has_breakdown(entry: Entry) -> bool:
    return any(getattr(entry, part) is not None for part in HOUR_PARTS) and not negative_fields(entry)


def breakdown_sum(entry: Entry) -> Decimal:
    return sum((getattr(entry, part) or Decimal(0) for part in HOUR_PARTS), Decimal(0))


def breakdown_issues(employee: EmployeeFacts) -> list[Issue]:
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
                    finding=finding_id("DATA.HOURS_BREAKDOWN", employee.employee), parts=parts, total=total))
                break
    return issues


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


def subtotal_issues(employee: EmployeeFacts) -> list[Issue]:
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
                finding=finding_id("DATA.WAGE_SUBTOTAL", employee.employee),
                expected=expected, subtotal=entry.wage_subtotal, rate=rate))
    return issues


def date_outside_period_issues(employee: EmployeeFacts, start: dt.date | None, end: dt.date | None) -> list[Issue]:
    if start is None or end is None:
        return []
    issues = []
    for day in sorted({e.date for e in employee.entries}):
        if not start <= day <= end:
            issues.append(make_issue(
                "DATE_OUTSIDE_PERIOD",
                f"{day.isoformat()} is outside the pay period {start.isoformat()} to {end.isoformat()}",
                employee=employee.employee, date=day,
                finding=finding_id("DATA.DATE_IN_PERIOD", employee.employee)))
    return issues


def duplicate_entry_issues(employee: EmployeeFacts) -> list[Issue]:
    counts = Counter(e.date for e in employee.entries)
    return [make_issue(
        "DUPLICATE_ENTRY", f"{count} entries for {day.isoformat()} (summed for the weekly rules)",
        employee=employee.employee, date=day,
        finding=finding_id("DATA.ONE_ENTRY_PER_DATE", employee.employee), entries=count)
        for day, count in sorted(counts.items()) if count > 1]


__all__ = [
    "HOUR_PARTS",
    "PART_WEIGHTS",
    "breakdown_issues",
    "breakdown_sum",
    "breakdown_totals",
    "date_outside_period_issues",
    "duplicate_entry_issues",
    "expected_subtotal",
    "has_breakdown",
    "missing_kind",
    "missing_value_issues",
    "negative_value_issues",
    "subtotal_checkable",
    "subtotal_issues",
    "subtotal_rate",
    "subtotal_tolerance",
]
