"""FLSA.OVERTIME_PREMIUM: overtime owed and whether the file pays it (29 CFR 778.107, 778.112).

Regular rate = straight-time pay for the week / hours worked (hourly: rate x hours; day
rates: the sum of day rates). Owed for hours over the threshold: half the regular rate on
top of the straight-time pay. Only decided when the file says what was paid and gives
the hours; otherwise the finding stays SATISFIABLE or NO_TRANSLATIONS.
"""

from __future__ import annotations

from decimal import Decimal

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text, money_text, rate_text
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, and_, eq, ge, gt, implies, mul, num, sub
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel, could_exceed
from processing.model import Issue

RULE_ID = "FLSA.OVERTIME_PREMIUM"


def premium_owed(straight_time: Decimal, hours: Decimal, threshold: Decimal) -> Decimal:
    overtime = max(hours - threshold, Decimal(0))
    if hours <= 0:
        return Decimal(0)
    return straight_time / hours * overtime / 2


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    inputs = sel.premium_inputs(week)
    if inputs is None or not inputs.hours_known:
        return []
    hours = sum((d.hours for d in inputs.days), Decimal(0))
    threshold = limits.overtime_threshold_hours
    if hours <= threshold:
        return []
    straight = inputs.straight_time
    owed = straight + premium_owed(straight, hours, threshold)
    if inputs.paid + sel.CENT >= owed:
        return []
    regular_rate = straight / hours
    return [make_issue(
        "OVERTIME_UNPAID",
        f"paid {money_text(inputs.paid)} for {hours_text(hours)} hours in the workweek starting "
        f"{week.start.isoformat()}; owed at least {money_text(owed)} (regular rate {rate_text(regular_rate)}, "
        f"{hours_text(hours - threshold)} overtime hours at half-time {rate_text(regular_rate / 2)} extra)",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key),
        week_start=week.start, paid=inputs.paid, owed=owed, hours=hours, regular_rate=regular_rate,
        straight_time=straight, threshold=threshold)]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
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
    m.scope.rule(RULE_ID, "owed = straight-time pay + (straight-time pay / hours) / 2 x hours over "
                 f"the threshold (straight-time pay {money_text(straight)}; 29 CFR 778.107/778.112)",
                 and_([eq(hours, add([m.hours[d.date] for d in inputs.days])),
                       eq(owed, add([mul(num(straight), hours), mul(num(straight / 2), sub(hours, m.threshold))]))]))
    formula = implies(gt(hours, m.threshold), ge(mul(num(paid + sel.CENT), hours), owed))
    shows = {"hours": "premium_hours", **m.open_hours_shows()}
    if inputs.hours_known:
        # With the hours known their sum H is a number: owed = (owed x H) / H stays linear, and the
        # counterexample can show the amount owed, not only the hours.
        known = sum((d.hours for d in inputs.days), Decimal(0))
        if known > 0:
            owed_amount, unpaid, paid_var = (m.scope.var("premium_owed"), m.scope.var("premium_amount_owed"),
                                             m.scope.var("premium_paid"))
            m.scope.rule("DEF.PREMIUM_OWED", "owed = (owed x hours) / hours; amount owed = owed - paid",
                         and_([eq(mul(num(known), owed_amount), owed),
                               eq(paid_var, add([m.pay[d.date] for d in inputs.days])),
                               eq(unpaid, sub(owed_amount, paid_var))]))
            shows.update({"paid": "premium_paid", "owed": "premium_owed", "amount_owed": "premium_amount_owed"})
    return [m.claim(RULE_ID, "OVERTIME_UNPAID",
                    "hours over the threshold -> paid + 0.01 >= straight-time pay + half the regular rate per "
                    "overtime hour", formula, shows=shows,
                    tags=("hours", "pay"), uses=("FLSA.OVERTIME_HOURS", "DATA.HOURS_RANGE"),
                    paid=money_text(paid), straight_time=money_text(straight),
                    threshold=hours_text(m.limits.overtime_threshold_hours))], []


RULE = Rule(RULE_ID, "week", (
    Code("OVERTIME_UNPAID", "error",
         "pay for a workweek >= straight-time pay + 0.5 x regular rate x hours over the threshold "
         "(regular rate = straight-time pay / hours; day rates per 29 CFR 778.112)"),
), plain, translate)

__all__ = ["RULE", "premium_owed"]
