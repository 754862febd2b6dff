"""The outcome table of compliance.md, on the solver directly and through evaluate()."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import z3

from processing.compliance import evaluate
from processing.compliance.verification.smt import num
from processing.compliance.verification.solver import Claim, Scope
from processing.compliance.verification.values import fraction_text
from tests.processing.compliance.factories import day_rate_week, extraction, hourly_week, settings, timecard


def _scope_with_hours(value: str) -> tuple[Scope, str]:
    scope = Scope(timeout_ms=2000)
    hours = scope.var("hours")
    scope.rule("DATA.HOURS_RANGE", "0 <= hours <= 168", f"(and (>= {hours} 0.0) (<= {hours} 168.0))")
    if value != "open":
        scope.premise("hours", f"hours = {value}", f"(= {hours} {num(Decimal(value))})", "hours")
    return scope, hours


def _claim(formula: str, name: str = "C") -> Claim:
    return Claim(finding_id=name, rule_id="TEST.RULE", code="TEST", text=name, formula=formula,
                 shows={"hours": "hours"}, tags=frozenset({"hours"}))


def _outcome(scope: Scope, formula: str) -> str:
    [result] = scope.verify([_claim(formula)])
    return result.outcome


def test_valid_invalid_satisfiable_and_impossible():
    scope, hours = _scope_with_hours("30")
    assert _outcome(scope, f"(<= {hours} 40.0)") == "VALID"
    scope, hours = _scope_with_hours("50")
    assert _outcome(scope, f"(<= {hours} 40.0)") == "INVALID"
    scope, hours = _scope_with_hours("open")
    assert _outcome(scope, f"(<= {hours} 10.0)") == "SATISFIABLE"
    scope, hours = _scope_with_hours("-3")  # the premise contradicts the range rule
    [result] = scope.verify([_claim(f"(<= {hours} 40.0)")])
    assert result.outcome == "IMPOSSIBLE"
    assert result.core == ["premise:hours", "rule:DATA.HOURS_RANGE"]


def test_invalid_carries_a_counterexample_and_satisfiable_two_scenarios():
    scope, hours = _scope_with_hours("50")
    [invalid] = scope.verify([_claim(f"(<= {hours} 40.0)")])
    assert invalid.scenario_false == {"hours": "50"}
    scope, hours = _scope_with_hours("open")
    [open_] = scope.verify([_claim(f"(<= {hours} 10.0)")])
    assert float(open_.scenario_true["hours"]) <= 10 < float(open_.scenario_false["hours"])


def test_several_claims_in_one_scope_each_get_their_own_outcome():
    scope, hours = _scope_with_hours("open")
    results = scope.verify([_claim(f"(<= {hours} 30.0)", "a"), _claim(f"(<= {hours} 168.0)", "b"),
                            _claim(f"(>= {hours} 0.0)", "c"), _claim(f"(> {hours} 168.0)", "d")])
    assert [r.outcome for r in results] == ["SATISFIABLE", "VALID", "VALID", "INVALID"]
    assert "rule:DATA.HOURS_RANGE" in results[3].core  # refuted by the range rule
    assert "claim:d" in results[3].core


def test_unsat_core_of_an_invalid_claim_names_the_rule():
    scope, hours = _scope_with_hours("50")
    limit = scope.var("limit")
    scope.rule("FLSA.OVERTIME_HOURS", "limit = 40", f"(= {limit} 40.0)")
    [result] = scope.verify([_claim(f"(<= {hours} {limit})")])
    assert result.outcome == "INVALID"
    assert "rule:FLSA.OVERTIME_HOURS" in result.core and "premise:hours" in result.core


class _UnknownSolver(z3.Solver):
    """A solver that gives up, like a real one at its timeout."""

    def check(self, *assumptions):
        return z3.unknown


def test_timeout_or_unknown_is_too_complex():
    report = evaluate(extraction(timecard(hourly_week([10, 10, 10, 10, 10], 20))), settings(),
                      solver_factory=lambda timeout_ms: _UnknownSolver())
    outcomes = {f["outcome"] for f in report.findings if f["outcome"] != "NO_TRANSLATIONS"}
    assert outcomes == {"TOO_COMPLEX"}
    # the plain rules still decide the issues; a timeout is not a disagreement
    assert [i.code for i in report.issues] == ["OVERTIME"]


def test_the_timeout_setting_reaches_the_solver():
    seen = []

    def factory(timeout_ms):
        seen.append(timeout_ms)
        solver = z3.Solver()
        solver.set("timeout", timeout_ms)
        return solver

    evaluate(extraction(timecard(hourly_week([8], 20))), settings(verification_timeout_ms=75),
             solver_factory=factory)
    assert seen and set(seen) == {75}


def test_no_usable_numbers_is_no_translations():
    from processing.model import Entry
    from tests.processing.compliance.factories import day
    report = evaluate(extraction(timecard([Entry(date=day(0), worked=False)])), settings())
    assert [f["outcome"] for f in report.findings if f["rule_id"] == "ALL"] == ["NO_TRANSLATIONS"]


def test_every_issue_has_its_finding_and_every_invalid_finding_its_issue():
    sheets = [
        timecard(hourly_week([10, 10, 10, 10, 10], "6.00", with_rate=True), work_state="CA"),
        timecard(day_rate_week(7, 2500), name="Bob Day"),
    ]
    report = evaluate(extraction(*sheets), settings())
    by_id = {f["finding_id"]: f for f in report.findings}
    for issue in report.issues:
        assert issue.details["finding_id"] in by_id, issue.code
    flagged = {i.details["finding_id"] for i in report.issues}
    assert {fid for fid, f in by_id.items() if f["outcome"] == "INVALID"} <= flagged
    assert not [i for i in report.issues if i.code == "VERIFICATION_DISAGREEMENT"]


def test_model_values_are_exact_decimals_or_fractions():
    assert fraction_text(Fraction(29, 4)) == "7.25"
    assert fraction_text(Fraction(40)) == "40"
    assert fraction_text(Fraction(1, 3)) == "1/3"
