"""One employee-workweek as rules, premises and claims in SMT-LIB (exact rationals, never floats).

Variables: hours[d] and pay[d] per work date, week totals, and one variable per threshold,
fixed by the rule that owns it (so an unsat core names the rule). Hours the file does not
give are free, bounded only by 0 <= hours <= 24 for a worked day: hours-dependent claims
then come out SATISFIABLE unless every possibility agrees.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.exempt import weekly_salary_paid
from processing.compliance.rules.issues import finding_id
from processing.compliance.rules.weekly import ASSUMED, OPEN, daily_amount, minimum_wage_text
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, and_, eq, ge, gt, implies, integer, le, lt, mul, num, sub
from processing.compliance.verification.solver import ASSUMPTION_PREFIX, Claim, Namespace, Tracked

MAX_HOURS_PER_DAY = 24
MIN_WAGE_USES = ("DEF.WEEK_WAGES", "DEF.PAID_HOURS", "DATA.HOURS_RANGE")
HOURS_USES = ("DEF.WEEK_HOURS", "DATA.HOURS_RANGE")


class WeekModel:
    """The scope's variables and the facts asserted about them."""

    def __init__(self, week: WeekFacts, limits: Thresholds, scope: Namespace):
        self.week, self.limits, self.scope = week, limits, scope
        self.hour_names = {d.date: f"hours[{d.date}]" for d in week.days}
        self.hours = {day: scope.var(name) for day, name in self.hour_names.items()}
        self.pay = {d.date: scope.var(f"pay[{d.date}]") for d in sel.paid_days(week)}
        self.week_hours = scope.var("week_hours")
        self.worked_days = scope.var("worked_days", "Int")
        self.threshold = scope.var("overtime_threshold")
        self.open_days = sel.open_hours_days(week)
        self._assert_facts()

    def _assert_facts(self) -> None:
        scope, week = self.scope, self.week
        for day in week.days:
            when, h = day.date.isoformat(), self.hours[day.date]
            if day.hours is not None:
                scope.premise(f"hours@{when}", f"hours on {when} = {hours_text(day.hours)}", eq(h, num(day.hours)),
                              "hours")
            elif not day.worked:
                scope.premise(f"hours@{when}", f"hours on {when} = 0 (not worked)", eq(h, "0.0"), "hours")
            if day.pay is not None:
                basis = "" if day.pay_basis == "stated" else f" (from the {day.pay_basis.replace('_', ' ')})"
                scope.premise(f"pay@{when}", f"pay on {when} = {money_text(day.pay)}{basis}",
                              eq(self.pay[day.date], num(day.pay)), "pay")
        if self.open_days:
            # Known hours are fixed by their premises (negative entries never get here).
            open_text = ", ".join(d.date.isoformat() for d in self.open_days)
            bounds = [and_([ge(self.hours[d.date], "0.0"), le(self.hours[d.date], num(MAX_HOURS_PER_DAY))])
                      for d in self.open_days]
            scope.rule("DATA.HOURS_RANGE", f"a worked day without hours in the file has 0..24 hours ({open_text})",
                       and_(bounds))
        scope.rule("DEF.WEEK_HOURS", "week hours = sum of the days' hours",
                   eq(self.week_hours, add(list(self.hours.values()))))
        count = len(sel.worked_days(week))
        scope.premise("worked_days", f"days worked in the week = {count}", eq(self.worked_days, integer(count)),
                      "worked")
        scope.rule("FLSA.OVERTIME_HOURS", f"overtime threshold = {hours_text(self.limits.overtime_threshold_hours)} h"
                   " per workweek", eq(self.threshold, num(self.limits.overtime_threshold_hours)))

    def context(self) -> dict[str, str]:
        return {"employee": self.week.employee, "week_start": self.week.start.isoformat(),
                "week_end": self.week.end.isoformat()}

    def claim(self, rule_id: str, code: str, text: str, formula: str, *, variant: str | None = None,
              shows: dict[str, str] | None = None, tags: tuple[str, ...] = (), uses: tuple[str, ...] = (),
              **numbers: object) -> Claim:
        return Claim(finding_id=finding_id(rule_id, self.week.employee, self.week.key, variant), rule_id=rule_id,
                     code=code, text=text, formula=formula,
                     shows={label: self.scope.name(var) for label, var in (shows or {}).items()},
                     tags=self.scope.tags(tags), numbers={k: str(v) for k, v in numbers.items()},
                     context=self.context(), rules=self.scope.rules(uses), namespace=self.scope.part)

    def open_hours_shows(self) -> dict[str, str]:
        return {self.hour_names[d.date]: self.hour_names[d.date] for d in self.open_days}


