"""The plain computation decides the issues; the proofs must agree with it.

A violation issue (error or warning from a rule) must have an INVALID finding with the
same id, and an INVALID finding must have its issue. A disagreement is a bug in one of
the two paths: it is reported as a warning so the file goes to a person, never hidden.
"""

from __future__ import annotations

import logging
from typing import Any

from processing.compliance.rulebook.min_wage import ASSUMED, OPEN
from processing.compliance.rules.catalogue import specs
from processing.compliance.rules.issues import make_issue
from processing.compliance.verification.solver import INVALID, TOO_COMPLEX
from processing.model import Issue

log = logging.getLogger(__name__)


def not_invalid_codes() -> frozenset[str]:
    """Codes whose finding is not INVALID by design (the registry's ``Code.violation`` is False):
    an assumption made, facts that contradict the policy, something the data cannot decide."""
    return frozenset(code for code, spec in specs().items() if not spec.violation)


def backing_issue_id(finding_id: str) -> str:
    """The issue id an INVALID finding needs. Refuted with the hours left open means refuted
    under the assumed hours too: the week's MIN_WAGE issue (tied to the assumption) backs it."""
    return finding_id.replace(f"/{OPEN}", f"/{ASSUMED}") if finding_id.endswith(f"/{OPEN}") else finding_id


def disagreements(issues: list[Issue], findings: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(finding_id, what is wrong) for every mismatch between issues and findings."""
    # A set per id: two timecards with the same name share ids, and must not mask each other.
    outcomes: dict[str, set[str]] = {}
    for finding in findings:
        outcomes.setdefault(finding["finding_id"], set()).add(finding["outcome"])
    flagged = {i.details.get("finding_id") for i in issues if i.code not in not_invalid_codes()}
    flagged.discard(None)
    problems = []
    for fid in sorted(flagged):
        seen = outcomes.get(fid, set())
        if not seen & {INVALID, TOO_COMPLEX}:  # a timeout proves nothing either way
            problems.append((fid, f"the rule flagged it, the proof says {', '.join(sorted(seen)) or 'nothing'}"))
    for fid, seen in sorted(outcomes.items()):
        if INVALID in seen and backing_issue_id(fid) not in flagged:
            problems.append((fid, "the proof refutes the claim, the rule did not flag it"))
    return problems


def agreement_issues(issues: list[Issue], findings: list[dict[str, Any]]) -> list[Issue]:
    found = []
    by_id = {f["finding_id"]: f for f in findings}
    for fid, problem in disagreements(issues, findings):
        rule_id = fid.split("/", 1)[0]
        log.warning("verification disagrees with the rule computation for rule %s", rule_id)  # no personal data
        employee = by_id.get(fid, {}).get("employee")
        found.append(make_issue("VERIFICATION_DISAGREEMENT", f"rule {rule_id}: {problem}", employee=employee,
                                finding=fid))
    return found


__all__ = ["not_invalid_codes", "agreement_issues", "backing_issue_id", "disagreements"]
