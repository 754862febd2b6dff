"""Every compliance rule, one module each: its codes, severities, statements, plain evaluation and z3 translation.

``RULES`` is the one list both engines iterate (``processing.compliance.plain`` and
``processing.compliance.verification.run``). The order is the order of the findings.
Adding a rule: a module here with ``RULE = Rule(...)`` and a line below; ``Rule`` refuses a
rule without both engines, ``check_registry`` a code owned twice.
"""

from __future__ import annotations

from processing.compliance.registry import Rule, check_registry
from processing.compliance.rulebook import (
    average,
    daily_overtime,
    daily_premium_pay,
    date_in_period,
    double_time,
    duties_test,
    exempt_salary,
    high_daily_rate,
    hours_breakdown,
    min_wage,
    minimum_wage_coverage,
    nonnegative,
    one_entry_per_date,
    overtime_hours,
    overtime_premium,
    pay_determined,
    seventh_day,
    stated_total,
    wage_subtotal,
    weekly_hours_policy,
    worked_days_policy,
)

RULES: tuple[Rule, ...] = check_registry((
    # one employee-workweek
    min_wage.RULE,
    minimum_wage_coverage.RULE,
    overtime_hours.RULE,
    weekly_hours_policy.RULE,
    worked_days_policy.RULE,
    seventh_day.RULE,
    high_daily_rate.RULE,
    daily_overtime.RULE,
    double_time.RULE,
    daily_premium_pay.RULE,
    overtime_premium.RULE,
    exempt_salary.RULE,
    # one employee's entries
    hours_breakdown.RULE,
    wage_subtotal.RULE,
    date_in_period.RULE,
    one_entry_per_date.RULE,
    duties_test.RULE,
    # solvers of their own
    nonnegative.RULE,
    pay_determined.RULE,
    # stated figures
    stated_total.RULE,
    average.RULE,
))

__all__ = ["RULES"]
