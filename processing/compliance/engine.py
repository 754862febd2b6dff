"""evaluate(): facts -> plain rules (issues) -> z3 proofs (findings) -> agreement -> decision."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any

from core.operational_settings import OperationalSettings
from processing.compliance.agreement import agreement_issues
from processing.compliance.facts import build_facts
from processing.compliance.plain import rule_issues
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.findings import untranslated_finding
from processing.compliance.verification.run import SolverFactory, verify_extraction
from processing.compliance.verification.solver import ProofOptions
from processing.model import Extraction, Issue

REVIEW = "review"
APPROVED = "approved"


@dataclass
class ComplianceReport:
    issues: list[Issue]
    findings: list[dict[str, Any]] = field(default_factory=list)
    decision: str = APPROVED


def _week_of(issue: Issue) -> dt.date:
    week = issue.details.get("week_start") if isinstance(issue.details, dict) else None
    try:
        return dt.date.fromisoformat(week) if isinstance(week, str) else dt.date.min
    except ValueError:  # an extraction issue may carry its own details
        return dt.date.min


def _issue_sort_key(issue: Issue) -> tuple:
    """By employee, then date (a weekly issue sorts at its week's start), then code."""
    name = issue.employee or ""
    return (name.casefold(), name, issue.date or _week_of(issue), issue.code, issue.message)


def decide(issues: list[Issue]) -> str:
    return REVIEW if any(i.severity in ("error", "warning") for i in issues) else APPROVED


def reading_problem_findings(problems: list[Issue]) -> list[dict[str, Any]]:
    """A reading problem (#REF!, an unparseable cell) has nothing to prove: NO_TRANSLATIONS, naming the issue."""
    return [untranslated_finding(f"EXTRACTION/{n}", f"EXTRACTION.{problem.code}", problem.code,
                                 "a value the file does not give: nothing to translate",
                                 {"employee": problem.employee,
                                  "date": problem.date.isoformat() if problem.date else None})
            for n, problem in enumerate(problems)]


def compute_issues(extraction: Extraction, settings: OperationalSettings) -> list[Issue]:
    """The plain rule computation alone (what ``bench/verify.py`` compares the proofs with)."""
    limits = Thresholds.from_settings(settings)
    return rule_issues(extraction, build_facts(extraction, limits), limits)


# z3's Python API shares one global context; two threads building terms in it at once fail
# ("context mismatch", "invalid argument") or crash the process. Threads take turns for the proof.
_Z3_LOCK = threading.Lock()


def evaluate(extraction: Extraction, settings: OperationalSettings, *,
             solver_factory: SolverFactory | None = None, proofs: ProofOptions = ProofOptions()) -> ComplianceReport:
    """Every rule on every employee-workweek: issues from the rules, findings from z3.

    ``proofs``: how the proofs run; ``verification.solver.BASELINE`` is the path before issue 12
    (only the comparison test and bench use it).
    """
    limits = Thresholds.from_settings(settings)
    employees = build_facts(extraction, limits)
    issues = rule_issues(extraction, employees, limits)
    with _Z3_LOCK:
        findings = verify_extraction(extraction, employees, limits, solver_factory, options=proofs)
    findings += reading_problem_findings(extraction.issues)
    issues += agreement_issues(issues, findings)
    # Reading problems from extraction are passed through and count toward the decision too.
    everything = sorted([*extraction.issues, *issues], key=_issue_sort_key)
    return ComplianceReport(issues=everything, findings=findings, decision=decide(everything))


__all__ = ["APPROVED", "ComplianceReport", "REVIEW", "compute_issues", "decide", "evaluate"]
