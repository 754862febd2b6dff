"""Per-entry rules in SMT-LIB: hour breakdowns, wage subtotals, dates, duplicates, duties, missing pay, negatives."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from processing.compliance.facts import EmployeeFacts, negative_fields
from processing.compliance.formatting import hours_text, money_text
from processing.compliance.rules import entries as rules
from processing.compliance.rules.issues import finding_id
from processing.compliance.verification.smt import add, and_, eq, ge, implies, integer, le, mul, num, within
from processing.compliance.verification.solver import Claim, Scope
from processing.model import Entry


def _label(entry: Entry, index: int) -> str:
    return f"{entry.date.isoformat()}#{index}"


def _claim(employee: EmployeeFacts, rule_id: str, code: str, text: str, formula: str, *,
           key: str | None = None, shows: dict[str, str] | None = None, tags: tuple[str, ...] = (),
           **numbers: object) -> Claim:
    context = {"employee": employee.employee}
    if key is not None:
        context["date"] = key
    return Claim(finding_id=finding_id(rule_id, employee.employee, key), rule_id=rule_id, code=code, text=text,
                 formula=formula, shows=shows or {}, tags=frozenset(tags),
                 numbers={k: str(v) for k, v in numbers.items()}, context=context)


def _parts(scope: Scope, entry: Entry, label: str, tag: str) -> list[str]:
    """The entry's straight / overtime / double-time hours as premises (blank = 0)."""
    variables = []
    for part in rules.HOUR_PARTS:
        var = scope.var(f"{part}[{label}]")
        value = getattr(entry, part)
        scope.premise(f"{part}@{label}", f"{part.replace('_', ' ')} on {entry.date} = "
                      f"{hours_text(value) if value is not None else '0 (blank)'}",
                      eq(var, num(value) if value is not None else "0.0"), tag)
        variables.append(var)
    return variables


def breakdown_claims(employee: EmployeeFacts, scope: Scope) -> list[Claim]:
    checked = [(i, e) for i, e in enumerate(employee.entries) if rules.has_breakdown(e) and rules.breakdown_totals(e)]
    if not checked:
        return []
    tolerance = scope.var("breakdown_tolerance")
    conditions, shows = [], {}
    for index, entry in checked:
        label = _label(entry, index)
        parts = add(_parts(scope, entry, label, "breakdown"))
        for name, total in rules.breakdown_totals(entry):
            key = f"{name.replace(' ', '_')}[{label}]"
            var = scope.var(key)
            scope.premise(key, f"{name} on {entry.date} = {hours_text(total)}", eq(var, num(total)), "breakdown")
            conditions.append(within(parts, var, tolerance))
            shows[key] = key
    scope.rule("DATA.HOURS_BREAKDOWN", "straight + overtime + double time = total hours (within 0.01)",
               eq(tolerance, num(rules.CENT)))
    return [_claim(employee, "DATA.HOURS_BREAKDOWN", "HOURS_BREAKDOWN_MISMATCH",
                   "every breakdown adds up to its total hours", and_(conditions), shows=shows,
                   tags=("breakdown",), entries=len(checked))]


def subtotal_claims(employee: EmployeeFacts, scope: Scope) -> list[Claim]:
    checked = [(i, e) for i, e in enumerate(employee.entries) if rules.subtotal_checkable(e, employee)]
    if not checked:
        return []
    conditions, definitions, shows = [], [], {}
    for index, entry in checked:
        label, rate = _label(entry, index), rules.subtotal_rate(entry, employee)
        expected, subtotal = scope.var(f"expected_subtotal[{label}]"), scope.var(f"wage_subtotal[{label}]")
        parts = _parts(scope, entry, label, "subtotal")
        weighted = add([mul(num(rules.PART_WEIGHTS[p] * rate), v) for p, v in zip(rules.HOUR_PARTS, parts, strict=True)])
        scope.premise(f"wage_subtotal@{label}", f"wage subtotal on {entry.date} = {money_text(entry.wage_subtotal)}",
                      eq(subtotal, num(entry.wage_subtotal)), "subtotal")
        definitions.append(eq(expected, weighted))
        conditions.append(within(expected, subtotal, num(rules.subtotal_tolerance(entry))))
        shows[f"expected[{label}]"], shows[f"subtotal[{label}]"] = f"expected_subtotal[{label}]", \
            f"wage_subtotal[{label}]"
    scope.rule("DATA.WAGE_SUBTOTAL", "expected subtotal = rate x (straight + 1.5 x overtime + 2 x double time)",
               and_(definitions))
    return [_claim(employee, "DATA.WAGE_SUBTOTAL", "WAGE_SUBTOTAL_MISMATCH",
                   "every wage subtotal equals its rate x weighted hours (one cent per priced part)",
                   and_(conditions), shows=shows, tags=("subtotal",), entries=len(checked))]


