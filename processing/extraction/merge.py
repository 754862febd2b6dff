"""Merging every sheet's records into one timecard per person and one entry per date.

People are matched by employee id when the file gives one, else by their normalized name
(case, dots and spacing ignored). Several punches or shifts on one date are summed; wages
implied by an hourly rate are computed once per date and rate (so two half shifts cost
what one shift costs, to the cent).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from processing.extraction.records import EmployeeInfo, Record, SheetResult
from processing.model import Entry, StatedTotal, Timecard
from processing.values import name_key, round_hours, round_money


class _Identities:
    """Which records belong to the same person: the employee id when the file gives one, else the name.
    Two people with the same name and different ids stay two people."""

    def __init__(self) -> None:
        self.by_id: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.names: list[str] = []
        self.ids: dict[int, str] = {}

    def key(self, name: str, employee_id: str | None) -> int:
        nkey = name_key(name)
        named = self.by_name.get(nkey)
        if employee_id and employee_id in self.by_id:
            found = self.by_id[employee_id]
        elif named is not None and not (employee_id and self.ids.get(named, employee_id) != employee_id):
            found = named
        else:
            found = len(self.names)
            self.names.append(name)
        if employee_id:
            self.by_id.setdefault(employee_id, found)
            self.ids.setdefault(found, employee_id)
        self.by_name.setdefault(nkey, found)
        return found

    def lookup(self, name: str | None, employee_id: str | None = None) -> int | None:
        if employee_id and employee_id in self.by_id:
            return self.by_id[employee_id]
        return self.by_name.get(name_key(name)) if name else None


def _entry(day: dt.date, records: list[Record]) -> Entry:
    minutes = [r.minutes for r in records if r.minutes is not None]
    stated = [r.hours for r in records if r.minutes is None and r.hours is not None]
    hours = None
    if minutes or stated:
        hours = round_hours(Decimal(sum(minutes)) / Decimal(60) + sum(stated, Decimal(0)))
    pay: Decimal | None = Decimal(0)
    by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for record in records:
        if record.pay is not None:
            pay += record.pay
        elif record.implied_rate is not None:
            worked = Decimal(record.minutes) / Decimal(60) if record.minutes is not None else record.hours or 0
            by_rate[record.implied_rate] += worked
        else:
            pay = None
            break
    if pay is not None:
        for rate, worked in by_rate.items():
            pay += round_money(round_hours(worked) * rate)

    def total(attr: str) -> Decimal | None:
        values = [getattr(r, attr) for r in records if getattr(r, attr) is not None]
        return sum(values, Decimal(0)) if values else None

    def agreed(attr: str):
        """A rate for the day only when every shift of the day has the same one: two shifts at two rates
        are priced shift by shift in their subtotals, not at the first shift's rate."""
        values = {getattr(r, attr) for r in records if getattr(r, attr) is not None}
        return values.pop() if len(values) == 1 else None

    def first(attr: str):
        return next((getattr(r, attr) for r in records if getattr(r, attr) is not None), None)

    return Entry(
        date=day, hours=hours, pay=pay,
        straight_hours=total("straight_hours"), overtime_hours=total("overtime_hours"),
        double_time_hours=total("double_time_hours"), hourly_rate=agreed("hourly_rate"),
        day_rate=agreed("day_rate"), stated_hours_total=total("stated_hours_total"),
        wage_subtotal=total("wage_subtotal"), work_state=first("work_state"),
        worked=any(r.worked for r in records), sources=[r.source for r in records if r.source],
        day_fraction=total("day_fraction"),
    )


def _single(values: set, fallback):
    values.discard(None)
    if len(values) == 1:
        return values.pop()
    return None if values else fallback


def merge(results: list[SheetResult]) -> tuple[list[Timecard], list[StatedTotal]]:
    """Timecards (in order of first appearance) and the totals not tied to one timecard."""
    people = _Identities()
    grouped: dict[int, dict[dt.date, list[Record]]] = defaultdict(lambda: defaultdict(list))
    ids: dict[int, str] = {}
    sheets: dict[int, list[str]] = defaultdict(list)
    for result in results:
        for record in result.records:
            key = people.key(record.employee, record.employee_id)
            grouped[key][record.date].append(record)
            if record.employee_id:
                ids.setdefault(key, record.employee_id)
            if record.source and record.source.sheet not in sheets[key]:
                sheets[key].append(record.source.sheet)
    infos: dict[int, EmployeeInfo] = {}
    for result in results:
        for info in result.infos.values():
            key = people.by_id.get(info.employee_id) if info.employee_id else None
            key = key if key is not None else people.lookup(info.name)
            if key is None:
                continue
            infos.setdefault(key, EmployeeInfo(name=info.name)).update(info)
    timecards: dict[int, Timecard] = {}
    for key, days in grouped.items():
        entries = [_entry(day, days[day]) for day in sorted(days)]
        info = infos.get(key)
        card = Timecard(employee=people.names[key], employee_id=ids.get(key) or (info.employee_id if info else None),
                        entries=entries, sheets=sheets[key])
        # The person's rate or state only when one applies to every entry (else each entry has its own).
        # From the records, not the entries: a day whose shifts disagree on the rate has no entry rate,
        # and that must not leave the other days' rate standing as the person's.
        records = [r for day_records in days.values() for r in day_records]
        card.hourly_rate = _single({r.hourly_rate for r in records}, info.hourly_rate if info else None)
        card.day_rate = _single({r.day_rate for r in records}, info.day_rate if info else None)
        card.work_state = _single({e.work_state for e in entries}, info.work_state if info else None)
        if info:
            card.exempt = info.exempt
            card.weekly_salary = info.weekly_salary
            card.annual_salary = info.annual_salary
        timecards[key] = card
    loose: list[StatedTotal] = []
    for result in results:
        for stated in result.totals:
            if stated.scope == "employee":
                key = people.lookup(stated.employee, stated.employee_id)
                if key is not None and key in timecards:
                    timecards[key].stated_totals.append(replace(stated, employee=people.names[key]))
                else:
                    loose.append(stated)
            else:
                covers = None
                if stated.covers is not None:
                    covers = [people.names[k] if (k := people.lookup(n)) is not None else n for n in stated.covers]
                loose.append(replace(stated, covers=covers))
    return list(timecards.values()), loose


__all__ = ["merge"]
