"""Findings as JSON-ready dicts: outcome, premises, claims, rule ids, and the numbers."""

from __future__ import annotations

from typing import Any

from processing.compliance.verification.solver import (
    INVALID,
    NO_TRANSLATIONS,
    RULE_PREFIX,
    SATISFIABLE,
    VALID,
    Outcome,
    Scope,
    plain_rule_id,
)

MAX_PREMISES = 40  # a sheet total can rest on thousands of entries; the count says how many were left out


def _premises(outcome: Outcome, scope: Scope) -> list[str]:
    tags = outcome.claim.tags
    listed = [p.text for p in scope.premises if not tags or p.tags & tags]
    return listed + [a.text for a in outcome.claim.assumptions]


def finding_from_outcome(outcome: Outcome, scope: Scope) -> dict[str, Any]:
    claim = outcome.claim
    core_labels = [label for label in outcome.core if label.startswith(RULE_PREFIX)]
    rules = sorted({plain_rule_id(label) for label in core_labels}) or [claim.rule_id]
    texts = {r.label: r.text for r in scope.rules}
    statements = {plain_rule_id(label): texts[label] for label in core_labels if label in texts}
    premises = _premises(outcome, scope)
    finding: dict[str, Any] = {
        "finding_id": claim.finding_id,
        "rule_id": claim.rule_id,
        "code": claim.code,
        "claim": claim.text,
        "outcome": outcome.outcome,
        **{k: v for k, v in claim.context.items() if v is not None},
        "premises": premises[:MAX_PREMISES],
        "claims": [claim.text],
        "rules": rules,
        "rule_statements": statements,
        "numbers": dict(claim.numbers),
    }
    if len(premises) > MAX_PREMISES:
        finding["premises_omitted"] = len(premises) - MAX_PREMISES
    if claim.assumptions:
        finding["assumptions"] = [a.text for a in claim.assumptions]
    if outcome.core:
        finding["core"] = list(outcome.core)
    if outcome.outcome == INVALID:
        finding["counterexample"] = outcome.scenario_false
    elif outcome.outcome == SATISFIABLE:
        finding["scenarios"] = {"claim_true": outcome.scenario_true, "claim_false": outcome.scenario_false}
    elif outcome.outcome == VALID:
        finding["scenario"] = outcome.scenario_true
    return finding


def untranslated_finding(finding_id: str, rule_id: str, code: str, reason: str,
                         context: dict[str, Any]) -> dict[str, Any]:
    """Nothing in the input maps to the rule's variables: say which rule and what is missing."""
    return {
        "finding_id": finding_id,
        "rule_id": rule_id,
        "code": code,
        "claim": reason,
        "outcome": NO_TRANSLATIONS,
        **{k: v for k, v in context.items() if v is not None},
        "premises": [],
        "claims": [],
        "rules": [rule_id],
        "numbers": {},
    }


__all__ = ["finding_from_outcome", "untranslated_finding"]
