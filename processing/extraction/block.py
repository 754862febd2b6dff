"""Block per employee (family 3): several rows per person (PAID HOURS / OVERTIME / LABOR
COST) under day columns headed by dates, with the name, state and rate merged down the
block. PAID HOURS are the hours worked (overtime included); OVERTIME is the part of them
paid at a premium; REGULAR/STRAIGHT rows plus OVERTIME rows add up to the hours instead.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from processing.evidence.formulas import parse_sum
from processing.extraction.common import cell_hours, cell_money, cell_number, is_total_label, source
from processing.extraction.records import RateBook, Record, SheetResult
from processing.layout.labels import BLOCK_LABELS
from processing.layout.roles import match_role, normalize_header
from processing.layout.schema import Layout
from processing.model import StatedTotal
from processing.values import (
    clean_text,
    normalize_employee_id,
    normalize_name,
    parse_money,
    parse_state,
    round_money,
)
from processing.workbook import CellError


def _block_name_column(layout: Layout, label_col: int) -> int | None:
    col = layout.first("employee")
    if col is not None and col != label_col:
        return col
    return 0 if label_col > 0 else None


def extract_block(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    detection = layout.detection
    if detection.date_header is None or detection.label_column is None or layout.data_rows is None:
        return result
    sheet = layout.sheet
    dates = detection.date_header.dates
    date_cols = sorted(dates)
    label_col = detection.label_column
    name_col = _block_name_column(layout, label_col)
    if name_col is None:
        return result
    total_cols = sorted(c for c in set(layout.roles) | set(layout.headers) if c > date_cols[-1] and (
        (c in layout.roles and layout.roles[c].role == "hours")
        or normalize_header(layout.headers.get(c, "")) in {"total", "week total", "weekly total", "totals"}))
    # person key -> date -> kind -> value
    blocks: dict[str, dict[dt.date, dict[str, Decimal]]] = {}
    meta: dict[str, dict] = {}
    row_kinds: dict[int, tuple[str, str]] = {}  # row -> (person, what the row carries)
    paid_rows: set[int] = set()
    for row in range(layout.data_rows[0], layout.data_rows[1] + 1):
        kind = BLOCK_LABELS.get(normalize_header(clean_text(sheet.value(row, label_col))))
        raw_name = sheet.merged_value(row, name_col)
        if isinstance(raw_name, str) and is_total_label(raw_name):
            _day_totals(sheet, row, dates, row_kinds, result)
            continue
        if kind is None or not isinstance(raw_name, str):
            continue
        name = normalize_name(raw_name)
        if not name or match_role(name).role is not None:
            continue
        person = meta.setdefault(name, {"row": row, "state": None, "rate": None, "id": None})
        for col, match in layout.roles.items():
            value = sheet.merged_value(row, col)
            if match.role == "work_state" and person["state"] is None:
                person["state"] = parse_state(value)
            elif match.role == "hourly_rate" and person["rate"] is None:
                person["rate"] = parse_money(value) if not isinstance(value, CellError) else None
            elif match.role == "employee_id" and person["id"] is None:
                person["id"] = normalize_employee_id(value)
        row_kinds[row] = (name, kind)
        if kind == "hours":
            paid_rows.add(row)
        if kind in ("hours", "pay"):
            _row_sums(sheet, row, name, kind, set(date_cols), set(total_cols), result)
        days = blocks.setdefault(name, {})
        for col in date_cols:
            cell = sheet.cell(row, col)
            value = cell_money(cell) if kind == "pay" else cell_hours(cell)
            if value is None:
                continue
            days.setdefault(dates[col], {})[kind] = value
        for col in total_cols:
            cell = sheet.cell(row, col)
            if kind in ("hours", "pay"):
                value = cell_number(cell)
                if value is not None:
                    result.totals.append(StatedTotal(
                        measure="hours" if kind == "hours" else "pay", value=value, scope="employee",
                        employee=name, sheet=sheet.name, source=source(sheet.name, row, col)))
    people_rates = {}
    for name in blocks:
        info = rates.find(name, meta[name]["id"])
        people_rates[name] = meta[name]["rate"] or (info.hourly_rate if info else None)
    excludes_overtime = paid_hours_exclude_overtime(blocks, people_rates)
    if excludes_overtime:
        # The PAID HOURS row's own totals leave overtime out too: they are no total of the person's hours.
        worked_overtime = {name for name, days in blocks.items() if any(v.get("overtime_hours") for v in days.values())}
        result.totals = [t for t in result.totals if not (
            t.measure == "hours" and t.employee in worked_overtime and t.source and t.source.row - 1 in paid_rows)]
    for name, days in blocks.items():
        person = meta[name]
        rate = people_rates[name]
        for day in sorted(days):
            values = dict(days[day])
            if excludes_overtime and "hours" in values and "overtime_hours" in values:
                values["straight_hours"] = values["hours"]
                values["hours"] = values["hours"] + values["overtime_hours"]
            record = _record(name, person, day, values, rate, sheet.name)
            if record is not None:
                result.records.append(record)
    return result


MEASURES = {"hours": "hours", "pay": "pay"}


def _row_sums(sheet, row: int, name: str, kind: str, day_cols: set[int], skip: set[int],
              result: SheetResult) -> None:
    """A cell of a block row whose formula adds up that row's day cells: the person's stated total."""
    for col in range(len(sheet.rows[row])):
        if col in day_cols or col in skip:
            continue
        cell = sheet.cell(row, col)
        terms = parse_sum(cell.formula)
        if terms is None or terms.rows != {row} or len(terms.columns & day_cols) < 2 or terms.columns - day_cols:
            continue
        value = cell_number(cell)
        if value is not None:
            result.totals.append(StatedTotal(measure=MEASURES[kind], value=value, scope="employee", employee=name,
                                             sheet=sheet.name, source=source(sheet.name, row, col)))


def _day_totals(sheet, row: int, dates: dict[int, dt.date], row_kinds: dict[int, tuple[str, str]],
                result: SheetResult) -> None:
    """A TOTAL row whose day cells add up the block rows of one kind (every LABOR COST row, say)."""
    for col, day in dates.items():
        cell = sheet.cell(row, col)
        terms = parse_sum(cell.formula)
        if terms is None or terms.columns != {col} or not terms.rows <= set(row_kinds):
            continue
        kinds = {row_kinds[r][1] for r in terms.rows}
        value = cell_number(cell)
        if len(kinds) != 1 or kinds.isdisjoint(MEASURES) or value is None:
            continue
        people = list(dict.fromkeys(row_kinds[r][0] for r in sorted(terms.rows)))
        result.totals.append(StatedTotal(measure=MEASURES[kinds.pop()], value=value, scope="sheet",
                                         sheet=sheet.name, covers=people, date_from=day, date_to=day,
                                         source=source(sheet.name, row, col)))


def paid_hours_exclude_overtime(blocks: dict[str, dict[dt.date, dict[str, Decimal]]],
                                rates: dict[str, Decimal | None]) -> bool:
    """Whether a block's PAID HOURS row leaves out the OVERTIME row (the file's labor cost decides).

    Days with overtime, a labor cost and a rate are priced both ways; the reading the file's own
    labor cost agrees with more often wins. Without such days, paid hours include overtime."""
    including = excluding = 0
    for name, days in blocks.items():
        rate = rates.get(name)
        if rate is None:
            continue
        for values in days.values():
            hours, overtime, pay = values.get("hours"), values.get("overtime_hours"), values.get("pay")
            if hours is None or not overtime or pay is None:
                continue
            premium = rate * Decimal("1.5") * overtime
            including += abs(round_money(rate * (hours - overtime) + premium) - pay) <= CENT
            excluding += abs(round_money(rate * hours + premium) - pay) <= CENT
    return excluding > including


CENT = Decimal("0.01")


def _record(name: str, person: dict, day: dt.date, values: dict[str, Decimal], rate: Decimal | None,
            sheet_name: str) -> Record | None:
    parts = [values.get(k) for k in ("straight_hours", "overtime_hours", "double_time_hours")]
    hours = values.get("hours")
    if hours is None and any(p is not None for p in parts):
        hours = sum((p or Decimal(0) for p in parts), Decimal(0))
    pay = values.get("pay")
    if not hours and not pay:
        return None
    record = Record(employee=name, employee_id=person["id"], date=day, hours=hours, pay=pay,
                    straight_hours=values.get("straight_hours"), overtime_hours=values.get("overtime_hours"),
                    double_time_hours=values.get("double_time_hours"), hourly_rate=rate,
                    wage_subtotal=pay, work_state=person["state"], source=source(sheet_name, person["row"]))
    if record.straight_hours is None and record.overtime_hours is not None and hours is not None:
        record.straight_hours = hours - record.overtime_hours - (record.double_time_hours or 0)
    if pay is None and rate is not None:
        if record.overtime_hours or record.double_time_hours:
            record.pay = round_money(rate * (record.straight_hours or 0)
                                     + rate * Decimal("1.5") * (record.overtime_hours or 0)
                                     + rate * 2 * (record.double_time_hours or 0))
        else:
            record.implied_rate = rate
    return record


__all__ = ["extract_block"]
