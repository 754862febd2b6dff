"""Dated rate tables (minimum wages, exempt-salary floors, state daily overtime).

The figures are data, kept in ``rate_tables/*.csv`` next to this module: rates change every year
and a new row must not need a code change. Each table is read once with the csv module
and cached; a lookup takes the row in force on the work date (the latest effective date
on or before it).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

# Not "data/": the repository's .gitignore ignores every directory of that name.
DATA_DIR = Path(__file__).parent / "rate_tables"


@dataclass(frozen=True)
class DailyOvertimeRule:
    state: str
    overtime_after: Decimal
    double_time_after: Decimal | None
    seventh_day: bool
    seventh_day_double_time_after: Decimal | None  # on the 7th day: overtime_multiple up to it, double time beyond
    overtime_multiple: Decimal
    double_time_multiple: Decimal | None
    # Daily overtime only when the hourly rate is below this multiple of the state minimum.
    rate_below_minimum_multiple: Decimal | None


class DatedTable:
    """Values per key, each a step function of the date."""

    def __init__(self, rows: dict[str, list[tuple[dt.date, object]]]):
        self._dates = {key: [d for d, _ in sorted(v, key=lambda r: r[0])] for key, v in rows.items()}
        self._values = {key: [x for _, x in sorted(v, key=lambda r: r[0])] for key, v in rows.items()}

    def lookup(self, key: str, on: dt.date) -> object | None:
        dates = self._dates.get(key)
        if not dates:
            return None
        position = bisect.bisect_right(dates, on)
        return self._values[key][position - 1] if position else None

    def first_date(self, key: str) -> dt.date | None:
        dates = self._dates.get(key)
        return dates[0] if dates else None

    def names(self) -> frozenset[str]:
        return frozenset(self._dates)


def _read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def minimum_wages() -> DatedTable:
    rows: dict[str, list[tuple[dt.date, object]]] = {}
    for row in _read_rows("minimum_wages.csv"):
        rows.setdefault(row["jurisdiction"], []).append(
            (dt.date.fromisoformat(row["effective_date"]), Decimal(row["hourly_rate"])))
    return DatedTable(rows)


@cache
def exempt_salary_floors() -> DatedTable:
    rows: dict[str, list[tuple[dt.date, object]]] = {}
    for row in _read_rows("exempt_salary_floors.csv"):
        rows.setdefault(row["jurisdiction"], []).append(
            (dt.date.fromisoformat(row["effective_date"]), Decimal(row["weekly"])))
    return DatedTable(rows)


def _optional_decimal(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


@cache
def daily_overtime_rules() -> DatedTable:
    rows: dict[str, list[tuple[dt.date, object]]] = {}
    for row in _read_rows("daily_overtime.csv"):
        rule = DailyOvertimeRule(
            state=row["state"],
            overtime_after=Decimal(row["overtime_after_hours"]),
            double_time_after=_optional_decimal(row["double_time_after_hours"]),
            seventh_day=row["seventh_day_rule"].strip().lower() == "yes",
            seventh_day_double_time_after=_optional_decimal(row["seventh_day_double_time_after_hours"]),
            overtime_multiple=Decimal(row["overtime_multiple"]),
            double_time_multiple=_optional_decimal(row["double_time_multiple"]),
            rate_below_minimum_multiple=_optional_decimal(row["rate_below_minimum_multiple"]),
        )
        rows.setdefault(row["state"], []).append((dt.date.fromisoformat(row["effective_date"]), rule))
    return DatedTable(rows)


@cache
def location_aliases() -> dict[str, str]:
    """Other spellings of a city jurisdiction -> the key the rate tables use."""
    return {row["alias"]: row["jurisdiction"] for row in _read_rows("location_aliases.csv")}


@cache
def table_coverage() -> dict[str, dt.date]:
    """The last date each table's figures are known for (a later date needs new rows)."""
    return {row["table"]: dt.date.fromisoformat(row["through"]) for row in _read_rows("table_coverage.csv")}


def minimum_wage(jurisdiction: str, on: dt.date) -> Decimal | None:
    value = minimum_wages().lookup(jurisdiction, on)
    return value if isinstance(value, Decimal) else None


def minimum_wage_covers(jurisdiction: str, on: dt.date) -> bool:
    """Whether the table knows the jurisdiction's minimum on that date.

    False for a jurisdiction it has rows for, on a date before its first row or after the
    table's coverage: the rule says so instead of silently using the federal figure. A
    jurisdiction with no rows at all is not in the table's scope (it adds nothing).
    """
    table = minimum_wages()
    known = table.names()
    if jurisdiction not in known:
        return True
    return table.lookup(jurisdiction, on) is not None and on <= table_coverage()["minimum_wages"]


def exempt_salary_floor(jurisdiction: str, on: dt.date) -> Decimal | None:
    value = exempt_salary_floors().lookup(jurisdiction, on)
    return value if isinstance(value, Decimal) else None


def daily_overtime_rule(state: str, on: dt.date) -> DailyOvertimeRule | None:
    value = daily_overtime_rules().lookup(state, on)
    return value if isinstance(value, DailyOvertimeRule) else None


__all__ = [
    "DailyOvertimeRule",
    "DatedTable",
    "daily_overtime_rule",
    "daily_overtime_rules",
    "exempt_salary_floor",
    "exempt_salary_floors",
    "location_aliases",
    "minimum_wage",
    "minimum_wage_covers",
    "minimum_wages",
    "table_coverage",
]
