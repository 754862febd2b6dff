"""One employee-workweek's variables and facts in SMT-LIB (exact rationals, never floats).

Variables: hours[d] and pay[d] per work date, week totals, and one variable per threshold,
fixed by the rule that owns it (so an unsat core names the rule). Hours the file does not
give are free, bounded only by 0 <= hours <= 24 for a worked day: hours-dependent claims
then come out SATISFIABLE unless every possibility agrees. The week rules
(``processing.compliance.rulebook``) add their own rules and claims to it.
"""

from __future__ import annotations

from processing.compliance.facts import WeekFacts
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.smt import add, and_, eq, ge, integer, le, num
from processing.compliance.verification.solver import Claim, Namespace

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


def could_exceed(m: WeekModel) -> bool:
    """Whether the week's hours could pass the overtime threshold (known hours + 24 per open day)."""
    most = sel.known_hours(m.week) + MAX_HOURS_PER_DAY * len(m.open_days)
    return most > m.limits.overtime_threshold_hours


__all__ = ["HOURS_USES", "MAX_HOURS_PER_DAY", "MIN_WAGE_USES", "WeekModel", "could_exceed"]
