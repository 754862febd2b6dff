"""The rule registry: one entry per rule, giving its plain evaluation and its z3 translation together.

Both engines iterate ``RULES`` (built in ``rules/__init__.py``): the plain computation calls
each rule's ``plain``, the verification calls the same rule's ``translate``. A rule cannot
exist in one engine and not the other: a ``Rule`` without both is refused when it is built,
and ``check_registry`` refuses duplicate codes or a code owned by two rules.

Levels say what a rule reads, and so which arguments both functions take:

| level      | plain(...)                          | translate(...)                                          |
|------------|-------------------------------------|---------------------------------------------------------|
| "week"     | (week, limits) -> issues            | (week_model) -> (claims, [reasons it has no translation]) |
| "employee" | (employee, extraction, limits)      | (employee, scope, extraction) -> claims                 |
| "separate" | (employee, extraction, limits)      | (employee, limits, new_scope) -> [(scope, claim) or finding] |
| "total"    | (check) -> issues                   | (check, namespace) -> claim or None                      |

"separate" rules need solvers of their own (facts that contradict the policy by design,
pay left open on purpose); "total" rules judge one stated figure (``rules.totals.TotalCheck``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from processing.model import Severity

Level = Literal["week", "employee", "separate", "total"]
LEVELS: tuple[Level, ...] = ("week", "employee", "separate", "total")


class RegistryError(TypeError):
    """A rule that one engine would know and the other not, or two rules claiming one code."""


@dataclass(frozen=True)
class Code:
    """An issue code a rule raises, with its severity and what it states."""

    code: str
    severity: Severity
    statement: str
    # False when the code's finding is not INVALID by design (an assumption made, facts that
    # contradict the policy, something the data cannot decide): the agreement check knows.
    violation: bool = True


@dataclass(frozen=True)
class Rule:
    rule_id: str
    level: Level
    codes: tuple[Code, ...]
    plain: Callable[..., Any]
    translate: Callable[..., Any]
    # For "total" rules: which stated figures the rule judges.
    judges: Callable[[Any], bool] | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise RegistryError(f"rule {self.rule_id}: unknown level {self.level!r} (one of {', '.join(LEVELS)})")
        for part in ("plain", "translate"):
            if not callable(getattr(self, part)):
                raise RegistryError(f"rule {self.rule_id} has no {part} engine: every rule needs both "
                                    "its plain evaluation and its z3 translation")
        if not self.codes:
            raise RegistryError(f"rule {self.rule_id} raises no issue code")
        if self.level == "total" and not callable(self.judges):
            raise RegistryError(f"total rule {self.rule_id} needs judges(check) to say which totals it reads")

    @property
    def statement(self) -> str:
        return self.codes[0].statement


@dataclass(frozen=True)
class CodeSpec:
    """One issue code as ``make_issue`` needs it: its rule id, severity and statement."""

    code: str
    rule_id: str
    severity: Severity
    statement: str
    violation: bool = True


def check_registry(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    rules = tuple(rules)
    seen_codes: dict[str, str] = {}
    seen_ids: set[str] = set()
    for rule in rules:
        if rule.rule_id in seen_ids:
            raise RegistryError(f"rule {rule.rule_id} is registered twice")
        seen_ids.add(rule.rule_id)
        for code in rule.codes:
            if code.code in seen_codes:
                raise RegistryError(f"code {code.code} belongs to {seen_codes[code.code]} and {rule.rule_id}")
            seen_codes[code.code] = rule.rule_id
    return rules


def code_specs(rules: Iterable[Rule], extra: Iterable[CodeSpec] = ()) -> dict[str, CodeSpec]:
    specs = {c.code: CodeSpec(c.code, r.rule_id, c.severity, c.statement, c.violation) for r in rules for c in r.codes}
    specs.update({spec.code: spec for spec in extra})
    return specs


def of_level(rules: Iterable[Rule], level: Level) -> tuple[Rule, ...]:
    return tuple(r for r in rules if r.level == level)


__all__ = ["Code", "CodeSpec", "LEVELS", "Level", "RegistryError", "Rule", "check_registry", "code_specs",
           "of_level"]
