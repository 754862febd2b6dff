"""DATA.STATED_TOTAL: a total the file states (employee or sheet) against the sum of its entries."""

from __future__ import annotations

from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import make_issue
from processing.compliance.rules.totals import TotalCheck, amount_text, total_context, where
from processing.compliance.verification.smt import add, eq, num, within
from processing.compliance.verification.solver import Claim, Namespace
from processing.model import Issue

RULE_ID = "DATA.STATED_TOTAL"


def judges(check: TotalCheck) -> bool:
    return not check.is_average


def plain(check: TotalCheck) -> list[Issue]:
    difference = check.total - check.stated.value
    if abs(difference) <= check.tolerance:
        return []
    message = (f"{where(check)}stated {check.measure} total {amount_text(check, check.stated.value)} differs from "
               f"the sum of its {len(check.values)} entries {amount_text(check, check.total)} "
               f"(difference {amount_text(check, abs(difference))})")
    return [make_issue("TOTAL_MISMATCH", message, employee=check.employee, finding=check.finding,
                       stated=check.stated.value, computed=check.total, difference=difference)]


def translate(check: TotalCheck, scope: Namespace) -> Claim | str:
    values = []
    for i, value in enumerate(check.values):
        var = scope.var(f"value[{i}]")
        scope.premise(f"value@{i}", f"entry {i + 1}: {check.measure} = {amount_text(check, value)}",
                      eq(var, num(value)), "values")
        values.append(var)
    stated, computed, tolerance = scope.var("stated"), scope.var("computed"), scope.var("tolerance")
    scope.premise("stated", f"stated {check.measure.replace('_', ' ')} = {amount_text(check, check.stated.value)}",
                  eq(stated, num(check.stated.value)), "stated")
    scope.rule("DEF.SUM", "computed total = sum of the entries", eq(computed, add(values)))
    scope.rule(RULE_ID, f"a stated figure equals the computed one within {check.tolerance}",
               eq(tolerance, num(check.tolerance)))
    return Claim(finding_id=check.finding, rule_id=RULE_ID, code="TOTAL_MISMATCH",
                 text=f"|computed - stated| <= {check.tolerance}", formula=within(computed, stated, tolerance),
                 shows={"computed": scope.name("computed"), "stated": scope.name("stated")},
                 tags=scope.tags(("values", "stated")), rules=scope.rules(("DEF.SUM", "DEF.AVERAGE")),
                 numbers={"stated": amount_text(check, check.stated.value), "entries": str(len(check.values))},
                 context=total_context(check), namespace=scope.part)


RULE = Rule(RULE_ID, "total", (
    Code("TOTAL_MISMATCH", "error", "a stated total equals the sum of its entries within the tolerance"),
), plain, translate, judges)

__all__ = ["RULE"]
