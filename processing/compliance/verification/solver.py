"""Checking claims against rules and premises with z3, the way compliance.md defines it.

A scope (one employee, with a namespace per workweek and per stated total) holds rules and
premises, each asserted with ``assert_and_track`` under its own label so that an unsat core
names rule ids and premises. Per claim C:

* rules ∧ premises unsat             -> IMPOSSIBLE (the core)
* R∧P∧C sat and R∧P∧¬C unsat         -> VALID (a scenario; the supporting core)
* R∧P∧C unsat and R∧P∧¬C sat         -> INVALID (the contradicting core; a counterexample)
* both sat                           -> SATISFIABLE (a scenario for each side)
* unknown or timeout                 -> TOO_COMPLEX

How the checks are run is in checks.py; what a claim and an outcome are, in claims.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import z3

from processing.compliance.verification.checks import ClaimChecks
from processing.compliance.verification.claims import (
    ASSUMPTION_PREFIX,
    CLAIM_PREFIX,
    IMPOSSIBLE,
    INVALID,
    NO_TRANSLATIONS,
    PREMISE_PREFIX,
    RULE_PREFIX,
    SATISFIABLE,
    SEPARATOR,
    TOO_COMPLEX,
    VALID,
    Claim,
    Outcome,
    Tracked,
    plain_rule_id,
)


@dataclass(frozen=True)
class ProofOptions:
    """How proofs are run. The defaults are the fast, reproducible path; ``BASELINE`` is the
    path before issue 12 (z3's one global context, default solver parameters), kept so the
    bench and the comparison test measure against it in the same run."""

    own_context: bool = True  # a z3 context per file: findings depend on the file alone
    core_solver: bool = True  # unsat_core=True: z3 runs its incremental core solver directly (~10-15 % less CPU)


BASELINE = ProofOptions(own_context=False, core_solver=False)


def new_solver(timeout_ms: int, ctx: z3.Context | None = None, options: ProofOptions = ProofOptions()) -> z3.Solver:
    """One place builds solvers, so a test can swap in one that always answers unknown."""
    solver = z3.Solver(ctx=ctx)
    if options.core_solver:
        # Every check here passes assumptions and reads unsat cores: saying so up front spares z3
        # its non-incremental first attempt. Same outcomes, cores and models (tests/.../test_proof_paths.py).
        solver.set("unsat_core", True)
    solver.set("timeout", int(timeout_ms))
    return solver


class Scope:
    """Rules and premises about one subject, and the claims checked against them.

    Every rule and every premise group ("premise:hours", "premise:pay") is asserted with
    ``assert_and_track`` under its own label, so an unsat core is a set of labels. The
    formulas are written as SMT-LIB text (see smt.py) and parsed once per scope.
    """

    def __init__(self, timeout_ms: int, solver_factory: Callable[[int], z3.Solver] | None = None,
                 ctx: z3.Context | None = None, options: ProofOptions = ProofOptions()):
        self.timeout_ms = timeout_ms
        self.options = options
        self._factory = solver_factory
        # The file's own z3 context (see run.py); an injected solver factory builds in z3's main one.
        self.ctx = None if solver_factory is not None else ctx
        self._sorts: dict[str, str] = {}
        self.rules: list[Tracked] = []
        self.premises: list[Tracked] = []

    def var(self, name: str, sort: str = "Real") -> str:
        """Declare a variable (once) and return its SMT-LIB symbol."""
        self._sorts.setdefault(name, sort)
        return f"|{name}|"

    def rule(self, rule_id: str, text: str, formula: str) -> None:
        label = RULE_PREFIX + rule_id
        for position, known in enumerate(self.rules):
            if known.label == label:  # one label per rule id: a second part joins the first
                self.rules[position] = Tracked(label, f"{known.text}; {text}", f"(and {known.formula} {formula})")
                return
        self.rules.append(Tracked(label, text, formula))

    def premise(self, name: str, text: str, formula: str, *tags: str) -> None:
        self.premises.append(Tracked(PREMISE_PREFIX + name, text, formula, frozenset(tags or ("facts",))))

    def _premise_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for item in self.premises:
            groups.setdefault(PREMISE_PREFIX + min(item.tags), []).append(item.formula)
        return groups

    def _text(self, formulas: list[str]) -> str:
        lines = [f"(declare-const |{name}| {sort})" for name, sort in self._sorts.items()]
        lines += [f"(assert {formula})" for formula in formulas]
        return "\n".join(lines)

    def verify(self, claims: list[Claim]) -> list[Outcome]:
        if not claims:
            return []
        tracked = [(r.label, r.formula) for r in self.rules]
        tracked += [(label, f"(and {' '.join(formulas)})" if len(formulas) > 1 else formulas[0])
                    for label, formulas in self._premise_groups().items()]
        assumptions = [a for c in claims for a in c.assumptions]
        # Each claim is named by a fresh Boolean defined as the claim: a definition, not a constraint.
        definitions = [f"(= |claim!{index}| {claim.formula})" for index, claim in enumerate(claims)]
        for index in range(len(claims)):
            self.var(f"claim!{index}", "Bool")
        # One parse for the whole scope; z3's Python term builders cost more than the solving.
        parsed = z3.parse_smt2_string(self._text([f for _, f in tracked] + [a.formula for a in assumptions]),
                                      ctx=self.ctx)
        solver = self._factory(self.timeout_ms) if self._factory else new_solver(self.timeout_ms, self.ctx, self.options)
        names: dict[int, str] = {}
        for position, (label, _) in enumerate(tracked):
            marker = z3.Bool(label, solver.ctx)
            names[marker.get_id()] = label
            solver.assert_and_track(parsed[position], marker)
        solver.from_string(self._text(definitions))  # untracked definitions: straight into the solver
        assumed = {a.label: parsed[len(tracked) + i] for i, a in enumerate(assumptions)}
        return ClaimChecks(solver, claims, names, assumed, self._sorts).all()


class Namespace:
    """A part of a scope (one workweek, one stated total) whose names cannot clash with the others'.

    Variables, rule labels and premise groups get an ``@part`` suffix; findings show rule
    ids without it.
    """

    def __init__(self, scope: Scope, part: str):
        self.scope, self.part = scope, part

    def name(self, name: str) -> str:
        return f"{name}{SEPARATOR}{self.part}"

    def var(self, name: str, sort: str = "Real") -> str:
        return self.scope.var(self.name(name), sort)

    def rule(self, rule_id: str, text: str, formula: str) -> None:
        self.scope.rule(self.name(rule_id), text, formula)

    def premise(self, name: str, text: str, formula: str, *tags: str) -> None:
        self.scope.premise(self.name(name), text, formula, *(self.name(t) for t in (tags or ("facts",))))

    def tags(self, tags: tuple[str, ...]) -> frozenset[str]:
        return frozenset(self.name(t) for t in tags)

    def rules(self, rule_ids: tuple[str, ...]) -> frozenset[str]:
        return frozenset(self.name(r) for r in rule_ids)



__all__ = [
    "ASSUMPTION_PREFIX",
    "BASELINE",
    "ProofOptions",
    "CLAIM_PREFIX",
    "Claim",
    "IMPOSSIBLE",
    "INVALID",
    "NO_TRANSLATIONS",
    "Namespace",
    "Outcome",
    "PREMISE_PREFIX",
    "RULE_PREFIX",
    "SATISFIABLE",
    "SEPARATOR",
    "Scope",
    "TOO_COMPLEX",
    "Tracked",
    "VALID",
    "new_solver",
    "plain_rule_id",
]
