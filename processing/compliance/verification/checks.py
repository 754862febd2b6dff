"""The checks behind each outcome, on one solver that already holds a scope's rules and premises.

R∧P is solved once; its model already satisfies C or ¬C, so only the other side needs a
check. Claims that hold in it are proved together with one check of R∧P∧(¬C1 ∨ ... ∨ ¬Cn);
claims that fail in it are refuted one by one, so each INVALID finding has its own core.
"""

from __future__ import annotations

import z3

from processing.compliance.verification.claims import (
    ASSUMPTION_PREFIX,
    CLAIM_PREFIX,
    IMPOSSIBLE,
    INVALID,
    PREMISE_PREFIX,
    RULE_PREFIX,
    SATISFIABLE,
    SEPARATOR,
    TOO_COMPLEX,
    VALID,
    Claim,
    Outcome,
    plain_rule_id,
)
from processing.compliance.verification.values import model_values

_SORTS = {"Real": z3.RealSort, "Int": z3.IntSort, "Bool": z3.BoolSort}


class ClaimChecks:
    """One scope's checks: base, then each claim's other side."""

    def __init__(self, solver: z3.Solver, claims: list[Claim], names: dict[int, str],
                 assumed: dict[str, z3.BoolRef], sorts: dict[str, str]):
        self.solver, self.claims, self.names, self.assumed, self.sorts = solver, claims, names, assumed, sorts
        self.ctx = solver.ctx
        self.claim_vars = []
        for index, claim in enumerate(claims):
            var = z3.Bool(f"claim!{index}", self.ctx)
            self.claim_vars.append(var)
            self.names[var.get_id()] = CLAIM_PREFIX + claim.finding_id
        self._consts: dict[str, z3.ExprRef] = {}
        self._seen: dict[tuple[int, str], str] = {}
        self._models: list[z3.ModelRef] = []  # kept alive so id(model) stays unique while cached

    def all(self) -> list[Outcome]:
        answer = self.solver.check()
        if answer == z3.unsat:
            core = self.core()
            return [Outcome(c, IMPOSSIBLE, core) for c in self.claims]
        if answer != z3.sat:
            return [Outcome(c, TOO_COMPLEX) for c in self.claims]
        model = self.solver.model()
        results: dict[int, Outcome] = {}
        holding: list[int] = []
        for index, claim in enumerate(self.claims):
            if claim.assumptions:
                results[index] = self.with_assumptions(index)
            elif self.holds(model, index):
                holding.append(index)
            else:
                results[index] = self.refute(model, index)
        results.update(self.prove_together(model, holding))
        return [results[i] for i in range(len(self.claims))]

    def core(self) -> list[str]:
        names = []
        for label in self.solver.unsat_core():
            name = self.names.get(label.get_id())
            names.append(name if name is not None else str(label))  # str() is slow: only as a fallback
        return sorted(names)

    def holds(self, model: z3.ModelRef, index: int) -> bool:
        return z3.is_true(model.eval(self.claim_vars[index], model_completion=True))

    def values(self, model: z3.ModelRef, claim: Claim) -> dict[str, str]:
        """The claim's variables in a model; many claims share a model, so each value is read once."""
        if not any(kept is model for kept in self._models):
            self._models.append(model)  # alive for the whole run, so its id is never reused
        shown = {}
        for display, name in claim.shows.items():
            key = (id(model), name)
            if key not in self._seen:
                if name not in self._consts:
                    self._consts[name] = z3.Const(name, _SORTS[self.sorts.get(name, "Real")](self.ctx))
                self._seen[key] = model_values(model, {name: self._consts[name]})[name]
            shown[display] = self._seen[key]
        return shown

    def refute(self, model: z3.ModelRef, index: int) -> Outcome:
        """C is false in the model: INVALID if R∧P∧C is unsat, else SATISFIABLE."""
        claim = self.claims[index]
        answer = self.solver.check(self.claim_vars[index])
        seen = self.values(model, claim)
        if answer == z3.unsat:
            return Outcome(claim, INVALID, _refuting_core(self.core(), claim), scenario_false=seen)
        if answer == z3.sat:
            return Outcome(claim, SATISFIABLE, scenario_true=self.values(self.solver.model(), claim),
                           scenario_false=seen)
        return Outcome(claim, TOO_COMPLEX)

    def prove_together(self, model: z3.ModelRef, holding: list[int]) -> dict[int, Outcome]:
        """Claims true in the model: one check of R∧P∧(¬C1 ∨ ... ∨ ¬Cn).

        Unsat proves every Ci VALID at once. A model of it falsifies some Ci: those are
        SATISFIABLE (true in the first model, false in this one); the rest are checked again.
        """
        results: dict[int, Outcome] = {}
        pending = list(holding)
        while pending:
            some_false = z3.Bool(CLAIM_PREFIX + "some-claim-false", self.ctx)
            self.names[some_false.get_id()] = CLAIM_PREFIX + "some-claim-false"
            self.solver.push()
            try:
                self.solver.assert_and_track(z3.Or([z3.Not(self.claim_vars[i]) for i in pending]), some_false)
                answer = self.solver.check()
                if answer == z3.unsat:
                    core = self.core()
                    for index in pending:
                        claim = self.claims[index]
                        results[index] = Outcome(claim, VALID, _claim_core(core, claim),
                                                 scenario_true=self.values(model, claim))
                    return results
                if answer != z3.sat:
                    results.update({i: Outcome(self.claims[i], TOO_COMPLEX) for i in pending})
                    return results
                other = self.solver.model()
                still = []
                for index in pending:
                    if self.holds(other, index):
                        still.append(index)
                    else:
                        claim = self.claims[index]
                        results[index] = Outcome(claim, SATISFIABLE, scenario_true=self.values(model, claim),
                                                 scenario_false=self.values(other, claim))
                pending = still
            finally:
                self.solver.pop()
        return results

    def with_assumptions(self, index: int) -> Outcome:
        claim = self.claims[index]
        self.solver.push()
        try:
            for item in claim.assumptions:
                marker = z3.Bool(item.label, self.ctx)
                self.names[marker.get_id()] = item.label
                self.solver.assert_and_track(self.assumed[item.label], marker)
            answer = self.solver.check()
            if answer == z3.unsat:
                return Outcome(claim, IMPOSSIBLE, self.core())
            if answer != z3.sat:
                return Outcome(claim, TOO_COMPLEX)
            model = self.solver.model()
            if not self.holds(model, index):
                return self.refute(model, index)
            return self.prove_together(model, [index])[index]
        finally:
            self.solver.pop()


def _in_namespace(label: str, claim: Claim) -> bool:
    _, _, part = label.partition(SEPARATOR)
    return not part or claim.namespace is None or part == claim.namespace


def _claim_core(core: list[str], claim: Claim) -> list[str]:
    """The part of a shared core that concerns this claim: its rules, premise groups and assumptions."""
    kept = []
    for label in core:
        if label.startswith(RULE_PREFIX):
            rule_id = label[len(RULE_PREFIX):]
            if _in_namespace(label, claim) and (plain_rule_id(rule_id) == claim.rule_id or rule_id in claim.rules):
                kept.append(label)
        elif label.startswith(PREMISE_PREFIX):
            if not claim.tags or label[len(PREMISE_PREFIX):] in claim.tags:
                kept.append(label)
        elif label.startswith(ASSUMPTION_PREFIX):
            kept.append(label)
    return kept + [CLAIM_PREFIX + claim.finding_id]


def _refuting_core(core: list[str], claim: Claim) -> list[str]:
    """An INVALID claim's core, without labels of other parts of a shared scope."""
    return [label for label in core if label.startswith(CLAIM_PREFIX) or _in_namespace(label, claim)]



__all__ = ["ClaimChecks"]
