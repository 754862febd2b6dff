"""What each family extractor hands to the merge step: raw per-row records, stated totals
and what the file says about each person (rates, exemption), all keyed by the name as read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from processing.model import Issue, SourceRef, StatedTotal
from processing.values import name_key


@dataclass
class Record:
    """One row's (or one cell's) worth of work for one person on one date."""

    employee: str
    date: dt.date
    employee_id: str | None = None
    hours: Decimal | None = None
    minutes: int | None = None  # from punches: summed exactly before converting to hours
    pay: Decimal | None = None  # stated (or computed with OT premiums) wages for this record
    implied_rate: Decimal | None = None  # pay = hours x this rate, computed after summing a date
    straight_hours: Decimal | None = None
    overtime_hours: Decimal | None = None
    double_time_hours: Decimal | None = None
    hourly_rate: Decimal | None = None
    day_rate: Decimal | None = None
    stated_hours_total: Decimal | None = None
    wage_subtotal: Decimal | None = None
    work_state: str | None = None
    worked: bool = True
    day_fraction: Decimal | None = None  # marked days: the share of the day rate the mark stands for
    source: SourceRef | None = None


@dataclass
class EmployeeInfo:
    """What a register, a banner or a rate column says about one person."""

    name: str
    employee_id: str | None = None
    hourly_rate: Decimal | None = None
    day_rate: Decimal | None = None
    weekly_salary: Decimal | None = None
    annual_salary: Decimal | None = None
    exempt: bool | None = None
    work_state: str | None = None
    # One person, several positions at different rates (a register row per position).
    by_position: dict[str, EmployeeInfo] = field(default_factory=dict)

    def update(self, other: EmployeeInfo) -> None:
        for attr in ("employee_id", "hourly_rate", "day_rate", "weekly_salary", "annual_salary", "exempt",
                     "work_state"):
            if getattr(self, attr) is None and getattr(other, attr) is not None:
                setattr(self, attr, getattr(other, attr))
        for position, info in other.by_position.items():
            self.by_position.setdefault(position, info)


@dataclass
class SheetResult:
    records: list[Record] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)  # employee- and sheet-scope
    infos: dict[str, EmployeeInfo] = field(default_factory=dict)  # name_key -> info
    issues: list[Issue] = field(default_factory=list)  # what the reader saw and could not (or would not) read

    def info_for(self, name: str) -> EmployeeInfo:
        key = name_key(name)
        if key not in self.infos:
            self.infos[key] = EmployeeInfo(name=name)
        return self.infos[key]


class RateBook:
    """Rates known from registers and banners, looked up by name or employee id."""

    def __init__(self, infos: dict[str, EmployeeInfo] | None = None):
        self.by_name: dict[str, EmployeeInfo] = dict(infos or {})
        self.by_id = {i.employee_id: i for i in self.by_name.values() if i.employee_id}

    def find(self, name: str | None, employee_id: str | None = None, position: str | None = None) -> EmployeeInfo | None:
        """The person's rates, those of the given position when the register has one per position."""
        found = None
        if employee_id and employee_id in self.by_id:
            found = self.by_id[employee_id]
        elif name:
            found = self.by_name.get(name_key(name))
        if found is not None and position and found.by_position:
            return found.by_position.get(name_key(position), found)
        return found


__all__ = ["EmployeeInfo", "RateBook", "Record", "SheetResult"]
