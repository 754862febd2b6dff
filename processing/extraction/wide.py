"""Wide grids (family 1): one row per employee, one column per day headed by its date.

A day cell holds hours, or the dollars earned that day, or a 1/X meaning "worked" (the
pay is then the person's day rate). Which one is decided once per sheet from the cells
themselves and the rate columns present. Trailing money columns (per diem, advances,
Total Due) are never wages; "Total Hours" / "Total Wages" columns become stated totals.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from processing.evidence.content import SAMPLE_ROWS
from processing.evidence.formulas import parse_count, parse_sum, references
from processing.evidence.identity import choose_identity
from processing.extraction.common import cell_hours, cell_money, cell_number, is_total_label, source
from processing.extraction.records import RateBook, Record, SheetResult
from processing.layout.grid import column_index, date_at, text_at
from processing.layout.roles import match_role
from processing.layout.schema import Layout
from processing.model import Issue, StatedTotal
from processing.values import (
    clean_text,
    is_non_work_marker,
    is_worked_marker,
    name_key,
    normalize_employee_id,
    normalize_name,
    parse_bool,
    parse_state,
    to_decimal,
)
from processing.workbook import CellError, Sheet

HOURS, DOLLARS, MARKER = "hours", "dollars", "marker"


def day_states(layout: Layout, dates: dict[int, dt.date]) -> dict[int, str]:
    """Per-day work state from an extra header row of state codes."""
    states: dict[int, str] = {}
    for row in layout.header_rows:
        found = {c: parse_state(layout.sheet.value(row, c)) for c in dates}
        found = {c: s for c, s in found.items() if s}
        label_states = any(match_role(text_at(layout.sheet, row, c)).role == "work_state"
                           for c in range(min(dates)))
        if found and (label_states or len(found) >= max(1, len(dates) // 2)):
            states.update(found)
    return states


MONEY_ROLES = frozenset({"hourly_rate", "day_rate", "weekly_rate", "salary", "wage_amount"})


def _priced_from_money_columns(sheet: Sheet, rows: list[int], date_cols: list[int], money_cols: set[int]) -> bool:
    """Day cells computed from the row's rate or salary column (``=$I6*...``, ``=+$J$16/7``): dollars."""
    if not money_cols:
        return False
    day_cols = set(date_cols)
    priced = formulas = 0
    for row in rows[:SAMPLE_ROWS]:
        for col in date_cols:
            formula = sheet.cell(row, col).formula
            if not formula:
                continue
            formulas += 1
            refs = {c for _, c in references(formula)} - day_cols
            if refs & money_cols:
                priced += 1
    return formulas > 0 and priced >= formulas / 2


DAY_FRACTIONS = frozenset(Decimal(n) for n in ("0", "0.25", "0.5", "0.75", "1", "1.5", "2"))


