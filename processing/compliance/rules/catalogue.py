"""Every issue code the engine emits: its rule id (shared with the finding) and severity.

Severity policy: a violation of law or of the file's own arithmetic is an ``error``;
something a person must look at is a ``warning`` (it sends the file to review);
``info`` is reported and never blocks approval.
"""

from __future__ import annotations

from dataclasses import dataclass

from processing.model import Severity


@dataclass(frozen=True)
class RuleSpec:
    code: str
    rule_id: str
    severity: Severity
    statement: str


_SPECS = (
    # contract codes (severities exactly as result-contract.md)
    RuleSpec("MIN_WAGE", "FLSA.MIN_WAGE", "error",
             "wages in a workweek >= sum over work dates of hours x the highest applicable minimum wage"),
    RuleSpec("HOURS_ASSUMED", "FLSA.MIN_WAGE", "info",
             "with no hours in the file, the minimum wage is checked at assumed_hours_per_day per worked day"),
    RuleSpec("OVERTIME", "FLSA.OVERTIME_HOURS", "warning",
             "hours worked in a workweek <= overtime_threshold_hours"),
    RuleSpec("EXCESSIVE_HOURS", "POLICY.MAX_WEEKLY_HOURS", "warning",
             "hours worked in a workweek <= max_recommended_hours_weekly"),
    RuleSpec("TOTAL_MISMATCH", "DATA.STATED_TOTAL", "error",
             "a stated total equals the sum of its entries within the tolerance"),
    RuleSpec("NEGATIVE_VALUE", "DATA.NONNEGATIVE", "error",
             "hours, pay and rates in an entry are not negative"),
    RuleSpec("MISSING_VALUE", "DATA.PAY_DETERMINED", "error",
             "every worked day has hours or pay, and every day with hours has a knowable pay"),
    # Punchline's own codes
    RuleSpec("OVERTIME_UNPAID", "FLSA.OVERTIME_PREMIUM", "error",
             "pay for a workweek >= straight-time pay + 0.5 x regular rate x hours over the threshold "
             "(regular rate = straight-time pay / hours; day rates per 29 CFR 778.112)"),
    RuleSpec("DAILY_OVERTIME", "STATE.DAILY_OVERTIME", "warning",
             "hours in a day <= the work state's daily overtime threshold"),
    RuleSpec("DOUBLE_TIME", "STATE.DOUBLE_TIME", "warning",
             "hours in a day <= the work state's double-time threshold"),
    RuleSpec("SEVENTH_DAY", "CA.SEVENTH_DAY", "warning",
             "not all seven days of a California workweek are worked (7th consecutive day premium)"),
    RuleSpec("EXEMPT_SALARY_BELOW_FLOOR", "EXEMPT.SALARY_FLOOR", "error",
             "an exempt employee's weekly salary >= the highest applicable exempt-salary floor"),
    RuleSpec("EXEMPT_DUTIES_TEST", "EXEMPT.DUTIES_TEST", "warning",
             "an exempt classification meets the duties test (not readable from a timecard)"),
    RuleSpec("MORE_THAN_6_DAYS", "POLICY.MAX_DAYS_WEEKLY", "warning",
             "worked days in a workweek <= 6 (review trigger more_than_6_days_week)"),
    RuleSpec("HIGH_DAILY_RATE", "POLICY.HIGH_DAILY_RATE", "warning",
             "a day's rate or pay <= review_triggers.high_daily_rates_threshold"),
    RuleSpec("HOURS_BREAKDOWN_MISMATCH", "DATA.HOURS_BREAKDOWN", "error",
             "straight + overtime + double-time hours = total hours"),
    RuleSpec("WAGE_SUBTOTAL_MISMATCH", "DATA.WAGE_SUBTOTAL", "error",
             "rate x (straight + 1.5 x overtime + 2 x double-time hours) = wage subtotal"),
    RuleSpec("AVERAGE_MISMATCH", "DATA.AVERAGE", "error",
             "a stated average = total / number of paid days"),
    RuleSpec("DATE_OUTSIDE_PERIOD", "DATA.DATE_IN_PERIOD", "warning",
             "every work date lies inside the pay period"),
    RuleSpec("DUPLICATE_ENTRY", "DATA.ONE_ENTRY_PER_DATE", "warning",
             "one entry per employee per work date"),
    RuleSpec("VERIFICATION_DISAGREEMENT", "ENGINE.AGREEMENT", "warning",
             "the formal verification agrees with the rule computation"),
)

SPECS: dict[str, RuleSpec] = {spec.code: spec for spec in _SPECS}
RULE_STATEMENTS: dict[str, str] = {}
for _spec in _SPECS:
    RULE_STATEMENTS.setdefault(_spec.rule_id, _spec.statement)

__all__ = ["RULE_STATEMENTS", "RuleSpec", "SPECS"]
