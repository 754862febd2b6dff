"""STATE.DAILY_PREMIUM: a state's daily overtime, double time and 7th-day premiums against the pay the file states.

For a day under a state daily rule with hours, an hourly rate and a stated pay (not one
implied from the rate), the day is owed, at the rate R:

* a regular day: R x (hours up to the overtime threshold + overtime_multiple x hours up to
  the double-time threshold + double_time_multiple x hours beyond it);
* the 7th consecutive day of a 7th-day-rule week: R x (overtime_multiple x hours up to
  ``seventh_day_double_time_after`` + double_time_multiple x hours beyond).

Thresholds and multiples are the state's dated row of ``rate_tables/daily_overtime.csv``.
A day paid at least that (to the cent) raises nothing; one paid less is an error with the
amount owed, also in the finding's counterexample. Days whose pay the file does not state
are judged by their hours alone (DAILY_OVERTIME, DOUBLE_TIME, SEVENTH_DAY warnings).
The weekly federal premium is checked on its own (FLSA.OVERTIME_PREMIUM).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.formatting import hours_text, money_text, rate_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.tables import DailyOvertimeRule
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, and_, eq, ge, max_, min_, mul, num, sub
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "STATE.DAILY_PREMIUM"


def _double_multiple(rule: DailyOvertimeRule) -> Decimal:
    return rule.double_time_multiple if rule.double_time_multiple is not None else rule.overtime_multiple


def owed_for_day(day: DayFacts, seventh: bool) -> Decimal:
    rule, hours = day.daily_rule, day.hours
    if seventh:
        cut = rule.seventh_day_double_time_after
        first = min(hours, cut) if cut is not None else hours
        weighted = rule.overtime_multiple * first + _double_multiple(rule) * (hours - first)
    else:
        top = min(hours, rule.double_time_after) if rule.double_time_after is not None else hours
        weighted = (min(hours, rule.overtime_after) + rule.overtime_multiple * max(top - rule.overtime_after, 0)
                    + _double_multiple(rule) * (hours - top))
    return day.hourly_rate * weighted


def owed_formula(day: DayFacts, seventh: bool, hours: str) -> str:
    """The same amount over the day's hours variable (linear: min/max as if-then-else)."""
    rule = day.daily_rule
    if seventh:
        cut = rule.seventh_day_double_time_after
        first = min_(hours, num(cut)) if cut is not None else hours
        weighted = add([mul(num(rule.overtime_multiple), first), mul(num(_double_multiple(rule)), sub(hours, first))])
    else:
        top = min_(hours, num(rule.double_time_after)) if rule.double_time_after is not None else hours
        weighted = add([min_(hours, num(rule.overtime_after)),
                        mul(num(rule.overtime_multiple), max_(sub(top, num(rule.overtime_after)), "0.0")),
                        mul(num(_double_multiple(rule)), sub(hours, top))])
    return mul(num(day.hourly_rate), weighted)


def _rule_text(day: DayFacts, seventh: bool) -> str:
    rule = day.daily_rule
    if seventh:
        cut = rule.seventh_day_double_time_after
        beyond = (f", {hours_text(_double_multiple(rule))}x beyond {hours_text(cut)}" if cut is not None else "")
        return f"{rule.state} 7th consecutive day: {hours_text(rule.overtime_multiple)}x{beyond}"
    double = (f", {hours_text(_double_multiple(rule))}x after {hours_text(rule.double_time_after)}"
              if rule.double_time_after is not None else "")
    return f"{rule.state}: {hours_text(rule.overtime_multiple)}x after {hours_text(rule.overtime_after)}{double}"


def _cents(value: Decimal) -> Decimal:
    return value.quantize(sel.CENT, rounding=ROUND_HALF_UP)


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    issues = []
    for day, seventh in sel.premium_days(week):
        owed = owed_for_day(day, seventh)
        if day.pay + sel.CENT >= owed:
            continue
        issues.append(make_issue(
            "DAILY_PREMIUM_UNPAID",
            f"paid {money_text(day.pay)} for {hours_text(day.hours)} hours on {day.date.isoformat()} "
            f"({_rule_text(day, seventh)}; rate {rate_text(day.hourly_rate)}): owed {money_text(owed)}, "
            f"{money_text(owed - day.pay)} unpaid",
            employee=week.employee, date=day.date, week_start=week.start,
            finding=finding_id(RULE_ID, week.employee, week.key),
            paid=day.pay, owed=_cents(owed), amount_owed=_cents(owed - day.pay), hours=day.hours, rate=day.hourly_rate,
            state=day.daily_rule.state, seventh_day=seventh))
    return issues


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    days = sel.premium_days(m.week)
    if not days:
        return [], []
    definitions, conditions, shows = [], [], {}
    for day, seventh in days:
        when = day.date.isoformat()
        hours, pay = m.hours[day.date], m.pay[day.date]
        owed, unpaid = m.scope.var(f"owed[{when}]"), m.scope.var(f"amount_owed[{when}]")
        definitions += [eq(owed, owed_formula(day, seventh, hours)), eq(unpaid, sub(owed, pay))]
        conditions.append(ge(add([pay, num(sel.CENT)]), owed))
        shows.update({f"hours[{when}]": f"hours[{when}]", f"paid[{when}]": f"pay[{when}]",
                      f"owed[{when}]": f"owed[{when}]", f"amount_owed[{when}]": f"amount_owed[{when}]"})
    states = sorted({d.daily_rule.state for d, _ in days})
    m.scope.rule(RULE_ID, "owed for a day = rate x its hours weighted by the state's daily premiums ("
                 + "; ".join(sorted({_rule_text(d, s) for d, s in days})) + ")", and_(definitions))
    return [m.claim(RULE_ID, "DAILY_PREMIUM_UNPAID", "each day's pay + 0.01 >= what the state's daily premiums owe",
                    and_(conditions), shows=shows, tags=("hours", "pay"), states=",".join(states),
                    days=len(days))], []


RULE = Rule(RULE_ID, "week", (
    Code("DAILY_PREMIUM_UNPAID", "error",
         "a day's stated pay >= its hourly rate x hours weighted by the work state's daily overtime, double-time "
         "and 7th-day premiums"),
), plain, translate)

__all__ = ["RULE", "owed_for_day"]