def cell_mode(sheet: Sheet, rows: list[int], date_cols: list[int], has_hourly_rate: bool,
              money_cols: set[int] = frozenset(), has_day_rate: bool = False) -> str:
    """hours, dollars or worked-marker: what the numbers in the day cells mean, from their evidence."""
    if _priced_from_money_columns(sheet, rows, date_cols, money_cols):
        return DOLLARS
    numbers: list[Decimal] = []
    markers = dollar_text = 0
    for row in rows[:SAMPLE_ROWS]:
        for col in date_cols:
            value = sheet.value(row, col)
            if isinstance(value, str) and "$" in value:
                dollar_text += 1
            if is_worked_marker(value):
                markers += 1
            number = to_decimal(value)
            if number is not None:
                numbers.append(number)
    if dollar_text:
        return DOLLARS
    # No day holds more than 24 hours: many such numbers are dollars. Shares, not the maximum, so one
    # stray row (a zip code line between people) does not decide for the whole sheet.
    worked = [n for n in numbers if n != 0]
    if worked and sum(1 for n in worked if n > 24) >= max(1, len(worked) // 5):
        return DOLLARS
    fractions = sum(1 for n in numbers if n in DAY_FRACTIONS)
    mostly_fractions = bool(numbers) and fractions >= 0.9 * len(numbers)
    # Day-rate multipliers (1, 0.5, 2) beside a day rate are marks, even with a rate column elsewhere.
    if mostly_fractions and has_day_rate:
        return MARKER
    if has_hourly_rate:
        return HOURS
    if mostly_fractions and max(numbers) <= 1 or (markers and not numbers):
        return MARKER
    return HOURS


def name_column(layout: Layout, rows: list[int], first_date_col: int) -> int | None:
    """The identity column, from header and content evidence together (processing.evidence.identity)."""
    roles = {c: m.role for c, m in layout.roles.items()}
    choice = choose_identity(layout.sheet, roles, rows, work_start=first_date_col)
    return choice.column if choice else None


def _row_name(layout: Layout, row: int, name_col: int) -> str | None:
    sheet = layout.sheet
    first_col = layout.first("first_name")
    if layout.first("last_name") == name_col and first_col is not None:
        return normalize_name(f"{clean_text(sheet.value(row, first_col))} {clean_text(sheet.value(row, name_col))}")
    value = sheet.merged_value(row, name_col)
    return normalize_name(value) if isinstance(value, str) else None


SERIAL_DATES = (32874, 54789)  # 1990-01-01 .. 2049-12-31 as spreadsheet serials


def date_rows(layout: Layout, rows: list[int], date_cols: list[int]) -> dict[int, dict[int, dt.date]]:
    """Later rows that hold dates over the day columns again: each opens a section (week 2, a second table,
    the next person's block) whose day cells take their dates from it."""
    sheet = layout.sheet
    found: dict[int, dict[int, dt.date]] = {}
    for row in rows:
        if len(sheet.rows[row]) <= date_cols[0] if row < sheet.n_rows else True:
            continue
        dates = {}
        for col in date_cols:
            cell = sheet.cell(row, col)
            if cell.value is None and not cell.formula:
                continue
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and not (
                    cell.number_format and any(ch in cell.number_format.lower() for ch in "dmy")) \
                    and not SERIAL_DATES[0] <= cell.value <= SERIAL_DATES[1]:
                continue  # a plain small number over a day is hours or dollars, not a serial date
            day = date_at(sheet, row, col, date1904=layout.date1904, period=layout.period)
            if day:
                dates[col] = day
        if len(dates) >= 3 and (max(dates.values()) - min(dates.values())).days <= 62:
            found[row] = dates
    return found


def extract_wide(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    detection = layout.detection
    if detection.date_header is None or layout.data_rows is None:
        return result
    sheet = layout.sheet
    dates = detection.date_header.dates
    date_cols = sorted(dates)
    rows = [r for r in range(layout.data_rows[0], layout.data_rows[1] + 1) if r < sheet.n_rows]
    name_col = name_column(layout, rows, date_cols[0])
    if name_col is None:
        return result
    states = day_states(layout, dates)
    after_dates = [c for c in layout.roles if c > date_cols[-1]]
    sections = date_rows(layout, rows, date_cols)
    if sections and layout.period_from_days:  # week 2 (and later) date rows belong to the period too
        every = [d for found in sections.values() for d in found.values()] + list(dates.values())
        layout.period = (min(every), max(every))
    # What the day cells mean is judged on the rows that are people's (a row of zip codes between
    # people is not a day's dollars); in a block sheet every value row is someone's.
    person_rows = rows if sections else [r for r in rows if (n := _row_name(layout, r, name_col))
                                         and match_role(n, fuzzy=False).role is None]
    money_cols = {c for c, m in layout.roles.items() if m.role in MONEY_ROLES and c < date_cols[0]}
    mode = cell_mode(sheet, person_rows or rows, date_cols, layout.first("hourly_rate") is not None, money_cols,
                     layout.first("day_rate") is not None)
    # A block per person: the name sits on (or above) the block's first date row and the value rows
    # below carry it; only when the sheet repeats its date rows, so a plain grid's blank-name rows stay unread.
    carry = bool(sections)
    header_row = detection.date_header.row
    carried = _row_name(layout, header_row, name_col) if carry else None
    carried_id = _row_id(layout, header_row) if carried else None
    row_names: dict[int, str] = {}  # row -> the person read on it, for TOTAL rows' coverage
    seen: dict[tuple, int] = {}  # (person, the row's days and values) -> the first row that held them
    nonwage_section = False
    total_columns: dict[int, str] = {}  # columns holding people's own totals -> their measure
    total_rows: dict[int, set[int]] = {}  # such a column -> the person rows whose cell there is a total
    section_rows: list[int] = []
    section: list[str] = []  # people since the last TOTAL row
    for row in rows:
        if row in sections:
            dates = sections[row]
            if carry:
                own = _row_name(layout, row, name_col)
                if own:
                    carried, carried_id = own, _row_id(layout, row)
            continue
        banner = _section_banner(sheet, row)
        if banner is not None:
            nonwage_section = banner
            continue
        if nonwage_section:
            continue  # a PER DIEMS table under the wages: money, but no wages and no day worked
        label = clean_text(sheet.merged_value(row, name_col))
        row_label = next((clean_text(sheet.value(row, c)) for c in range(date_cols[0])
                          if isinstance(sheet.value(row, c), str) and clean_text(sheet.value(row, c))), "")
        if is_total_label(label) or is_total_label(row_label):
            # A column total only where every person of the section has their own total in that column.
            consistent = {c: m for c, m in total_columns.items() if set(section_rows) <= total_rows.get(c, set())}
            _sheet_totals(layout, row, dates, mode, after_dates, result, row_names, section, consistent)
            section, section_rows = [], []
            continue
        name = _row_name(layout, row, name_col)
        emp_id = _row_id(layout, row)
        if name and carry and match_role(name, fuzzy=False).role is None:
            carried, carried_id = name, emp_id
        elif not name and carry and carried:
            name, emp_id = carried, carried_id
        if not name or match_role(name, fuzzy=False).role is not None:
            continue
        position_col = layout.first("position")
        position = sheet.value(row, position_col) if position_col is not None else None
        info = rates.find(name, emp_id, position if isinstance(position, str) else None)
        hourly = _money_at(layout, row, "hourly_rate") or (info.hourly_rate if info else None)
        day_rate = _money_at(layout, row, "day_rate") or (info.day_rate if info else None)
        records = []
        for col in sorted(dates):
            record = day_record(sheet, row, col, dates[col], name, emp_id, mode, hourly, day_rate)
            if record is None:
                continue
            record.work_state = states.get(col)
            records.append(record)
        if records and _is_repeat(seen, name, emp_id, records, row, result, sheet_position=sheet.index + 1):
            continue
        result.records.extend(records)
        if records:
            _person_terms(layout, row, name, emp_id, result)
            row_names[row] = name
            section.append(name)
            covered = _formula_totals(layout, row, name, emp_id, dates, mode, result)
            for col in covered:
                total_columns.setdefault(col, result.totals[-1].measure if result.totals else "pay")
                total_rows.setdefault(col, set()).add(row)
            section_rows.append(row)
            _employee_totals(layout, row, name, [c for c in after_dates if c not in covered], result)
    return result


TOTAL_HEADER = re.compile(r"total|due|gross|pay|wage|net|sum|amount", re.IGNORECASE)
NONWAGE_ROLES = frozenset({"per_diem", "reimbursement", "bonus", "deduction"})


def _formula_totals(layout: Layout, row: int, name: str, emp_id: str | None, dates: dict[int, dt.date], mode: str,
                    result: SheetResult) -> set[int]:
    """Cells of this row whose formula adds up its day cells: totals the file states for the person.

    A sum that also takes in per diem, reimbursements or advances (directly, or through another total
    of the row) is recorded with what it adds beyond wages, so it is compared with wages plus those."""
    sheet = layout.sheet
    day_cols = set(dates)
    wage_cells: set[int] = set()
    covered: set[int] = set()
    measure = "hours" if mode == HOURS else "pay"
    for col in range(len(sheet.rows[row])):
        if col in day_cols:
            continue
        cell = sheet.cell(row, col)
        counted = parse_count(cell.formula)
        if counted and {r for r, _ in counted} == {row} and len({c for _, c in counted} & day_cols) >= 2:
            days = cell_number(cell)
            if days is not None:
                covered.add(col)
                summed = [dates[c] for _, c in counted if c in dates]
                result.totals.append(StatedTotal(
                    measure="days", value=days, scope="employee", employee=name, employee_id=emp_id,
                    sheet=sheet.name, source=source(sheet.name, row, col), date_from=min(summed), date_to=max(summed)))
            continue
        terms = parse_sum(cell.formula)
        if terms is None or terms.rows != {row}:
            continue
        cols = {c for _, c in terms.terms}
        days = cols & day_cols
        if len(days) < 2 and not (cols & wage_cells):
            continue
        if (terms.scale is not None) != (mode == MARKER):
            continue  # marked days add up to pay only through the day rate, other cells directly
        if any(sign < 0 for (_, c), sign in terms.terms.items() if c in day_cols or c in wage_cells):
            continue  # wages taken away (=AA6+AB6-K6): a check column, not a total
        takes_away = any(sign < 0 for (_, c), sign in terms.terms.items() if c not in day_cols and c not in wage_cells)
        if takes_away and not TOTAL_HEADER.search(layout.headers.get(col, "")):
            continue  # days less cost-code allocations ("Overhead"): accounting, not a total the file states
        stated = cell_hours(cell) if measure == "hours" else cell_number(cell)
        if stated is None:
            continue
        extra = Decimal(0)
        for (_, c), sign in terms.terms.items():
            if c in day_cols or c in wage_cells:
                continue
            value = cell_number(sheet.cell(row, c))
            extra += sign * (value or Decimal(0))
        if not (cols - day_cols):
            wage_cells.add(col)
        covered.add(col)
        # The total speaks for the row's whole week (its section's dates), not only for the cells its
        # formula happens to add: a SUM over the wrong columns is the file's slip, to be reported.
        summed_days = list(dates.values())
        result.totals.append(StatedTotal(
            measure=measure, value=stated, scope="employee", employee=name, employee_id=emp_id,
            sheet=sheet.name, source=source(sheet.name, row, col),
            date_from=min(summed_days), date_to=max(summed_days),
            includes_nonwage=extra != 0, nonwage=extra))
    return covered


def _section_banner(sheet: Sheet, row: int) -> bool | None:
    """A one-cell title row over a section: True when it names non-wage money (PER DIEMS, REIMBURSEMENTS),
    False when it names wages, None when the row is no such title."""
    cells = [c for c in range(len(sheet.rows[row])) if sheet.value(row, c) not in (None, "")]
    if len(cells) != 1 or not isinstance(sheet.value(row, cells[0]), str):
        return None
    role = match_role(sheet.value(row, cells[0])).role
    if role in NONWAGE_ROLES:
        return True
    if role in ("wage_amount", "hours"):
        return False
    return None


def _person_terms(layout: Layout, row: int, name: str, emp_id: str | None, result: SheetResult) -> None:
    """What the row says of the person's pay terms: a Weekly Rate is the weekly salary (so a week cut by the
    period's edge is not taken for the salary), an Exempt column the classification."""
    weekly = _money_at(layout, row, "weekly_rate")
    exempt_col = layout.first("exempt")
    if weekly is None and exempt_col is None:
        return
    info = result.info_for(name)
    info.employee_id = info.employee_id or emp_id
    if weekly is not None and weekly > 0:
        info.weekly_salary = info.weekly_salary or weekly
    if exempt_col is not None and info.exempt is None:
        info.exempt = parse_bool(layout.sheet.value(row, exempt_col))


def _is_repeat(seen: dict[tuple, int], name: str, emp_id: str | None, records: list[Record], row: int,
               result: SheetResult, *, sheet_position: int) -> bool:
    """A row repeating another row of the same person day for day (the same hours listed once per sales
    target, a copied line): reported once as DUPLICATE_ENTRY and counted once, never added twice."""
    key = (name_key(name), emp_id, tuple((r.date, r.hours, r.pay) for r in records))
    first = seen.setdefault(key, row)
    if first == row:
        return False
    result.issues.append(Issue(
        code="DUPLICATE_ENTRY", severity="warning", employee=name, date=records[0].date,
        message=(f"Row {row + 1} on sheet {sheet_position} repeats row {first + 1} day for day; "
                 "it was counted once. Remove the copy, or correct it if it was meant to differ"),
        details={"row": row + 1, "repeats_row": first + 1}, sheet=sheet_position, row=row + 1))
    return True


def _row_id(layout: Layout, row: int) -> str | None:
    id_col = layout.first("employee_id")
    return normalize_employee_id(layout.sheet.value(row, id_col)) if id_col is not None else None


def _money_at(layout: Layout, row: int, role: str) -> Decimal | None:
    col = layout.first(role)
    return cell_money(layout.sheet.cell(row, col)) if col is not None else None


def day_record(sheet: Sheet, row: int, col: int, day: dt.date, name: str, emp_id: str | None, mode: str,
                hourly: Decimal | None, day_rate: Decimal | None) -> Record | None:
    cell = sheet.cell(row, col)
    value = cell.value
    if isinstance(value, CellError) or is_non_work_marker(value):
        return None
    record = Record(employee=name, employee_id=emp_id, date=day, source=source(sheet.name, row, col),
                    hourly_rate=hourly, day_rate=day_rate)
    if mode == MARKER:
        number = to_decimal(value)
        if not (is_worked_marker(value) or (number is not None and number != 0)):
            return None
        if number is not None and number not in DAY_FRACTIONS:
            return None  # a division code or zip in a row of day marks is no day worked
        # A day fraction (0.5 = half a day) is paid as that share of the day rate.
        fraction = number if number is not None and number in DAY_FRACTIONS else Decimal(1)
        record.pay = day_rate * fraction if day_rate is not None else None
        record.day_fraction = fraction
        return record
    if mode == DOLLARS:
        amount = cell_number(cell)
        if amount is None or amount == 0:
            return None
        record.pay = record.wage_subtotal = amount
        return record
    hours = cell_hours(cell)
    if hours is None or hours == 0:
        if is_worked_marker(value):
            record.pay = day_rate
            return record
        return None
    record.hours = hours
    if hourly is not None:
        record.implied_rate = hourly
    elif day_rate is not None:
        record.pay = day_rate
    return record


def _employee_totals(layout: Layout, row: int, name: str, after_dates: list[int], result: SheetResult) -> None:
    """Total Hours / Total Wages columns after the day columns (never Total Due: it mixes in per diem)."""
    for col in after_dates:
        role = layout.roles[col].role
        measure = {"hours": "hours", "wage_amount": "pay", "days_worked": "days"}.get(role or "")
        if measure is None:
            continue
        cell = layout.sheet.cell(row, col)
        value = {"hours": cell_hours, "pay": cell_money, "days": cell_number}[measure](cell)
        if value is not None:
            result.totals.append(StatedTotal(measure=measure, value=value, scope="employee", employee=name,
                                             sheet=layout.sheet.name, source=source(layout.sheet.name, row, col)))


def _covered(cell, row_names: dict[int, str], section: list[str]) -> list[str]:
    """Whom a TOTAL row's cell adds up: the people on the rows its SUM names, else the section's people
    (the rows since the previous TOTAL row): a sheet of several tables closes each with its own total."""
    terms = parse_sum(cell.formula)
    if terms is not None and len(terms.columns) == 1:
        named = [row_names[r] for r in sorted(terms.rows) if r in row_names]
        return list(dict.fromkeys(named))
    return list(dict.fromkeys(section))


def _sheet_totals(layout: Layout, row: int, dates: dict[int, dt.date], mode: str, after_dates: list[int],
                  result: SheetResult, row_names: dict[int, str], section: list[str],
                  total_columns: dict[int, str] | None = None) -> None:
    sheet = layout.sheet
    nonwage_columns = {int(t.source.column and column_index(t.source.column)) for t in result.totals
                       if t.includes_nonwage and t.source and t.source.column}
    # The TOTAL row's cell under the people's own total column (Pay for Week, Total Wages): the section's total.
    for col, measure in sorted((total_columns or {}).items()):
        if col in after_dates or col in nonwage_columns:
            continue
        cell = sheet.cell(row, col)
        value = cell_hours(cell) if measure == "hours" else cell_number(cell)
        if value is not None:
            result.totals.append(StatedTotal(measure=measure, value=value, scope="sheet", sheet=sheet.name,
                                             covers=_covered(cell, row_names, section),
                                             date_from=min(dates.values()), date_to=max(dates.values()),
                                             source=source(sheet.name, row, col)))
    if mode in (HOURS, DOLLARS):
        measure = "hours" if mode == HOURS else "pay"
        for col, day in dates.items():
            cell = sheet.cell(row, col)
            value = cell_hours(cell) if measure == "hours" else cell_number(cell)
            if value is not None:
                result.totals.append(StatedTotal(measure=measure, value=value, scope="sheet", sheet=sheet.name,
                                                 covers=_covered(cell, row_names, section),
                                                 date_from=day, date_to=day, source=source(sheet.name, row, col)))
    for col in after_dates:
        measure = {"hours": "hours", "wage_amount": "pay"}.get(layout.roles[col].role or "")
        if measure is None:
            continue
        cell = sheet.cell(row, col)
        value = cell_hours(cell) if measure == "hours" else cell_money(cell)
        if value is not None:
            result.totals.append(StatedTotal(measure=measure, value=value, scope="sheet", sheet=sheet.name,
                                             covers=_covered(cell, row_names, section),
                                             source=source(sheet.name, row, col)))


__all__ = ["DOLLARS", "HOURS", "MARKER", "cell_mode", "day_record", "day_states", "extract_wide", "name_column"]
