"""Claims about one employee's entries (not one workweek): ids, labels and the hour-breakdown premises."""

from __future__ import annotations

from processing.compliance.facts import HOUR_PARTS, EmployeeFacts
from processing.compliance.formatting import hours_text
from processing.compliance.rules.issues import finding_id
from processing.compliance.verification.smt import eq, num
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Entry


def entry_label(entry: Entry, index: int) -> str:
    """Date and position: two entries on one date stay apart."""
    return f"{entry.date.isoformat()}#{index}"


def employee_claim(employee: EmployeeFacts, rule_id: str, code: str, text: str, formula: str, *,
                   key: str | None = None, shows: dict[str, str] | None = None, tags: tuple[str, ...] = (),
                   **numbers: object) -> Claim:
    context = {"employee": employee.employee}
    if key is not None:
        context["date"] = key
    return Claim(finding_id=finding_id(rule_id, employee.employee, key), rule_id=rule_id, code=code, text=text,
                 formula=formula, shows=shows or {}, tags=frozenset(tags),
                 numbers={k: str(v) for k, v in numbers.items()}, context=context)


def hour_part_premises(scope: Scope, entry: Entry, label: str, tag: str) -> list[str]:
    """The entry's straight / overtime / double-time hours as premises (blank = 0)."""
    variables = []
    for part in HOUR_PARTS:
        var = scope.var(f"{part}[{label}]")
        value = getattr(entry, part)
        scope.premise(f"{part}@{label}", f"{part.replace('_', ' ')} on {entry.date} = "
                      f"{hours_text(value) if value is not None else '0 (blank)'}",
                      eq(var, num(value) if value is not None else "0.0"), tag)
        variables.append(var)
    return variables


__all__ = ["employee_claim", "entry_label", "hour_part_premises"]
