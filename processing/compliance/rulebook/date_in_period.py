"""DATA.DATE_IN_PERIOD: every work date inside ``period_start..period_end`` (a misread date, for a person)."""

from __future__ import annotations

from processing.compliance.facts import EmployeeFacts
from processing.compliance.registry import Code, Rule
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.entry_model import employee_claim
from processing.compliance.verification.smt import and_, eq, integer, le
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Extraction, Issue

RULE_ID = "DATA.DATE_IN_PERIOD"


def plain(employee: EmployeeFacts, extraction: Extraction, limits: Thresholds) -> list[Issue]:
    start, end = extraction.period_start, extraction.period_end
    if start is None or end is None:
        return []
    issues = []
    for day in sorted({e.date for e in employee.entries}):
        if not start <= day <= end:
            issues.append(make_issue(
                "DATE_OUTSIDE_PERIOD",
                f"{day.isoformat()} is outside the pay period {start.isoformat()} to {end.isoformat()}",
                employee=employee.employee, date=day, finding=finding_id(RULE_ID, employee.employee)))
    return issues


def translate(employee: EmployeeFacts, scope: Scope, extraction: Extraction) -> list[Claim]:
    """Every date inside the period: it is enough to place the earliest and the latest."""
    start, end = extraction.period_start, extraction.period_end
    if start is None or end is None or not employee.entries:
        return []
    first, last = scope.var("period_start", "Int"), scope.var("period_end", "Int")
    scope.rule(RULE_ID, f"work dates lie in the pay period {start} to {end} (as day numbers)",
               and_([eq(first, integer(start.toordinal())), eq(last, integer(end.toordinal()))]))
    days = sorted({e.date for e in employee.entries})
    earliest, latest = scope.var("earliest_date", "Int"), scope.var("latest_date", "Int")
    scope.premise("earliest_date", f"earliest work date {days[0]} (day {days[0].toordinal()})",
                  eq(earliest, integer(days[0].toordinal())), "dates")
    scope.premise("latest_date", f"latest work date {days[-1]} (day {days[-1].toordinal()})",
                  eq(latest, integer(days[-1].toordinal())), "dates")
    return [employee_claim(employee, RULE_ID, "DATE_OUTSIDE_PERIOD", "every work date lies in the pay period",
                           and_([le(first, earliest), le(latest, last)]),
                           shows={"earliest_date": "earliest_date", "latest_date": "latest_date"},
                           tags=("dates",), period=f"{start}..{end}", dates=len(days))]


RULE = Rule(RULE_ID, "employee", (
    Code("DATE_OUTSIDE_PERIOD", "warning", "every work date lies inside the pay period"),
), plain, translate)

__all__ = ["RULE"]
