"""The rule registry: one list both engines iterate, so a rule cannot exist in one and not the other.

Every code of every registered rule has a witness file below. On it the plain computation
must raise the code and the proof must reach the outcome the code stands for, under the
same finding id. A new rule without a witness, or with only one engine, fails here.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import processing.compliance
from processing.compliance import compute_issues, evaluate, tables
from processing.compliance import plain as plain_engine
from processing.compliance.agreement import not_invalid_codes
from processing.compliance.registry import Code, RegistryError, Rule, check_registry
from processing.compliance.rulebook import RULES
from processing.compliance.rules.catalogue import specs
from processing.compliance.verification import run as proof_engine
from processing.model import Entry, StatedTotal
from tests.processing.compliance.factories import (
    MONDAY,
    d,
    day_rate_week,
    extraction,
    hourly_week,
    settings,
    timecard,
)


def _total(measure: str, value, **fields) -> StatedTotal:
    return StatedTotal(measure=measure, value=d(value), scope="employee", **fields)


WITNESSES = {
    "MIN_WAGE": lambda: extraction(timecard(hourly_week([8] * 5, 5))),
    "HOURS_ASSUMED": lambda: extraction(timecard(day_rate_week(5, 200))),
    "OVERTIME": lambda: extraction(timecard(hourly_week([9] * 5, 20))),
    "EXCESSIVE_HOURS": lambda: extraction(timecard(hourly_week([13] * 5, 20))),
    "MORE_THAN_6_DAYS": lambda: extraction(timecard(hourly_week([5] * 7, 20))),
    "SEVENTH_DAY": lambda: extraction(timecard(hourly_week([6] * 7, 25), work_state="CA")),
    "HIGH_DAILY_RATE": lambda: extraction(timecard(hourly_week([8], 300))),
    "DAILY_OVERTIME": lambda: extraction(timecard(hourly_week([10], 25), work_state="CA")),
    "DOUBLE_TIME": lambda: extraction(timecard(hourly_week([13], 25), work_state="CA")),
    "DAILY_PREMIUM_UNPAID": lambda: extraction(timecard(hourly_week([10], 25, with_rate=True), work_state="CA")),
    "MIN_WAGE_RATE_UNKNOWN": lambda: extraction(timecard(hourly_week([8], 20, start=dt.date(2015, 3, 2)),
                                                         work_state="CA")),
    "OVERTIME_UNPAID": lambda: extraction(timecard(hourly_week([10] * 5, 20, with_rate=True))),
    "EXEMPT_SALARY_BELOW_FLOOR": lambda: extraction(
        timecard(hourly_week([8] * 5, 10), exempt=True, weekly_salary=d(400))),
    "EXEMPT_DUTIES_TEST": lambda: extraction(timecard(hourly_week([8] * 5, 50), exempt=True, weekly_salary=d(2000))),
    "HOURS_BREAKDOWN_MISMATCH": lambda: extraction(timecard([
        Entry(date=MONDAY, hours=d(8), pay=d(200), straight_hours=d(6), overtime_hours=d(1))])),
    "WAGE_SUBTOTAL_MISMATCH": lambda: extraction(timecard([
        Entry(date=MONDAY, hours=d(10), pay=d(220), straight_hours=d(8), overtime_hours=d(2),
              hourly_rate=d(20), wage_subtotal=d(100))])),
    "DATE_OUTSIDE_PERIOD": lambda: extraction(timecard(hourly_week([8, 8], 20)),
                                              period_start=MONDAY, period_end=MONDAY),
    "DUPLICATE_ENTRY": lambda: extraction(timecard(hourly_week([4], 20) + hourly_week([4], 20))),
    "NEGATIVE_VALUE": lambda: extraction(timecard([Entry(date=MONDAY, hours=d(-2), pay=d(40))])),
    "MISSING_VALUE": lambda: extraction(timecard([Entry(date=MONDAY, hours=d(8))])),
    "TOTAL_MISMATCH": lambda: extraction(timecard(hourly_week([8, 8], 20), stated_totals=[_total("pay", 330)])),
    "AVERAGE_MISMATCH": lambda: extraction(timecard(hourly_week([8, 8], 20), stated_totals=[_total("average", 9)])),
}
# What the proof says about an issue that is not a plain violation (agreement.not_invalid_codes).
NOT_INVALID_OUTCOMES = {
    "HOURS_ASSUMED": {"SATISFIABLE", "VALID"},
    "NEGATIVE_VALUE": {"IMPOSSIBLE"},
    "MISSING_VALUE": {"SATISFIABLE", "NO_TRANSLATIONS"},
    "EXEMPT_DUTIES_TEST": {"SATISFIABLE"},
    "MIN_WAGE_RATE_UNKNOWN": {"NO_TRANSLATIONS"},
}
RULE_CODES = sorted(code.code for rule in RULES for code in rule.codes)


def test_every_registered_code_has_a_witness_and_every_witness_a_rule():
    assert sorted(WITNESSES) == RULE_CODES


def test_every_code_that_is_not_a_violation_says_what_its_proof_shows():
    assert set(NOT_INVALID_OUTCOMES) == not_invalid_codes()


def test_both_engines_iterate_the_one_registry():
    plain_rules = {r.rule_id for r in (*plain_engine.WEEK_RULES, *plain_engine.EMPLOYEE_RULES,
                                       *plain_engine.TOTAL_RULES)}
    proof_rules = {r.rule_id for r in (*proof_engine.WEEK_RULES, *proof_engine.EMPLOYEE_RULES,
                                       *proof_engine.SEPARATE_RULES, *proof_engine.TOTAL_RULES)}
    assert plain_rules == proof_rules == {r.rule_id for r in RULES}


@pytest.mark.parametrize("code", RULE_CODES)
def test_plain_and_proof_agree_on_each_rules_witness(code):
    file = WITNESSES[code]()
    assert code in [i.code for i in compute_issues(file, settings())], "the plain engine misses the rule"
    report = evaluate(file, settings())
    [issue, *_] = [i for i in report.issues if i.code == code]
    assert issue.rule_id == specs()[code].rule_id
    outcomes = {f["outcome"] for f in report.findings if f["finding_id"] == issue.details["finding_id"]}
    expected = NOT_INVALID_OUTCOMES[code] if code in not_invalid_codes() else {"INVALID"}
    assert outcomes & expected, f"the proof of {issue.details['finding_id']} says {outcomes}"
    assert "VERIFICATION_DISAGREEMENT" not in [i.code for i in report.issues]


def test_a_rule_missing_from_the_proof_engine_is_caught(monkeypatch):
    """What the witness test guards against: drop one rule's translation and the engines disagree."""
    without = tuple(r for r in proof_engine.WEEK_RULES if r.rule_id != "FLSA.OVERTIME_HOURS")
    monkeypatch.setattr(proof_engine, "WEEK_RULES", without)
    report = evaluate(WITNESSES["OVERTIME"](), settings())
    assert "VERIFICATION_DISAGREEMENT" in [i.code for i in report.issues]