def min_wage_claims(m: WeekModel) -> list[Claim]:
    week, limits = m.week, m.limits
    paid = sel.paid_days(week)
    if week.exempt or not paid:
        return []
    wages, paid_hours, required = m.scope.var("wages"), m.scope.var("paid_hours"), m.scope.var("required_wages")
    m.scope.rule("DEF.WEEK_WAGES", "wages = sum of the paid days' pay", eq(wages, add([m.pay[d.date] for d in paid])))
    m.scope.rule("DEF.PAID_HOURS", "paid hours = sum of the paid days' hours",
                 eq(paid_hours, add([m.hours[d.date] for d in paid])))
    minimum, source = minimum_wage_text(week)
    m.scope.rule("FLSA.MIN_WAGE", f"required wages = sum of hours x the day's minimum wage ({minimum}, {source})",
                 eq(required, add([mul(num(d.minimum_wage), m.hours[d.date]) for d in paid])))
    tolerance = sel.minimum_wage_tolerance(week)
    formula = ge(add([wages, num(tolerance)]), required)
    text = f"wages + {tolerance.normalize():f} rounding >= required wages at the minimum wage {minimum} ({source})"
    shows = {"wages": "wages", "hours": "paid_hours", "required_wages": "required_wages", **m.open_hours_shows()}
    known_wages = sum((d.pay for d in paid), Decimal(0))
    numbers = dict(wages=money_text(known_wages), minimum=minimum, jurisdiction=source)
    assumed = sel.assumed_days(week)
    if not assumed:
        hours = sum((d.hours or Decimal(0) for d in paid), Decimal(0))
        rate = money_text(known_wages / hours) if hours else "n/a"
        return [m.claim("FLSA.MIN_WAGE", "MIN_WAGE", text, formula, shows=shows, tags=("hours", "pay"),
                        uses=MIN_WAGE_USES, hours=hours_text(hours), rate=rate, **numbers)]
    open_claim = m.claim("FLSA.MIN_WAGE", "HOURS_ASSUMED", text + " (hours not in the file left open)", formula,
                         variant=OPEN, shows=shows, tags=("hours", "pay"), uses=MIN_WAGE_USES,
                         open_days=len(assumed), **numbers)
    per_day = limits.assumed_hours_per_day
    assumed_claim = m.claim("FLSA.MIN_WAGE", "MIN_WAGE", text + f" ({hours_text(per_day)} hours assumed per worked day)",
                            formula, variant=ASSUMED, shows=shows, tags=("hours", "pay"), uses=MIN_WAGE_USES,
                            assumed_hours_per_day=hours_text(per_day), **numbers)
    assumed_claim.assumptions = [
        Tracked(f"{ASSUMPTION_PREFIX}hours@{d.date}", f"hours on {d.date} = {hours_text(per_day)} (assumed)",
                eq(m.hours[d.date], num(per_day)), frozenset({"hours"})) for d in assumed]
    return [open_claim, assumed_claim]


def hours_claims(m: WeekModel) -> list[Claim]:
    week, limits = m.week, m.limits
    if not any(d.hours is not None for d in week.days) and not m.open_days:
        return []
    maximum = m.scope.var("max_weekly_hours")
    m.scope.rule("POLICY.MAX_WEEKLY_HOURS", f"recommended maximum = {hours_text(limits.max_weekly_hours)} h per week",
                 eq(maximum, num(limits.max_weekly_hours)))
    shows = {"week_hours": "week_hours", **m.open_hours_shows()}
    known = hours_text(sel.known_hours(week))
    return [
        m.claim("FLSA.OVERTIME_HOURS", "OVERTIME", "week hours <= overtime threshold", le(m.week_hours, m.threshold),
                shows=shows, tags=("hours",), uses=HOURS_USES, hours=known,
                threshold=hours_text(limits.overtime_threshold_hours)),
        m.claim("POLICY.MAX_WEEKLY_HOURS", "EXCESSIVE_HOURS", "week hours <= recommended maximum",
                le(m.week_hours, maximum), shows=shows, tags=("hours",), uses=HOURS_USES, hours=known,
                threshold=hours_text(limits.max_weekly_hours)),
    ]


