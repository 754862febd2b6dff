"""Ground truth of a sample: the entries the generator put in the file, and the contract
issues that follow from them by the rules of result-contract.md, computed here with the
simplest possible logic (independently of the extractor and the compliance engine).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

MIN_WAGE = Decimal("7.25")
OVERTIME_HOURS = Decimal("40")
EXCESSIVE_HOURS = Decimal("60")
HIGH_DAILY_RATE = Decimal("2000")  # a day's pay above this goes to review (review_triggers.high_daily_rates)
EXEMPT_FLOOR = Decimal("684")  # the federal weekly salary floor (setting salary_exempt_threshold_weekly)
MAX_WORKED_DAYS = 6  # more worked days in a workweek go to review (setting max_worked_days_weekly)
ASSUMED_HOURS = Decimal("8")


def D(value: object) -> Decimal:
    return Decimal(str(value))


def money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Day:
    date: dt.date
    hours: Decimal | None
    pay: Decimal | None


@dataclass
class Person:
    employee: str
    employee_id: str | None = None
    days: list[Day] = field(default_factory=list)
    exempt: bool = False  # classified exempt: the salary floor instead of the minimum wage, a duties test to confirm

    def add(self, date: dt.date, hours: object | None, pay: object | None) -> None:
        """Add work on a date; several shifts on one date are summed into one entry."""
        h = None if hours is None else D(hours)
        p = None if pay is None else D(pay)
        for day in self.days:
            if day.date == date:
                day.hours = None if day.hours is None and h is None else (day.hours or 0) + (h or 0)
                day.pay = None if day.pay is None or p is None else day.pay + p
                return
        self.days.append(Day(date, h, p))

    def total_hours(self) -> Decimal | None:
        values = [d.hours for d in self.days if d.hours is not None]
        return sum(values, Decimal(0)) if values else None

    def total_pay(self) -> Decimal | None:
        values = [d.pay for d in self.days if d.pay is not None]
        return sum(values, Decimal(0)) if values else None


@dataclass
class Truth:
    file_name: str
    kind: str = "timecard"
    people: list[Person] = field(default_factory=list)
    # (employee or None for a sheet total, measure, stated value, true value, entries summed, sheet)
    stated_totals: list[tuple[str | None, str, Decimal, Decimal, int, str | None]] = field(default_factory=list)
    unreadable_cells: list[tuple[str, str]] = field(default_factory=list)  # (sheet, cell ref)
    # Exact copies of a row the reader must count once and report (employee, date of the row).
    duplicate_rows: list[tuple[str, dt.date]] = field(default_factory=list)
    week_start: dt.date | None = None  # the first day of the period the file states (one or whole weeks)
    traps: list[str] = field(default_factory=list)
    family: str = ""
    structure: str = ""  # for look-alikes of real workbooks: the layout copied, in prose (TIMECARD_SAMPLES.md)
    # Review triggers a right reading must meet beyond the contract's codes, which the expected
    # issues do not list but the decision follows (e.g. EXEMPT_DUTIES_TEST for a salary-exempt sheet).
    declared_review: list[str] = field(default_factory=list)

    def person(self, employee: str, employee_id: str | None = None) -> Person:
        """The person of that name (and, when given, that employee id: two people may share a name)."""
        for person in self.people:
            if person.employee == employee and (employee_id is None or person.employee_id == employee_id):
                return person
        person = Person(employee, employee_id)
        self.people.append(person)
        return person

    def state_total(self, employee: str | None, measure: str, stated: object, sheet: str | None = None, *,
                    among: list[str] | None = None, dates: list[dt.date] | None = None,
                    extra: object = 0, employee_id: str | None = None) -> None:
        """Record a total the file states; its true value is computed from the entries.
        ``sheet`` names the sheet of a sheet-level total whose entries are on that sheet.
        ``among`` limits a sheet-level total to some people (one section of a sheet),
        ``dates`` to some dates (one week's row, one day's column); ``extra`` is the non-wage
        money (per diem, reimbursements, bonus, less deductions) a stated pay total includes,
        so "Total Due" is compared with wages plus those, never flagged for them."""
        people = [p for p in self.people if (employee is None or p.employee == employee)
                  and (employee_id is None or p.employee_id == employee_id)
                  and (among is None or p.employee in among)]
        if measure == "days":  # a stated count of worked days
            worked = [d for p in people for d in p.days if dates is None or d.date in dates]
            self.stated_totals.append((employee, measure, D(stated), D(len(worked)), len(worked),
                                       sheet if employee is None else None))
            return
        values = [getattr(d, measure) for p in people for d in p.days
                  if getattr(d, measure) is not None and (dates is None or d.date in dates)]
        self.stated_totals.append((employee, measure, D(stated), sum(values, Decimal(0)) + D(extra), len(values),
                                   sheet if employee is None else None))


def hours_text(value: Decimal) -> str:
    """Hours as messages show them: no trailing zeros (46.5, 40)."""
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP).normalize():f}"


def money_text(value: Decimal) -> str:
    return f"{money(value):f}"


def _week_start(truth: Truth, day: dt.date) -> dt.date:
    """The file's own workweeks (7-day blocks from the start of the period it states), else Monday weeks:
    the engine's rule (processing/compliance/workweeks.py)."""
    if truth.week_start is not None:
        return truth.week_start + dt.timedelta(days=7 * ((day - truth.week_start).days // 7))
    return day - dt.timedelta(days=day.weekday())  # Monday


def expected_issues(truth: Truth) -> list[dict]:
    """The contract issues, worded as result-contract.md's example words them."""
    issues: list[dict] = []

    def issue(code: str, severity: str, employee: str | None, date: dt.date | None, message: str) -> None:
        issues.append({"code": code, "severity": severity, "employee": employee,
                       "date": date.isoformat() if date else None, "message": message})

    # Sheets are named by position (sheet names are often people's names: never echoed back).
    for position, ref in truth.unreadable_cells:
        issue("UNREADABLE_CELL", "error", None, None,
              f"Cell {ref} on sheet {position} holds a spreadsheet error value and was not read")
    for person in truth.people:
        weeks: dict[dt.date, list[Day]] = {}
        for day in sorted(person.days, key=lambda d: d.date):
            weeks.setdefault(_week_start(truth, day.date), []).append(day)
            negatives = [(name, value) for name, value in (("hours", day.hours), ("pay", day.pay))
                         if value is not None and value < 0]
            if negatives:
                listed = ", ".join(f"{name} {hours_text(v) if name == 'hours' else money_text(v)}"
                                   for name, v in negatives)
                issue("NEGATIVE_VALUE", "error", person.employee, day.date,
                      f"negative value on {day.date.isoformat()}: {listed}")
            elif day.hours is not None and day.pay is None:
                issue("MISSING_VALUE", "error", person.employee, day.date,
                      f"{hours_text(day.hours)} hours on {day.date.isoformat()} with no pay, rate or amount")
            if day.pay is not None and day.pay > HIGH_DAILY_RATE:
                issue("HIGH_DAILY_RATE", "warning", person.employee, day.date,
                      f"daily rate {money_text(day.pay)} on {day.date.isoformat()} (review above "
                      f"{money_text(HIGH_DAILY_RATE)})")
            if day.hours is None and day.pay is None:
                issue("MISSING_VALUE", "error", person.employee, day.date,
                      f"worked on {day.date.isoformat()} but the file gives neither hours nor pay")
        for start, days in sorted(weeks.items()):
            week = f"in the workweek starting {start.isoformat()}"
            paid = [d for d in days if d.pay is not None]
            if person.exempt:
                wages = sum((d.pay for d in paid), Decimal(0))
                if paid and wages < EXEMPT_FLOOR:
                    issue("EXEMPT_SALARY_BELOW_FLOOR", "error", person.employee, None,
                          f"weekly salary {money_text(wages)} {week} is below the exempt-salary floor "
                          f"{money_text(EXEMPT_FLOOR)} (US)")
            assumed = [d for d in paid if d.hours is None] if not person.exempt else []
            if assumed:
                plural = "s" if len(assumed) != 1 else ""
                issue("HOURS_ASSUMED", "info", person.employee, None,
                      f"no hours in the file for {len(assumed)} worked day{plural} {week}; "
                      f"{hours_text(ASSUMED_HOURS)} hours per day assumed for the minimum wage")
            paid_hours = sum((d.hours if d.hours is not None else ASSUMED_HOURS for d in paid), Decimal(0))
            wages = sum((d.pay for d in paid), Decimal(0))
            if paid_hours > 0 and wages < MIN_WAGE * paid_hours and not person.exempt:
                suffix = f" ({hours_text(ASSUMED_HOURS)} hours per worked day assumed)" if assumed else ""
                issue("MIN_WAGE", "error", person.employee, None,
                      f"wages {money_text(wages)} for {hours_text(paid_hours)} hours "
                      f"({money_text(wages / paid_hours)}/h) {week}, below the minimum wage "
                      f"{money_text(MIN_WAGE)} (US){suffix}")
            hours = sum((d.hours for d in days if d.hours is not None), Decimal(0))
            if hours > OVERTIME_HOURS:
                issue("OVERTIME", "warning", person.employee, None,
                      f"{hours_text(hours)} hours {week} (threshold {hours_text(OVERTIME_HOURS)})")
            if len({d.date for d in days}) > MAX_WORKED_DAYS:
                issue("MORE_THAN_6_DAYS", "warning", person.employee, None,
                      f"{len({d.date for d in days})} days worked {week} (more than {MAX_WORKED_DAYS})")
            if hours > EXCESSIVE_HOURS:
                issue("EXCESSIVE_HOURS", "warning", person.employee, None,
                      f"{hours_text(hours)} hours {week} (recommended maximum {hours_text(EXCESSIVE_HOURS)})")
    for person in truth.people:
        if person.exempt:
            issue("EXEMPT_DUTIES_TEST", "warning", person.employee, None,
                  "classified exempt: the duties test cannot be read from a timecard, a person must confirm it")
    for employee, day in truth.duplicate_rows:
        issue("DUPLICATE_ENTRY", "warning", employee, day, "a row repeated cell for cell, counted once")
    for employee, measure, stated, true, count, sheet in truth.stated_totals:
        if measure == "days" and stated != true:
            plural = "s" if count != 1 else ""
            issue("TOTAL_MISMATCH", "error", employee, None,
                  f"stated worked days {hours_text(stated)} differs from the {count} worked day{plural} in its "
                  f"entries (difference {hours_text(abs(stated - true))})")
            continue
        if abs(stated - true) > Decimal("0.01"):
            text = hours_text if measure == "hours" else money_text
            where = f"sheet '{sheet}' " if employee is None and sheet else ""
            issue("TOTAL_MISMATCH", "error", employee, None,
                  f"{where}stated {measure} total {text(stated)} differs from the sum of its {count} entries "
                  f"{text(true)} (difference {text(abs(stated - true))})")
    return issues


def review_triggers(truth: Truth) -> list[str]:
    """Settings' review triggers (defaults) that send a right reading to review without a contract
    code: more than 6 worked days in a workweek, a day paid above the high daily rate (both also in the
    expected issues, as warnings), and the triggers the sample declares (a duties test the file cannot
    show). The decision follows these too."""
    found = set(truth.declared_review)
    for person in truth.people:
        weeks: dict[dt.date, int] = {}
        for day in person.days:
            weeks[_week_start(truth, day.date)] = weeks.get(_week_start(truth, day.date), 0) + 1
            if day.pay is not None and day.pay > HIGH_DAILY_RATE:
                found.add("HIGH_DAILY_RATE")
        if any(count > MAX_WORKED_DAYS for count in weeks.values()):
            found.add("MORE_THAN_6_DAYS")
    return sorted(found)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def contract(truth: Truth, path: Path) -> dict:
    data = path.read_bytes()
    issues = expected_issues(truth)
    flagged = any(i["severity"] in ("error", "warning") for i in issues) or review_triggers(truth)
    decision = "review" if flagged else "approved"
    return {
        "file": {"name": path.name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                 "format": path.suffix.lstrip(".").lower()},
        "kind": truth.kind,
        "timecards": [
            {
                "employee": p.employee,
                "employee_id": p.employee_id,
                "entries": [{"date": d.date.isoformat(), "hours": _number(d.hours), "pay": _number(d.pay)}
                            for d in sorted(p.days, key=lambda d: d.date)],
                "total_hours": _number(p.total_hours()),
                "total_pay": _number(p.total_pay()),
            }
            for p in truth.people
        ],
        "issues": issues,
        "decision": decision,
    }


def write_expected(truth: Truth, path: Path) -> None:
    out = path.with_name(path.name.rsplit(".", 1)[0] + ".expected.json")
    out.write_text(json.dumps(contract(truth, path), indent=2) + "\n", encoding="utf-8")


__all__ = ["D", "Day", "Person", "Truth", "contract", "expected_issues", "hours_text", "money", "money_text",
           "review_triggers", "write_expected"]
