"""DATA.AVERAGE: a stated average against the total of its entries divided by their days.

"average": hours per worked day (entries with ``worked=True``; undetermined when a worked
entry has no hours). "average_hours" / "average_pay": total / number of paid days.
"""

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


def _days_word(check: TotalCheck) -> str:
    return "worked days" if check.per_worked_day else "paid days"


def _undetermined(check: TotalCheck) -> str | None:
    if check.divisor == 0:
        return f"no {_days_word(check)} to average"
    if check.hours_missing:
        return (f"{check.hours_missing} worked day{'s' if check.hours_missing != 1 else ''} without hours: "
                "the average is not determined")
    return None


def plain(check: TotalCheck) -> list[Issue]:
    if _undetermined(check) is not None:
        return []
    computed = check.total / check.divisor
    if abs(computed - check.stated.value) <= check.tolerance:
        return []
    if check.per_worked_day:
        message = (f"{where(check)}stated average {amount_text(check, check.stated.value)} hours per worked day "
                   f"differs from the total {amount_text(check, check.total)} hours / {check.divisor} worked days = "
                   f"{amount_text(check, computed)}")
    else:
        message = (f"{where(check)}stated {check.measure.replace('_', ' ')} {amount_text(check, check.stated.value)} "
                   f"differs from the total {amount_text(check, check.total)} / {check.paid_days} paid days = "
                   f"{amount_text(check, computed)}")
    days = {"worked_days": check.divisor} if check.per_worked_day else {"paid_days": check.paid_days}
    return [make_issue("AVERAGE_MISMATCH", message, employee=check.employee, finding=check.finding,
                       stated=check.stated.value, computed=computed, **days)]


def translate(check: TotalCheck, scope: Namespace) -> Claim | str:
    reason = _undetermined(check)
    if reason is not None:
        return reason
    values = []
    for i, value in enumerate(check.values):
        var = scope.var(f"value[{i}]")
        what = "hours" if check.per_worked_day else check.measure.replace("average_", "")
        scope.premise(f"value@{i}", f"entry {i + 1}: {what} = {amount_text(check, value)}", eq(var, num(value)),
                      "values")
        values.append(var)
    stated, computed, tolerance = scope.var("stated"), scope.var("computed"), scope.var("tolerance")
    scope.premise("stated", f"stated {check.measure.replace('_', ' ')} = {amount_text(check, check.stated.value)}",
                  eq(stated, num(check.stated.value)), "stated")
    scope.rule("DEF.AVERAGE", f"average = total / {_days_word(check)} ({check.divisor})",
               eq(mul(computed, num(check.divisor)), add(values)))
    scope.rule(RULE_ID, f"a stated figure equals the computed one within {check.tolerance}",
               eq(tolerance, num(check.tolerance)))
    return Claim(finding_id=check.finding, rule_id=RULE_ID, code="AVERAGE_MISMATCH",
                 text=f"|computed - stated| <= {check.tolerance}", formula=within(computed, stated, tolerance),
                 shows={"computed": scope.name("computed"), "stated": scope.name("stated")},
                 tags=scope.tags(("values", "stated")), rules=scope.rules(("DEF.SUM", "DEF.AVERAGE")),
                 numbers={"stated": amount_text(check, check.stated.value), "entries": str(len(check.values))},
                 context=total_context(check), namespace=scope.part)


RULE = Rule(RULE_ID, "total", (
    Code("AVERAGE_MISMATCH", "error",
         "a stated average = total / number of days (\"average\": hours per worked day; \"average_hours\"/"
         "\"average_pay\": per paid day)"),
), plain, translate, judges)

__all__ = ["RULE"]
