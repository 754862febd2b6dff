"""DATA.STATED_TOTAL: a total the file states (hours, pay or worked days) against its entries.

Which entries, and what a measure compares, is in ``rules/totals.py``. A pay total matches
when it equals, within ``total_tolerance``, the sum of its entries or the sum of their
amounts rounded to the cent each (what a payroll system adds up when the entries' pay is
hours x rate with fractions of a cent). A total that includes non-wage money is compared
with wages + that money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import make_issue
from processing.compliance.rules.totals import CENT, TotalCheck, amount_text, total_context, where
from processing.compliance.verification.smt import add, eq, ge, num, or_, within
from processing.compliance.verification.solver import Claim, Namespace
from processing.model import Issue

RULE_ID = "DATA.STATED_TOTAL"


def judges(check: TotalCheck) -> bool:
    return not check.is_average


def _matches(check: TotalCheck) -> bool:
    stated, tolerance = check.stated.value, check.tolerance
    if check.nonwage_unknown:
        return stated + tolerance >= check.total  # the non-wage part is only known to be >= 0
    extra = check.nonwage or Decimal(0)
    sums = [check.total + extra] + ([check.rounded_total + extra] if check.compares_rounded else [])
    return any(abs(s - stated) <= tolerance for s in sums)


def _message(check: TotalCheck) -> str:
    stated = amount_text(check, check.stated.value)
    if check.measure == "days":
        count = check.total
        return (f"{where(check)}stated worked days {stated} differs from the {amount_text(check, count)} worked "
                f"day{'s' if count != 1 else ''} in its entries "
                f"(difference {amount_text(check, abs(count - check.stated.value))})")
    entries = f"the sum of its {len(check.values)} entries {amount_text(check, check.total)}"
    if check.nonwage_unknown:
        return (f"{where(check)}stated {check.measure} total {stated}, said to include non-wage money, is below "
                f"{entries}")
    if check.nonwage is not None:
        computed = check.total + check.nonwage
        return (f"{where(check)}stated {check.measure} total {stated} differs from {entries} + non-wage "
                f"{amount_text(check, check.nonwage)} = {amount_text(check, computed)} "
                f"(difference {amount_text(check, abs(computed - check.stated.value))})")
    return (f"{where(check)}stated {check.measure} total {stated} differs from {entries} "
            f"(difference {amount_text(check, abs(check.total - check.stated.value))})")


def plain(check: TotalCheck) -> list[Issue]:
    if _matches(check):
        return []
    computed = check.total + (check.nonwage or Decimal(0))
    return [make_issue("TOTAL_MISMATCH", _message(check), employee=check.employee, finding=check.finding,
                       stated=check.stated.value, computed=computed, difference=computed - check.stated.value)]


def _entry_text(check: TotalCheck, i: int, value: Decimal) -> str:
    if check.measure == "days":
        return f"entry {i + 1}: a worked day"
    shown = f"{value:f}" if check.compares_rounded else amount_text(check, value)  # fractions of a cent kept
    return f"entry {i + 1}: {check.measure} = {shown}"


def translate(check: TotalCheck, scope: Namespace) -> Claim | str:
    values, rounded = [], []
    for i, value in enumerate(check.values):
        var = scope.var(f"value[{i}]")
        scope.premise(f"value@{i}", _entry_text(check, i, value), eq(var, num(value)), "values")
        values.append(var)
        if check.compares_rounded:
            cents = scope.var(f"rounded[{i}]")
            scope.premise(f"rounded@{i}", f"entry {i + 1} to the cent = {amount_text(check, value)}",
                          eq(cents, num(value.quantize(CENT, rounding=ROUND_HALF_UP))), "values")
            rounded.append(cents)
    stated, computed, tolerance = scope.var("stated"), scope.var("computed"), scope.var("tolerance")
    scope.premise("stated", f"stated {check.measure.replace('_', ' ')} = {amount_text(check, check.stated.value)}",
                  eq(stated, num(check.stated.value)), "stated")
    extra: list[str] = []
    if check.nonwage is not None:
        nonwage = scope.var("nonwage")
        extra = [nonwage]
        if check.nonwage_unknown:
            scope.rule("DEF.NONWAGE", "the stated total includes non-wage money of an amount the file does not "
                       "give (>= 0)", ge(nonwage, "0.0"))
        else:
            scope.premise("nonwage", f"non-wage money in the stated total = {amount_text(check, check.nonwage)}",
                          eq(nonwage, num(check.nonwage)), "stated")
    scope.rule("DEF.SUM", "computed total = sum of the entries" + (" + non-wage money" if extra else ""),
               eq(computed, add(values + extra)))
    formula = within(computed, stated, tolerance)
    shows = {"computed": scope.name("computed"), "stated": scope.name("stated")}
    if check.compares_rounded:
        cents_total = scope.var("computed_to_the_cent")
        scope.rule("DEF.SUM", "computed total to the cent = sum of the entries rounded to the cent each",
                   eq(cents_total, add(rounded + extra)))
        formula = or_([formula, within(cents_total, stated, tolerance)])
        shows["computed_to_the_cent"] = scope.name("computed_to_the_cent")
    if extra:
        shows["nonwage"] = scope.name("nonwage")
    scope.rule(RULE_ID, f"a stated figure equals the computed one within {check.tolerance}",
               eq(tolerance, num(check.tolerance)))
    text = f"|computed - stated| <= {check.tolerance}"
    if check.compares_rounded:
        text += " (the entries summed as they are, or rounded to the cent each)"
    return Claim(finding_id=check.finding, rule_id=RULE_ID, code="TOTAL_MISMATCH", text=text,
                 formula=formula, shows=shows,
                 tags=scope.tags(("values", "stated")), rules=scope.rules(("DEF.SUM", "DEF.AVERAGE", "DEF.NONWAGE")),
                 numbers={"stated": amount_text(check, check.stated.value), "entries": str(len(check.values))},
                 context=total_context(check), namespace=scope.part)


RULE = Rule(RULE_ID, "total", (
    Code("TOTAL_MISMATCH", "error",
         "a stated total equals the sum of its entries (pay: as they are or rounded to the cent each; plus any "
         "non-wage money it includes) within the tolerance"),
), plain, translate, judges)

__all__ = ["RULE"]
