"""Stated totals and averages in SMT-LIB: the sum (or average) of the entries against the stated figure."""

from __future__ import annotations

from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules.totals import TotalCheck
from processing.compliance.verification.smt import add, eq, mul, num, within
from processing.compliance.verification.solver import Claim, Namespace


def total_claim(check: TotalCheck, scope: Namespace) -> Claim | None:
    if check.is_average and check.paid_days == 0:
        return None
    amount = money_text if check.is_money else hours_text
    values = []
    for i, value in enumerate(check.values):
        var = scope.var(f"value[{i}]")
        scope.premise(f"value@{i}", f"entry {i + 1}: {check.measure.replace('average_', '')} = {amount(value)}",
                      eq(var, num(value)), "values")
        values.append(var)
    stated, computed, tolerance = scope.var("stated"), scope.var("computed"), scope.var("tolerance")
    scope.premise("stated", f"stated {check.measure.replace('_', ' ')} = {amount(check.stated.value)}",
                  eq(stated, num(check.stated.value)), "stated")
    if check.is_average:
        scope.rule("DEF.AVERAGE", f"average = total / paid days ({check.paid_days})",
                   eq(mul(computed, num(check.paid_days)), add(values)))
    else:
        scope.rule("DEF.SUM", "computed total = sum of the entries", eq(computed, add(values)))
    scope.rule(check.rule_id, f"a stated figure equals the computed one within {check.tolerance}",
               eq(tolerance, num(check.tolerance)))
    code = "AVERAGE_MISMATCH" if check.is_average else "TOTAL_MISMATCH"
    context = {"employee": check.employee, "sheet": check.stated.sheet, "measure": check.measure,
               "date_from": check.stated.date_from.isoformat() if check.stated.date_from else None,
               "date_to": check.stated.date_to.isoformat() if check.stated.date_to else None}
    return Claim(finding_id=check.finding, rule_id=check.rule_id, code=code,
                 text=f"|computed - stated| <= {check.tolerance}", formula=within(computed, stated, tolerance),
                 shows={"computed": scope.name("computed"), "stated": scope.name("stated")},
                 tags=scope.tags(("values", "stated")), rules=scope.rules(("DEF.SUM", "DEF.AVERAGE")),
                 numbers={"stated": amount(check.stated.value), "entries": str(len(check.values))}, context=context,
                 namespace=scope.part)


__all__ = ["total_claim"]