def period_claims(employee: EmployeeFacts, scope: Scope, start: dt.date | None, end: dt.date | None) -> list[Claim]:
    """Every date inside the period: it is enough to place the earliest and the latest."""
    if start is None or end is None or not employee.entries:
        return []
    first, last = scope.var("period_start", "Int"), scope.var("period_end", "Int")
    scope.rule("DATA.DATE_IN_PERIOD", f"work dates lie in the pay period {start} to {end} (as day numbers)",
               and_([eq(first, integer(start.toordinal())), eq(last, integer(end.toordinal()))]))
    days = sorted({e.date for e in employee.entries})
    earliest, latest = scope.var("earliest_date", "Int"), scope.var("latest_date", "Int")
    scope.premise("earliest_date", f"earliest work date {days[0]} (day {days[0].toordinal()})",
                  eq(earliest, integer(days[0].toordinal())), "dates")
    scope.premise("latest_date", f"latest work date {days[-1]} (day {days[-1].toordinal()})",
                  eq(latest, integer(days[-1].toordinal())), "dates")
    return [_claim(employee, "DATA.DATE_IN_PERIOD", "DATE_OUTSIDE_PERIOD", "every work date lies in the pay period",
                   and_([le(first, earliest), le(latest, last)]),
                   shows={"earliest_date": "earliest_date", "latest_date": "latest_date"},
                   tags=("dates",), period=f"{start}..{end}", dates=len(days))]


def duplicate_claims(employee: EmployeeFacts, scope: Scope) -> list[Claim]:
    counts = Counter(e.date for e in employee.entries)
    if not counts:
        return []
    limit, most = scope.var("entries_per_date", "Int"), scope.var("most_entries_on_a_date", "Int")
    scope.rule("DATA.ONE_ENTRY_PER_DATE", "one entry per employee per work date", eq(limit, "1"))
    highest = max(counts.values())
    repeated = ", ".join(f"{d} ({n})" for d, n in sorted(counts.items()) if n > 1)
    scope.premise("most_entries", f"most entries on one date = {highest}{': ' + repeated if repeated else ''}",
                  eq(most, integer(highest)), "entries")
    return [_claim(employee, "DATA.ONE_ENTRY_PER_DATE", "DUPLICATE_ENTRY", "at most one entry per work date",
                   le(most, limit), shows={"most_entries_on_a_date": "most_entries_on_a_date"}, tags=("entries",),
                   dates=len(counts))]


def duties_claims(employee: EmployeeFacts, scope: Scope) -> list[Claim]:
    if employee.timecard.exempt is not True:
        return []
    exempt, duties = scope.var("classified_exempt", "Bool"), scope.var("meets_duties_test", "Bool")
    scope.premise("classified_exempt", "the file marks the employee exempt", exempt, "exempt")
    return [_claim(employee, "EXEMPT.DUTIES_TEST", "EXEMPT_DUTIES_TEST", "classified exempt -> meets the duties test",
                   implies(exempt, duties), shows={"meets_duties_test": "meets_duties_test"}, tags=("exempt",))]


def employee_scope_claims(employee: EmployeeFacts, scope: Scope, start: dt.date | None,
                          end: dt.date | None) -> list[Claim]:
    return [*breakdown_claims(employee, scope), *subtotal_claims(employee, scope),
            *period_claims(employee, scope, start, end), *duplicate_claims(employee, scope),
            *duties_claims(employee, scope)]


def negative_scope(employee: EmployeeFacts, day: dt.date, scope: Scope) -> Claim:
    """Premises that contradict the non-negativity rule: the outcome is IMPOSSIBLE, its core names both."""
    bounds, shows = [], {}
    for index, entry in enumerate(employee.entries):
        if entry.date != day:
            continue
        for name, value in negative_fields(entry):
            key = f"{name}[{_label(entry, index)}]"
            var = scope.var(key)
            scope.premise(key, f"{name.replace('_', ' ')} on {day} = {value}", eq(var, num(value)), "values")
            bounds.append(ge(var, "0.0"))
            shows[key] = key
    scope.rule("DATA.NONNEGATIVE", "hours, pay and rates in an entry are >= 0", and_(bounds))
    return _claim(employee, "DATA.NONNEGATIVE", "NEGATIVE_VALUE", "the entry's values are valid", "true",
                  key=day.isoformat(), shows=shows, tags=("values",))


def missing_pay_scope(employee: EmployeeFacts, entry: Entry, scope: Scope) -> Claim:
    """Hours without a knowable pay: two copies of the pay variable under the same facts.

    "The file determines the pay" is the claim pay == pay'; the file leaves it open when
    both it and its negation are satisfiable (SATISFIABLE).
    """
    day = entry.date.isoformat()
    hours, pay, other = scope.var(f"hours[{day}]"), scope.var(f"pay[{day}]"), scope.var(f"pay'[{day}]")
    scope.premise(f"hours@{day}", f"hours on {day} = {hours_text(entry.hours)}", eq(hours, num(entry.hours)), "hours")
    scope.premise(f"pay@{day}", f"pay on {day}: not in the file, no rate, no day rate", "true", "pay")
    scope.rule("DATA.PAY_DETERMINED", "pay is not negative (nothing else in the file constrains it)",
               and_([ge(pay, "0.0"), ge(other, "0.0")]))
    return _claim(employee, "DATA.PAY_DETERMINED", "MISSING_VALUE", "the file determines the day's pay",
                  eq(pay, other), key=day, shows={"pay": f"pay[{day}]", "pay'": f"pay'[{day}]"},
                  tags=("hours", "pay"), hours=hours_text(entry.hours))


__all__ = ["employee_scope_claims", "missing_pay_scope", "negative_scope"]
