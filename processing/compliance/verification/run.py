"""Formal verification of every rule for one extraction.

One solver per employee (per six workweeks of a long file) holds its workweeks, its entry
rules and its stated totals, each part in its own namespace (one parse and one base check
per employee instead of one per part). Facts that contradict the policy (negative values), days whose pay is undetermined
and sheet-level totals get solvers of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import z3

from processing.compliance.facts import EmployeeFacts
from processing.compliance.rules.entries import missing_kind
from processing.compliance.rules.issues import finding_id
from processing.compliance.rules.totals import TotalCheck, total_checks
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.findings import finding_from_outcome, untranslated_finding
from processing.compliance.verification.solver import Claim, Namespace, Scope
from processing.compliance.verification.translate_entries import (
    employee_scope_claims,
    missing_pay_scope,
    negative_scope,
)
from processing.compliance.verification.translate_totals import total_claim
from processing.compliance.verification.translate_week import translate_week
from processing.model import Extraction

SolverFactory = Callable[[int], z3.Solver]


def _run(scope: Scope, claims: list[Claim]) -> list[dict[str, Any]]:
    return [finding_from_outcome(outcome, scope) for outcome in scope.verify(claims)]


def has_usable_numbers(employee: EmployeeFacts) -> bool:
    timecard = employee.timecard
    return (any(e.hours is not None or e.pay is not None for e in timecard.entries)
            or employee.has_salary or bool(timecard.stated_totals)
            or any(d.pay is not None for w in employee.weeks for d in w.days))


def missing_value_findings(employee: EmployeeFacts, limits: Thresholds,
                           factory: SolverFactory | None) -> list[dict[str, Any]]:
    findings = []
    for entry in employee.entries:
        kind = missing_kind(entry, employee)
        day = entry.date.isoformat()
        if kind == "pay":
            scope = Scope(limits.timeout_ms, factory)
            findings += _run(scope, [missing_pay_scope(employee, entry, scope)])
        elif kind == "both":
            findings.append(untranslated_finding(
                finding_id("DATA.PAY_DETERMINED", employee.employee, day), "DATA.PAY_DETERMINED", "MISSING_VALUE",
                "a worked day with neither hours nor pay: nothing to translate",
                {"employee": employee.employee, "date": day}))
    return findings


WEEKS_PER_SOLVER = 6  # a year-long file must not grow one solver (and every check on it) without bound


def verify_employee(employee: EmployeeFacts, totals: list[TotalCheck], extraction: Extraction, limits: Thresholds,
                    factory: SolverFactory | None) -> list[dict[str, Any]]:
    """One solver per few workweeks of the employee; its entry rules and totals join the first."""
    name = employee.employee
    findings = []
    if not has_usable_numbers(employee):
        # Worked-day markers may still decide the day-count rules, so the weeks are checked too.
        findings.append(untranslated_finding(finding_id("ALL", name), "ALL", "NO_DATA",
                                             "no hours, pay, rate or salary in the file for this employee",
                                             {"employee": name}))
    batches = [employee.weeks[i:i + WEEKS_PER_SOLVER] for i in range(0, len(employee.weeks), WEEKS_PER_SOLVER)]
    for position, weeks in enumerate(batches or [[]]):
        scope = Scope(limits.timeout_ms, factory)
        claims: list[Claim] = []
        for week in weeks:
            week_claims, untranslated = translate_week(week, limits, Namespace(scope, week.key))
            claims += week_claims
            context = {"employee": name, "week_start": week.start.isoformat(), "week_end": week.end.isoformat()}
            findings += [untranslated_finding(finding_id(rule_id, name, week.key), rule_id, code, reason, context)
                         for rule_id, code, reason in untranslated]
        if position == 0:
            claims += employee_scope_claims(employee, scope, extraction.period_start, extraction.period_end)
            for n, check in enumerate(totals):
                claim = total_claim(check, Namespace(scope, f"total{n}"))
                if claim is None:
                    findings.append(_no_average(check))
                else:
                    claims.append(claim)
        findings += _run(scope, claims)
    for day in sorted({entry.date for entry, _, _ in employee.negative_entries}):
        negative = Scope(limits.timeout_ms, factory)  # contradictory by design: kept apart
        findings += _run(negative, [negative_scope(employee, day, negative)])
    return findings + missing_value_findings(employee, limits, factory)


def _no_average(check: TotalCheck) -> dict[str, Any]:
    return untranslated_finding(check.finding, check.rule_id, "AVERAGE_MISMATCH", "no paid days to average",
                                {"employee": check.employee})


def verify_extraction(extraction: Extraction, employees: list[EmployeeFacts], limits: Thresholds,
                      factory: SolverFactory | None = None) -> list[dict[str, Any]]:
    checks = total_checks(extraction, limits.total_tolerance)
    owned: dict[int, list[TotalCheck]] = {}
    for check in checks:
        if check.owner is not None:
            owned.setdefault(check.owner, []).append(check)
    findings = []
    for index, employee in enumerate(employees):
        findings += verify_employee(employee, owned.get(index, []), extraction, limits, factory)
    for check in checks:
        if check.owner is not None:
            continue
        scope = Scope(limits.timeout_ms, factory)
        claim = total_claim(check, Namespace(scope, "total"))
        findings += _run(scope, [claim]) if claim is not None else [_no_average(check)]
    return findings


__all__ = ["verify_extraction"]
