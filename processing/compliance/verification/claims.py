"""What a check is made of: tracked facts and rules, claims, outcomes, label names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VALID = "VALID"
INVALID = "INVALID"
SATISFIABLE = "SATISFIABLE"
IMPOSSIBLE = "IMPOSSIBLE"
TOO_COMPLEX = "TOO_COMPLEX"
NO_TRANSLATIONS = "NO_TRANSLATIONS"

RULE_PREFIX = "rule:"
PREMISE_PREFIX = "premise:"
ASSUMPTION_PREFIX = "assumption:"
CLAIM_PREFIX = "claim:"
SEPARATOR = "@"


@dataclass(frozen=True)
class Tracked:
    label: str  # "rule:FLSA.MIN_WAGE", "premise:hours@2026-03-02", "assumption:hours@2026-03-02"
    text: str
    formula: str  # SMT-LIB
    tags: frozenset[str] = frozenset()


@dataclass
class Claim:
    finding_id: str
    rule_id: str
    code: str
    text: str
    formula: str  # SMT-LIB over the scope's variables
    shows: dict[str, str] = field(default_factory=dict)  # display name -> variable: values a reviewer needs
    numbers: dict[str, Any] = field(default_factory=dict)
    tags: frozenset[str] = frozenset()  # which premises it reads
    assumptions: list[Tracked] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)  # employee, week_start, date...
    rules: frozenset[str] = frozenset()  # rule ids it depends on besides its own
    namespace: str | None = None  # the part of a shared scope it belongs to (a workweek, a total)


@dataclass
class Outcome:
    claim: Claim
    outcome: str
    core: list[str] = field(default_factory=list)
    scenario_true: dict[str, str] | None = None  # values of claim.shows in a model where C holds
    scenario_false: dict[str, str] | None = None  # ... and where it does not (a counterexample)


def plain_rule_id(label_or_id: str) -> str:
    """"rule:FLSA.MIN_WAGE@2026-03-02" -> "FLSA.MIN_WAGE"."""
    rule_id = label_or_id[len(RULE_PREFIX):] if label_or_id.startswith(RULE_PREFIX) else label_or_id
    return rule_id.split(SEPARATOR, 1)[0]



__all__ = [
    "ASSUMPTION_PREFIX",
    "CLAIM_PREFIX",
    "Claim",
    "IMPOSSIBLE",
    "INVALID",
    "NO_TRANSLATIONS",
    "Outcome",
    "PREMISE_PREFIX",
    "RULE_PREFIX",
    "SATISFIABLE",
    "SEPARATOR",
    "TOO_COMPLEX",
    "Tracked",
    "VALID",
    "plain_rule_id",
]
