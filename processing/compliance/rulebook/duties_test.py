"""EXEMPT.DUTIES_TEST: an exempt classification always goes to a person.

The duties test cannot be read from a timecard (compliance.md), so every exempt
classification is a warning, which routes the file to review; an info would let a
misclassification be approved unseen. Its proof is a free Boolean: SATISFIABLE.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import EmployeeFacts
from processing.compliance.formatting import money_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim
from processing.compliance.verification.smt import implies
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Extraction, Issue

RULE_ID = "EXEMPT.DUTIES_TEST"


def annual_pay(employee: EmployeeFacts) -> Decimal | None:
    timecard = employee.timecard
    if timecard.annual_salary is not None:
        return timecard.annual_salary
    return timecard.weekly_salary * 52 if timecard.weekly_salary is not None else None


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    if employee.timecard.exempt is not True:
        return []
    annual = annual_pay(employee)
    highly_compensated = annual is not None and annual >= limits.highly_compensated_annual
    note = (f" (highly compensated: {money_text(annual)} a year, at least {money_text(limits.highly_compensated_annual)};"
            " one exempt duty is enough)") if highly_compensated else ""
    return [make_issue(
        "EXEMPT_DUTIES_TEST",
        f"classified exempt: the duties test cannot be read from a timecard, a person must confirm it{note}",
        employee=employee.employee, finding=finding_id(RULE_ID, employee.employee),
        highly_compensated=highly_compensated)]


def translate(employee: EmployeeFacts, scope: Scope, extraction: Extraction) -> list[Claim]:
    if employee.timecard.exempt is not True:
        return []
    exempt, duties = scope.var("classified_exempt", "Bool"), scope.var("meets_duties_test", "Bool")
    scope.premise("classified_exempt", "the file marks the employee exempt", exempt, "exempt")
    return [employee_claim(employee, RULE_ID, "EXEMPT_DUTIES_TEST", "classified exempt -> meets the duties test",
                           implies(exempt, duties), shows={"meets_duties_test": "meets_duties_test"},
                           tags=("exempt",))]


RULE = Rule(RULE_ID, "employee", (
    Code("EXEMPT_DUTIES_TEST", "warning", "an exempt classification meets the duties test (not readable from a timecard)",
         violation=False),
), plain, translate)

__all__ = ["RULE"]
