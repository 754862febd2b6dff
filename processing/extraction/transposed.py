"""Transposed grids (family 2): dates down the rows, one column per employee, with header
rows above naming each person (name, role, rate) and footer rows below (TOTAL, PER DIEMS,
LESS ADVANCES). Only TOTAL-like footers matter: they are stated totals.
"""

from __future__ import annotations

import re
from decimal import Decimal

from processing.evidence.content import value_kind
from processing.evidence.formulas import parse_sum
from processing.extraction.common import cell_hours, cell_money, cell_number, is_total_label, source
from processing.extraction.records import RateBook, SheetResult
from processing.extraction.wide import DOLLARS, HOURS, cell_mode, day_record
from processing.layout.grid import non_empty_columns
from processing.layout.roles import match_role
from processing.layout.schema import Layout
from processing.model import StatedTotal
from processing.values import clean_text, normalize_employee_id, normalize_name, parse_money

_PAY_WORDS = re.compile(r"pay|wage|gross|cost|\$|amount|earn", re.IGNORECASE)


def _label(layout: Layout, row: int, before_col: int) -> str:
    for col in range(before_col + 1):
        text = clean_text(layout.sheet.merged_value(row, col))
        if text:
            return text
    return ""


def _names_row(layout: Layout, first_row: int, date_col: int) -> int | None:
    """The header row naming the people: the one whose cells right of the dates look most like names
    (not the rate row under it, not a row of titles repeated for everyone)."""
    sheet = layout.sheet
    best, best_score = None, 0.0
    for row in range(first_row):
        kinds = [value_kind(sheet.value(row, c)) for c in non_empty_columns(sheet, row) if c > date_col]
        texts = {clean_text(sheet.value(row, c)).lower() for c in non_empty_columns(sheet, row) if c > date_col}
        if not kinds:
            continue
        score = kinds.count("name") * min(1.0, len(texts) / len(kinds))
        if score > best_score:
            best, best_score = row, score
    return best


def _beyond_the_days(sheet, formula: str | None, dates: dict[int, object]) -> Decimal:
    """What a footer total adds besides wages (``=SUM(C12:D33)+C35+C39``: per diem, advances). A term that
    is itself a total of the day cells ("Total Salary" inside "Total Taxable Wages") is wages, not extra."""
    terms = parse_sum(formula)
    if terms is None:
        return Decimal(0)
    extra = Decimal(0)
    for (row, col), sign in terms.terms.items():
        if row in dates or _adds_up_days(sheet, row, col, dates, depth=0):
            continue
        extra += sign * (cell_number(sheet.cell(row, col)) or Decimal(0))
    return extra


def _adds_up_days(sheet, row: int, col: int, dates: dict[int, object], depth: int) -> bool:
    """Whether a cell is a sum of day cells (directly or through other such sums), blanks allowed."""
    terms = parse_sum(sheet.cell(row, col).formula)
    if terms is None or depth > 4:
        return False
    has_days = False
    for (r, c), _sign in terms.terms.items():
        if r in dates or _adds_up_days(sheet, r, c, dates, depth + 1):
            has_days = True
        elif cell_number(sheet.cell(r, c)):
            return False
    return has_days


def _people_summed(formula: str | None, people: dict[int, str]) -> set[int] | None:
    """Whose columns a footer's SUM reads (each person owns the columns up to the next person's)."""
    terms = parse_sum(formula)
    if terms is None:
        return None
    starts = sorted(people)
    owners = set()
    for _, col in terms.terms:
        owner = max((s for s in starts if s <= col), default=None)
        if owner is not None:
            owners.add(owner)
    return owners


def _sheet_total(sheet, row: int, col: int, cell, dates: dict[int, object], result: SheetResult) -> None:
    """A footer that adds up every person's day cells: the sheet's gross wages."""
    value = cell_money(cell)
    terms = parse_sum(cell.formula)
    if value is None or terms is None or not all(r in dates for r in terms.rows):
        return
    result.totals.append(StatedTotal(measure="pay", value=value, scope="sheet", sheet=sheet.name,
                                     source=source(sheet.name, row, col)))


def extract_transposed(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    if layout.detection.date_column is None:
        return result
    sheet = layout.sheet
    date_col, dates = layout.detection.date_column
    first_row, last_row = min(dates), max(dates)
    name_row = None
    role_rows: dict[str, int] = {}
    for row in range(first_row):
        role = match_role(_label(layout, row, date_col)).role
        if role in ("employee", "hourly_rate", "day_rate", "employee_id") and role not in role_rows:
            role_rows[role] = row
    name_row = role_rows.get("employee")
    if name_row is None:
        name_row = _names_row(layout, first_row, date_col)
        if name_row is None:
            return result
    people: dict[int, str] = {}
    for col in non_empty_columns(sheet, name_row):
        value = sheet.merged_value(name_row, col)
        if col <= date_col or not isinstance(value, str) or match_role(value).role is not None or is_total_label(value):
            continue
        name = normalize_name(value)
        if name:
            people[col] = name
    if not people:
        return result
    rate_row = role_rows.get("hourly_rate")
    day_rate_row = role_rows.get("day_rate")
    id_row = role_rows.get("employee_id")
    mode = cell_mode(sheet, sorted(dates), sorted(people), rate_row is not None)
    for col, name in people.items():
        emp_id = normalize_employee_id(sheet.value(id_row, col)) if id_row is not None else None
        info = rates.find(name, emp_id)
        hourly = (parse_money(sheet.value(rate_row, col)) if rate_row is not None else None) \
            or (info.hourly_rate if info else None)
        day_rate = (parse_money(sheet.value(day_rate_row, col)) if day_rate_row is not None else None) \
            or (info.day_rate if info else None)
        for row, day in sorted(dates.items()):
            record = day_record(sheet, row, col, day, name, emp_id, mode, hourly, day_rate)
            if record is not None:
                result.records.append(record)
    for row in range(last_row + 1, sheet.n_rows):
        label = _label(layout, row, date_col)
        if not is_total_label(label):
            continue
        measure = "pay" if _PAY_WORDS.search(label) or mode == DOLLARS and "hour" not in label.lower() else "hours"
        if measure == "hours" and mode != HOURS:
            continue
        for col, name in people.items():
            cell = sheet.cell(row, col)
            spans = _people_summed(cell.formula, people)
            if spans is not None and spans != {col}:
                if spans == set(people) and measure == "pay":
                    _sheet_total(sheet, row, col, cell, dates, result)
                continue  # a footer adding up everyone's column (GROSS WAGES, TOTAL ADVANCES) is no one's total
            value: Decimal | None = cell_hours(cell) if measure == "hours" else cell_money(cell)
            if value is not None:
                extra = _beyond_the_days(sheet, cell.formula, dates) if measure == "pay" else Decimal(0)
                emp_id = normalize_employee_id(sheet.value(id_row, col)) if id_row is not None else None
                result.totals.append(StatedTotal(measure=measure, value=value, scope="employee", employee=name,
                                                 employee_id=emp_id, sheet=sheet.name,
                                                 source=source(sheet.name, row, col),
                                                 includes_nonwage=extra != 0, nonwage=extra))
    return result


__all__ = ["extract_transposed"]
