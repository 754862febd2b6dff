"""Stated totals (per employee and per sheet) and stated averages against their entries.

A total's entries: the employee's (employee scope), or those of the employees it covers
on its sheet (sheet scope), restricted to its dates and, when entries say where they came
from, to its sheet. Averages (measure "average_pay"/"average_hours", which the model's
Literal does not list yet) are total / number of paid days.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from processing.compliance.facts import implied_pay
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules.issues import finding_id
from processing.model import Entry, Extraction, StatedTotal, Timecard


@dataclass(frozen=True)
class TotalCheck:
    key: str  # stable id part: "employee:<name>:<n>" or "sheet:<sheet>:<n>"
    stated: StatedTotal
    employee: str | None
    values: tuple[Decimal, ...]  # the matching entries' hours or pay
    tolerance: Decimal
    owner: int | None = None  # index of the timecard that states it (its proofs share that employee's scope)

    @property
    def measure(self) -> str:
        return str(self.stated.measure)

    @property
    def is_average(self) -> bool:
        return self.measure.startswith("average")

    @property
    def is_money(self) -> bool:
        return self.measure.endswith("pay")

    @property
    def total(self) -> Decimal:
        return sum(self.values, Decimal(0))

    @property
    def paid_days(self) -> int:
        return sum(1 for v in self.values if v > 0)

    @property
    def rule_id(self) -> str:
        return "DATA.AVERAGE" if self.is_average else "DATA.STATED_TOTAL"

    @property
    def finding(self) -> str:
        return finding_id(self.rule_id, self.key)


def _in_dates(entry: Entry, stated: StatedTotal) -> bool:
    return ((stated.date_from is None or entry.date >= stated.date_from)
            and (stated.date_to is None or entry.date <= stated.date_to))


def _on_sheet(entry: Entry, sheet: str | None) -> bool:
    return sheet is None or not entry.sources or any(s.sheet == sheet for s in entry.sources)


def _value(entry: Entry, timecard: Timecard, measure: str) -> Decimal | None:
    if measure.endswith("hours"):
        return entry.hours
    return implied_pay(entry, timecard)[0]


def _covered(timecards: list[Timecard], stated: StatedTotal) -> list[Timecard]:
    if stated.covers is not None:
        names = {name.casefold() for name in stated.covers}
        return [t for t in timecards if t.employee.casefold() in names]
    if stated.sheet is not None:
        return [t for t in timecards if not t.sheets or stated.sheet in t.sheets]
    return list(timecards)


def _values(timecards: list[Timecard], stated: StatedTotal) -> tuple[Decimal, ...]:
    values = []
    for timecard in timecards:
        for entry in sorted(timecard.entries, key=lambda e: e.date):
            if _in_dates(entry, stated) and _on_sheet(entry, stated.sheet):
                value = _value(entry, timecard, str(stated.measure))
                if value is not None:
                    values.append(value)
    return tuple(values)


def total_checks(extraction: Extraction, tolerance: Decimal) -> list[TotalCheck]:
    checks = []
    for owner, timecard in enumerate(extraction.timecards):
        for n, stated in enumerate(timecard.stated_totals):
            checks.append(TotalCheck(f"employee:{timecard.employee}:{n}", stated, timecard.employee,
                                     _values([timecard], stated), tolerance, owner))
    for n, stated in enumerate(extraction.stated_totals):
        if stated.scope == "employee" and stated.employee:
            owners = [t for t in extraction.timecards if t.employee.casefold() == stated.employee.casefold()]
            checks.append(TotalCheck(f"employee:{stated.employee}:sheet-list:{n}", stated, stated.employee,
                                     _values(owners, stated), tolerance))
        else:
            checks.append(TotalCheck(f"sheet:{stated.sheet or '*'}:{n}", stated, None,
                                     _values(_covered(extraction.timecards, stated), stated), tolerance))
    return checks


def amount_text(check: TotalCheck, value: Decimal) -> str:
    return money_text(value) if check.is_money else hours_text(value)


def where(check: TotalCheck) -> str:
    """A sheet-level total names its sheet in the message (never a person's data)."""
    return f"sheet '{check.stated.sheet}' " if check.employee is None and check.stated.sheet else ""


def total_context(check: TotalCheck) -> dict[str, str | None]:
    stated = check.stated
    return {"employee": check.employee, "sheet": stated.sheet, "measure": check.measure,
            "date_from": stated.date_from.isoformat() if stated.date_from else None,
            "date_to": stated.date_to.isoformat() if stated.date_to else None}


__all__ = ["TotalCheck", "amount_text", "total_checks", "total_context", "where"]