def worked_days_claims(m: WeekModel) -> list[Claim]:
    limit = m.scope.var("max_worked_days", "Int")
    m.scope.rule("POLICY.MAX_DAYS_WEEKLY", f"at most {m.limits.max_worked_days_weekly} worked days per week",
                 eq(limit, integer(m.limits.max_worked_days_weekly)))
    claims = [m.claim("POLICY.MAX_DAYS_WEEKLY", "MORE_THAN_6_DAYS", "worked days <= maximum",
                      le(m.worked_days, limit), shows={"worked_days": "worked_days"}, tags=("worked",),
                      days=len(sel.worked_days(m.week)), threshold=m.limits.max_worked_days_weekly)]
    if any(d.daily_rule is not None and d.daily_rule.seventh_day for d in m.week.days):
        applies = m.scope.var("seventh_day_rule_applies", "Bool")
        last = m.week.days[-1]
        in_force = last.date == m.week.end and last.daily_rule is not None and last.daily_rule.seventh_day
        m.scope.rule("CA.SEVENTH_DAY", "the 7th consecutive day of a workweek worked in California is paid at "
                     f"1.5x/2x (in force on {m.week.end}: {'yes' if in_force else 'no'})",
                     eq(applies, "true" if in_force else "false"))
        claims.append(m.claim("CA.SEVENTH_DAY", "SEVENTH_DAY", "the 7th day rule applies -> fewer than 7 days worked",
                              implies(applies, le(m.worked_days, "6")), shows={"worked_days": "worked_days"},
                              tags=("worked",), days=len(sel.worked_days(m.week))))
    return claims


def high_daily_rate_claims(m: WeekModel) -> list[Claim]:
    """Every day's rate under the threshold: equivalent to the highest one being under it."""
    amounts = [(d.date, daily_amount(d)) for d in m.week.days if daily_amount(d) is not None]
    if not amounts:
        return []
    limit, highest_var = m.scope.var("high_daily_rate"), m.scope.var("highest_daily_rate")
    m.scope.rule("POLICY.HIGH_DAILY_RATE", f"review a daily rate above {money_text(m.limits.high_daily_rate)}",
                 eq(limit, num(m.limits.high_daily_rate)))
    day, highest = max(amounts, key=lambda a: a[1])
    m.scope.premise("highest_daily_rate", f"highest daily rate in the week = {money_text(highest)} ({day})",
                    eq(highest_var, num(highest)), "daily_rate")
    return [m.claim("POLICY.HIGH_DAILY_RATE", "HIGH_DAILY_RATE", "every daily rate <= the review threshold",
                    le(highest_var, limit), shows={"highest_daily_rate": "highest_daily_rate"}, tags=("daily_rate",),
                    highest=money_text(highest), threshold=money_text(m.limits.high_daily_rate))]


def could_exceed(m: WeekModel) -> bool:
    most = sel.known_hours(m.week) + MAX_HOURS_PER_DAY * len(m.open_days)
    return most > m.limits.overtime_threshold_hours


def premium_claims(m: WeekModel) -> tuple[list[Claim], list[str]]:
    """The claim, or the reason it has no translation (what the file does not say)."""
    if m.week.exempt:
        return [], []
    inputs = sel.premium_inputs(m.week)
    if inputs is None:
        return [], (["the file does not say what was paid at straight time (stated pay with an hourly rate, "
                     "or day rates)"] if could_exceed(m) else [])
    hours, owed = m.scope.var("premium_hours"), m.scope.var("owed_times_hours")
    straight, paid = inputs.straight_time, inputs.paid
    # Everything multiplied by the hours (> 0 when it matters) keeps the arithmetic linear:
    # owed x H = S x H + S / 2 x (H - T), and the claim is paid x H >= owed x H.
    m.scope.rule("FLSA.OVERTIME_PREMIUM", "owed = straight-time pay + (straight-time pay / hours) / 2 x hours over "
                 f"the threshold (straight-time pay {money_text(straight)}; 29 CFR 778.107/778.112)",
                 and_([eq(hours, add([m.hours[d.date] for d in inputs.days])),
                       eq(owed, add([mul(num(straight), hours), mul(num(straight / 2), sub(hours, m.threshold))]))]))
    formula = implies(gt(hours, m.threshold), ge(mul(num(paid + sel.CENT), hours), owed))
    return [m.claim("FLSA.OVERTIME_PREMIUM", "OVERTIME_UNPAID",
                    "hours over the threshold -> paid + 0.01 >= straight-time pay + half the regular rate per "
                    "overtime hour", formula, shows={"hours": "premium_hours", **m.open_hours_shows()},
                    tags=("hours", "pay"), uses=("FLSA.OVERTIME_HOURS", "DATA.HOURS_RANGE"),
                    paid=money_text(paid), straight_time=money_text(straight),
                    threshold=hours_text(m.limits.overtime_threshold_hours))], []


def _applies(m: WeekModel, day: DayFacts) -> str:
    """Nevada's condition (rate below 1.5 x the state minimum) as a formula; true elsewhere."""
    rule = day.daily_rule
    if rule.rate_below_minimum_multiple is None:
        return "true"
    ceiling = sel.nevada_rate_ceiling(day)
    if ceiling is None:
        return "false"
    if day.hourly_rate is not None:
        return "true" if day.hourly_rate < ceiling else "false"
    if day.pay is not None:
        return lt(m.pay[day.date], mul(num(ceiling), m.hours[day.date]))
    return m.scope.var(f"rate_below_ceiling[{day.date}]", "Bool")  # the file does not say: left open


