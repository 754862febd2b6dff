"""DATA.AVERAGE: a stated average against the total of its entries divided by their days."""

from __future__ import annotations

from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import make_issue
from processing.compliance.rules.totals import TotalCheck, amount_text, total_context, where
from processing.compliance.verification.smt import add, eq, mul, num, within
from processing.compliance.verification.solver import Claim, Namespace
from processing.model import Issue

RULE_ID = "DATA.AVERAGE"


def judges(check: TotalCheck) -> bool:
    return check.is_average


def plain(check: TotalCheck) -> list[Issue]:
    if check.paid_days == 0:
        return []
    computed = check.total / check.paid_days
    if abs(computed - check.stated.value) <= check.tolerance:
        return []
    message = (f"{where(check)}stated {check.measure.replace('_', ' ')} {amount_text(check, check.stated.value)} "
               f"differs from the total {amount_text(check, check.total)} / {check.paid_days} paid days = "
               f"{amount_text(check, computed)}")
    return [make_issue("AVERAGE_MISMATCH", message, employee=check.employee, finding=check.finding,
                       stated=check.stated.value, computed=computed, paid_days=check.paid_days)]


def translate(check: TotalCheck, scope: Namespace) -> Claim | str:
    if check.paid_days == 0:
        return "no paid days to average"
    values = []
    for i, value in enumerate(check.values):
        var = scope.var(f"value[{i}]")
        scope.premise(f"value@{i}", f"entry {i + 1}: {check.measure.replace('average_', '')} = "
                      f"{amount_text(check, value)}", eq(var, num(value)), "values")
        values.append(var)
    stated, computed, tolerance = scope.var("stated"), scope.var("computed"), scope.var("tolerance")
    scope.premise("stated", f"stated {check.measure.replace('_', ' ')} = {amount_text(check, check.stated.value)}",
                  eq(stated, num(check.stated.value)), "stated")
    scope.rule("DEF.AVERAGE", f"average = total / paid days ({check.paid_days})",
               eq(mul(computed, num(check.paid_days)), add(values)))
    scope.rule(RULE_ID, f"a stated figure equals the computed one within {check.tolerance}",
               eq(tolerance, num(check.tolerance)))
    return Claim(finding_id=check.finding, rule_id=RULE_ID, code="AVERAGE_MISMATCH",
                 text=f"|computed - stated| <= {check.tolerance}", formula=within(computed, stated, tolerance),
                 shows={"computed": scope.name("computed"), "stated": scope.name("stated")},
                 tags=scope.tags(("values", "stated")), rules=scope.rules(("DEF.SUM", "DEF.AVERAGE")),
                 numbers={"stated": amount_text(check, check.stated.value), "entries": str(len(check.values))},
                 context=total_context(check), namespace=scope.part)


RULE = Rule(RULE_ID, "total", (
    Code("AVERAGE_MISMATCH", "error", "a stated average = total / number of paid days"),
), plain, translate, judges)

__all__ = ["RULE"]
