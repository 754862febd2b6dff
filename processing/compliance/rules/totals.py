"""Stated figures (per employee and per sheet) and the entries they cover.

A figure's entries: the employee's (employee scope; a stated ``employee_id`` picks the
timecard with that id when two people share a name), or those of the employees it covers
on its sheet (sheet scope), restricted to its dates and, when entries say where they came
from, to its sheet. What is compared depends on the measure:

| measure | entries' values | compared with |
|---|---|---|
| "hours", "pay" | hours / pay (stated, else implied by the rates) | their sum; pay also the sum of the amounts rounded to the cent each |
| "days" | 1 per worked entry (``worked=True``) | the count |
| "average" | hours of the worked entries | total / number of worked entries |
| "average_hours", "average_pay" | hours / pay | total / number of paid days |

A pay total that ``includes_nonwage`` is compared with wages + ``nonwage`` (per diem,
reimbursements): never flagged for the non-wage money. With the flag and no amount, the
non-wage part is only known to be >= 0, so only a total below the wages is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from processing.compliance.facts import implied_pay
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules.issues import finding_id
from processing.model import Entry, Extraction, StatedTotal, Timecard

CENT = Decimal("0.01")


@dataclass(frozen=True)
class TotalCheck:
    key: str  # stable id part: "employee:<name>:<n>" or "sheet:<sheet>:<n>"
    stated: StatedTotal
    employee: str | None
    values: tuple[Decimal, ...]  # the matching entries' hours, pay or 1 per worked day
    tolerance: Decimal
    owner: int | None = None  # index of the timecard that states it (its proofs share that employee's scope)
    worked_days: int = 0  # matching entries with worked=True
    hours_missing: int = 0  # for "average": worked entries without hours (the average is then not determined)

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
    def per_worked_day(self) -> bool:
        """The "average" measure: hours per worked day (the legacy averages divide by paid days)."""
        return self.measure == "average"

    @property
    def total(self) -> Decimal:
        return sum(self.values, Decimal(0))

    @property
    def rounded_total(self) -> Decimal:
        """The sum of the entries' amounts, each rounded to the cent (what a payroll system adds up)."""
        return sum((v.quantize(CENT, rounding=ROUND_HALF_UP) for v in self.values), Decimal(0))

    @property
    def compares_rounded(self) -> bool:
        return self.is_money and not self.is_average and self.rounded_total != self.total

    @property
    def paid_days(self) -> int:
        return sum(1 for v in self.values if v > 0)

    @property
    def divisor(self) -> int:
        return self.worked_days if self.per_worked_day else self.paid_days

    @property
    def nonwage(self) -> Decimal | None:
        """The non-wage money in the stated figure: None when it has none, 0 when the file does not say how much."""
        if not (self.stated.includes_nonwage and self.measure == "pay"):
            return None
        return self.stated.nonwage

    @property
    def nonwage_unknown(self) -> bool:
        return self.nonwage is not None and self.nonwage == 0

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
    if measure == "days":  # a marked half day counts half, as the file's "Days Present" counts it
        if not entry.worked:
            return None
        return entry.day_fraction if entry.day_fraction is not None else Decimal(1)
    if measure == "average":
        return entry.hours if entry.worked else None
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


def _matching(timecards: list[Timecard], stated: StatedTotal) -> list[tuple[Entry, Timecard]]:
    return [(entry, timecard) for timecard in timecards for entry in sorted(timecard.entries, key=lambda e: e.date)
            if _in_dates(entry, stated) and _on_sheet(entry, stated.sheet)]


def _check(key: str, stated: StatedTotal, employee: str | None, timecards: list[Timecard], tolerance: Decimal,
           owner: int | None = None) -> TotalCheck:
    measure = str(stated.measure)
    matching = _matching(timecards, stated)
    values = tuple(v for v in (_value(e, t, measure) for e, t in matching) if v is not None)
    worked = [e for e, _ in matching if e.worked]
    return TotalCheck(key, stated, employee, values, tolerance, owner, worked_days=len(worked),
                      hours_missing=sum(1 for e in worked if e.hours is None) if measure == "average" else 0)


def _owners(extraction: Extraction, stated: StatedTotal) -> list[Timecard]:
    """The timecards an employee-scope figure belongs to: by id when it states one the file has, else by name."""
    if stated.employee_id:
        by_id = [t for t in extraction.timecards if t.employee_id == stated.employee_id]
        if by_id:
            return by_id
    name = (stated.employee or "").casefold()
    return [t for t in extraction.timecards if t.employee.casefold() == name]


def _person(name: str, employee_id: str | None) -> str:
    """A figure's id part: the name, and the employee id when there is one (two people may share a name)."""
    return f"{name}#{employee_id}" if employee_id else name


def total_checks(extraction: Extraction, tolerance: Decimal) -> list[TotalCheck]:
    checks = []
    for owner, timecard in enumerate(extraction.timecards):
        for n, stated in enumerate(timecard.stated_totals):
            checks.append(_check(f"employee:{_person(timecard.employee, timecard.employee_id)}:{n}", stated,
                                 timecard.employee, [timecard], tolerance, owner))
    for n, stated in enumerate(extraction.stated_totals):
        if stated.scope == "employee" and stated.employee:
            checks.append(_check(f"employee:{_person(stated.employee, stated.employee_id)}:sheet-list:{n}",
                                 stated, stated.employee, _owners(extraction, stated), tolerance))
        else:
            checks.append(_check(f"sheet:{stated.sheet or '*'}:{n}", stated, None,
                                 _covered(extraction.timecards, stated), tolerance))
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


__all__ = ["CENT", "TotalCheck", "amount_text", "total_checks", "total_context", "where"]
