"""Building contract issues that point at their finding."""

from __future__ import annotations

import datetime as dt
from typing import Any

from processing.compliance.rules.catalogue import specs
from processing.model import Issue, Severity


def finding_id(rule_id: str, *parts: object) -> str:
    """The id shared by a finding and the issues it proves: rule, then scope (employee, week...)."""
    return "/".join([rule_id, *(str(p) for p in parts if p is not None)])


def make_issue(code: str, message: str, *, employee: str | None, finding: str,
               date: dt.date | None = None, week_start: dt.date | None = None,
               severity: Severity | None = None, **numbers: Any) -> Issue:
    spec = specs()[code]
    details: dict[str, Any] = {"finding_id": finding}
    if week_start is not None:
        details["week_start"] = week_start.isoformat()
    details.update({k: (str(v) if v is not None else None) for k, v in numbers.items()})
    return Issue(code=code, severity=severity or spec.severity, message=message, employee=employee,
                 date=date, rule_id=spec.rule_id, details=details)


def trigger_severity(code: str, trigger_on: bool) -> Severity:
    """A review trigger that is switched off still reports its issue, as info."""
    return specs()[code].severity if trigger_on else "info"


__all__ = ["finding_id", "make_issue", "trigger_severity"]
