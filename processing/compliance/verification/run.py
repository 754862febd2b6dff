"""Formal verification of every registered rule for one extraction.

One solver per employee (per six workweeks of a long file) holds its workweeks, its entry
rules and its stated totals, each part in its own namespace (one parse and one base check
per employee instead of one per part). "Separate" rules (facts that contradict the policy,
pay left open on purpose) and sheet-level totals get solvers of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import z3

from processing.compliance.facts import EmployeeFacts
from processing.compliance.registry import Rule, of_level
from processing.compliance.rulebook import RULES
from processing.compliance.rules.issues import finding_id
from processing.compliance.rules.totals import TotalCheck, total_checks
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.findings import finding_from_outcome, untranslated_finding
from processing.compliance.verification.solver import Claim, Namespace, ProofOptions, Scope
from processing.compliance.verification.week_model import WeekModel
from processing.model import Extraction

SolverFactory = Callable[[int], z3.Solver]

WEEK_RULES = of_level(RULES, "week")
EMPLOYEE_RULES = of_level(RULES, "employee")
SEPARATE_RULES = of_level(RULES, "separate")
TOTAL_RULES = of_level(RULES, "total")
WEEKS_PER_SOLVER = 6  # a year-long file must not grow one solver (and every check on it) without bound


def _run(scope: Scope, claims: list[Claim]) -> list[dict[str, Any]]:
    return [finding_from_outcome(outcome, scope) for outcome in scope.verify(claims)]


def has_usable_numbers(employee: EmployeeFacts) -> bool:
    timecard = employee.timecard
    return (any(e.hours is not None or e.pay is not None for e in timecard.entries)
            or employee.has_salary or bool(timecard.stated_totals)
            or any(d.pay is not None for w in employee.weeks for d in w.days))


def week_claims(m: WeekModel, findings: list[dict[str, Any]]) -> list[Claim]:
    """Every week rule's claims; a rule with nothing to translate adds a NO_TRANSLATIONS finding."""
    claims: list[Claim] = []
    week = m.week
    context = {"employee": week.employee, "week_start": week.start.isoformat(), "week_end": week.end.isoformat()}
    for rule in WEEK_RULES:
        translated, reasons = rule.translate(m)
        claims += translated
        findings += [untranslated_finding(finding_id(rule.rule_id, week.employee, week.key), rule.rule_id,
                                          rule.codes[0].code, reason, context) for reason in reasons]
    return claims


def total_rule(check: TotalCheck) -> Rule:
    [rule] = [r for r in TOTAL_RULES if r.judges(check)]
    return rule


def total_claim(check: TotalCheck, scope: Namespace, findings: list[dict[str, Any]]) -> Claim | None:
    rule = total_rule(check)
    translated = rule.translate(check, scope)
    if isinstance(translated, str):  # nothing to translate: the reason
        findings.append(untranslated_finding(check.finding, rule.rule_id, rule.codes[0].code, translated,
                                             {"employee": check.employee}))
        return None
    return translated


def separate_findings(employee: EmployeeFacts, limits: Thresholds, factory: SolverFactory | None,
                      ctx: z3.Context | None, options: ProofOptions) -> list[dict[str, Any]]:
    findings = []
    for rule in SEPARATE_RULES:
        for proof in rule.translate(employee, limits, lambda: Scope(limits.timeout_ms, factory, ctx, options)):
            if isinstance(proof, dict):
                findings.append(proof)
            else:
                scope, claim = proof
                findings += _run(scope, [claim])
    return findings


def verify_employee(employee: EmployeeFacts, totals: list[TotalCheck], extraction: Extraction, limits: Thresholds,
                    factory: SolverFactory | None, ctx: z3.Context | None = None,
                    options: ProofOptions = ProofOptions()) -> list[dict[str, Any]]:
    """One solver per few workweeks of the employee; its entry rules and totals join the first."""
    name = employee.employee
    findings: list[dict[str, Any]] = []
    if not has_usable_numbers(employee):
        # Worked-day markers may still decide the day-count rules, so the weeks are checked too.
        findings.append(untranslated_finding(finding_id("ALL", name), "ALL", "NO_DATA",
                                             "no hours, pay, rate or salary in the file for this employee",
                                             {"employee": name}))
    batches = [employee.weeks[i:i + WEEKS_PER_SOLVER] for i in range(0, len(employee.weeks), WEEKS_PER_SOLVER)]
    for position, weeks in enumerate(batches or [[]]):
        scope = Scope(limits.timeout_ms, factory, ctx, options)
        claims: list[Claim] = []
        for week in weeks:
            claims += week_claims(WeekModel(week, limits, Namespace(scope, week.key)), findings)
        if position == 0:
            for rule in EMPLOYEE_RULES:
                claims += rule.translate(employee, scope, extraction)
            for n, check in enumerate(totals):
                claim = total_claim(check, Namespace(scope, f"total{n}"), findings)
                if claim is not None:
                    claims.append(claim)
        findings += _run(scope, claims)
    return findings + separate_findings(employee, limits, factory, ctx, options)


def verify_extraction(extraction: Extraction, employees: list[EmployeeFacts], limits: Thresholds,
                      factory: SolverFactory | None = None, *,
                      options: ProofOptions = ProofOptions()) -> list[dict[str, Any]]:
    """Findings for every rule. ``options.own_context``: the file's proofs run in a z3 context of their own.

    In z3's one shared context, the terms earlier files left behind change the ids of this
    file's terms and with them the models z3 picks (values the file leaves open) and even
    which unsat core it returns: the same file gave different findings on a second run. A
    fresh context per file makes the findings a function of the file alone.
    ``solver.BASELINE`` is the path before that change, kept for the comparison test and bench.
    """
    ctx = z3.Context() if options.own_context and factory is None else None
    checks = total_checks(extraction, limits.total_tolerance)
    owned: dict[int, list[TotalCheck]] = {}
    for check in checks:
        if check.owner is not None:
            owned.setdefault(check.owner, []).append(check)
    findings = []
    for index, employee in enumerate(employees):
        findings += verify_employee(employee, owned.get(index, []), extraction, limits, factory, ctx, options)
    for check in checks:
        if check.owner is not None:
            continue
        scope = Scope(limits.timeout_ms, factory, ctx, options)
        claim = total_claim(check, Namespace(scope, "total"), findings)
        if claim is not None:
            findings += _run(scope, [claim])
    return findings


__all__ = ["SolverFactory", "verify_extraction"]
