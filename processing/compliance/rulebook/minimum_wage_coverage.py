"""DATA.MIN_WAGE_TABLE: a work date the minimum-wage table does not cover for the work location.

The table (``rate_tables/minimum_wages.csv``) starts each jurisdiction at its first row and
ends at ``table_coverage.csv``'s date. A day outside that is checked at the highest minimum
still known (the federal one at least), and this rule says the state or city minimum was not
checked, so a person looks (a warning), instead of a silent pass. Nothing in the file maps
to the missing rate: its finding is NO_TRANSLATIONS.
"""

from __future__ import annotations

from processing.compliance.facts import DayFacts, WeekFacts
from processing.compliance.registry import Code, Rule
from processing.compliance.rules import selection as sel
from processing.compliance.rules.issues import finding_id, make_issue
from processing.compliance.tables import minimum_wages, table_coverage
from processing.compliance.thresholds import Thresholds
from processing.compliance.verification.solver import Claim
from processing.compliance.verification.week_model import WeekModel
from processing.model import Issue

RULE_ID = "DATA.MIN_WAGE_TABLE"


def uncovered_days(week: WeekFacts) -> list[DayFacts]:
    """Days the minimum-wage rule reads whose state or city minimum the table does not know."""
    return [] if week.exempt else [d for d in sel.paid_days(week) if d.uncovered]


def _coverage_text(jurisdictions: list[str]) -> str:
    table = minimum_wages()
    starts = ", ".join(f"{j} from {table.first_date(j).isoformat()}" for j in jurisdictions)
    return f"the table covers {starts}, through {table_coverage()['minimum_wages'].isoformat()}"


def plain(week: WeekFacts, limits: Thresholds) -> list[Issue]:
    days = uncovered_days(week)
    if not days:
        return []
    jurisdictions = sorted({j for d in days for j in d.uncovered})
    dates = ", ".join(d.date.isoformat() for d in days)
    return [make_issue(
        "MIN_WAGE_RATE_UNKNOWN",
        f"no minimum wage in the rate table for {', '.join(jurisdictions)} on {dates} ({_coverage_text(jurisdictions)}): "
        "only the federal minimum was checked for those days",
        employee=week.employee, finding=finding_id(RULE_ID, week.employee, week.key), week_start=week.start,
        jurisdictions=",".join(jurisdictions), days=len(days))]


def translate(m: WeekModel) -> tuple[list[Claim], list[str]]:
    days = uncovered_days(m.week)
    if not days:
        return [], []
    jurisdictions = sorted({j for d in days for j in d.uncovered})
    return [], [f"no minimum wage in the rate table for {', '.join(jurisdictions)} on "
                f"{len(days)} day{'s' if len(days) != 1 else ''} ({_coverage_text(jurisdictions)})"]


RULE = Rule(RULE_ID, "week", (
    Code("MIN_WAGE_RATE_UNKNOWN", "warning",
         "every work date lies inside the minimum-wage table for its work location", violation=False),
), plain, translate)

__all__ = ["RULE", "uncovered_days"]