def daily_claims(m: WeekModel) -> list[Claim]:
    days = sel.daily_rule_days(m.week)
    if not days:
        return []
    # One threshold variable per state and kind, fixed by the rule (so the core names it).
    thresholds: dict[str, str] = {}
    definitions, dt_definitions, conditions, dt_conditions = [], [], [], []
    for day in days:
        rule = day.daily_rule
        key = f"daily_overtime_after[{rule.state}]"
        if key not in thresholds:
            thresholds[key] = m.scope.var(key)
            definitions.append(eq(thresholds[key], num(rule.overtime_after)))
        applies = _applies(m, day)
        within = le(m.hours[day.date], thresholds[key])
        conditions.append(within if applies == "true" else implies(applies, within))
        if rule.double_time_after is not None:
            dt_key = f"double_time_after[{rule.state}]"
            if dt_key not in thresholds:
                thresholds[dt_key] = m.scope.var(dt_key)
                dt_definitions.append(eq(thresholds[dt_key], num(rule.double_time_after)))
            dt_conditions.append((day, le(m.hours[day.date], thresholds[dt_key])))
    states = sorted({d.daily_rule.state for d in days})
    m.scope.rule("STATE.DAILY_OVERTIME", f"daily overtime thresholds of {', '.join(states)}", and_(definitions))
    shows = {m.hour_names[d.date]: m.hour_names[d.date] for d in days}
    claims = [m.claim("STATE.DAILY_OVERTIME", "DAILY_OVERTIME", "each day's hours <= the daily overtime threshold",
                      and_(conditions), shows=shows, tags=("hours", "pay"), uses=("DATA.HOURS_RANGE",),
                      states=",".join(states))]
    if dt_conditions:
        m.scope.rule("STATE.DOUBLE_TIME", f"double-time thresholds of {', '.join(states)}", and_(dt_definitions))
        claims.append(m.claim("STATE.DOUBLE_TIME", "DOUBLE_TIME", "each day's hours <= the double-time threshold",
                              and_([c for _, c in dt_conditions]),
                              shows={m.hour_names[d.date]: m.hour_names[d.date] for d, _ in dt_conditions},
                              tags=("hours",), uses=("DATA.HOURS_RANGE",), states=",".join(states)))
    return claims


def exempt_claims(m: WeekModel) -> tuple[list[Claim], list[str]]:
    week = m.week
    if not week.exempt:
        return [], []
    salary = weekly_salary_paid(week)
    if salary is None:
        return [], ["the file gives no salary and no pay for the week"]
    salary_var, floor = m.scope.var("weekly_salary"), m.scope.var("exempt_floor")
    source = "stated salary" if week.weekly_salary is not None else "the week's pay"
    m.scope.premise("weekly_salary", f"weekly salary = {money_text(salary)} ({source})", eq(salary_var, num(salary)),
                    "salary")
    m.scope.rule("EXEMPT.SALARY_FLOOR", f"exempt-salary floor = {money_text(week.exempt_floor)} "
                 f"({week.exempt_floor_source})", eq(floor, num(week.exempt_floor)))
    return [m.claim("EXEMPT.SALARY_FLOOR", "EXEMPT_SALARY_BELOW_FLOOR", "weekly salary + 0.01 >= exempt-salary floor",
                    ge(add([salary_var, num(sel.CENT)]), floor),
                    shows={"weekly_salary": "weekly_salary", "floor": "exempt_floor"},
                    tags=("salary",), salary=money_text(salary), floor=money_text(week.exempt_floor),
                    jurisdiction=week.exempt_floor_source)], []


def translate_week(week: WeekFacts, limits: Thresholds,
                   scope: Namespace) -> tuple[list[Claim], list[tuple[str, str, str]]]:
    """Claims for the week, and (rule_id, code, reason) for rules with nothing to translate."""
    m = WeekModel(week, limits, scope)
    claims = [*min_wage_claims(m), *hours_claims(m), *worked_days_claims(m), *high_daily_rate_claims(m),
              *daily_claims(m)]
    untranslated = []
    premium, reasons = premium_claims(m)
    claims += premium
    untranslated += [("FLSA.OVERTIME_PREMIUM", "OVERTIME_UNPAID", r) for r in reasons]
    exempt, reasons = exempt_claims(m)
    claims += exempt
    untranslated += [("EXEMPT.SALARY_FLOOR", "EXEMPT_SALARY_BELOW_FLOOR", r) for r in reasons]
    return claims, untranslated


__all__ = ["WeekModel", "translate_week"]