def test_a_rule_without_both_engines_cannot_be_registered():
    code = (Code("X", "error", "x"),)
    with pytest.raises(RegistryError, match="no translate engine"):
        Rule("TEST.ONLY_PLAIN", "week", code, plain=lambda week, limits: [], translate=None)
    with pytest.raises(RegistryError, match="no plain engine"):
        Rule("TEST.ONLY_PROOF", "week", code, plain=None, translate=lambda m: ([], []))
    rule = Rule("TEST.A", "week", code, plain=lambda w, t: [], translate=lambda m: ([], []))
    other = Rule("TEST.B", "week", code, plain=lambda w, t: [], translate=lambda m: ([], []))
    with pytest.raises(RegistryError, match="code X belongs to TEST.A and TEST.B"):
        check_registry([rule, other])


def _code_strings(source: str) -> list[str]:
    """String literals of a module, docstrings left out (they may give examples)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_state_is_named_in_the_compliance_code():
    """State law is data (rate_tables/*.csv): no string in the code names a state or a city of one."""
    states = {key.split("-")[0] for key in tables.minimum_wages().names() | tables.daily_overtime_rules().names()}
    states.discard("US")
    names = ("california", "alaska", "nevada", "colorado", "new york", "washington", "florida", "illinois", "texas")
    root = Path(processing.compliance.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        for text in _code_strings(path.read_text(encoding="utf-8")):
            words = re.findall(r"\b[A-Z]{2}(?=[-.]|$)", text)
            if any(w in states for w in words) or any(n in text.lower() for n in names):
                offenders.append((path.name, text))
    assert offenders == []
