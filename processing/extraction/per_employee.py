"""One person per table (family 5): a timesheet whose banner names the employee
('Employee Name: Smith, Jane', 'Hourly Rate: 18.50'), alone on its sheet (next to a Summary)
or repeated down the sheet, one header block per employee (family 3's second form).
"""

from __future__ import annotations

import re

from processing.extraction.records import EmployeeInfo, RateBook, SheetResult
from processing.extraction.rows import read_rows
from processing.layout.grid import non_empty_columns
from processing.layout.roles import match_role, normalize_header
from processing.layout.schema import Layout
from processing.values import (
    clean_text,
    join_name,
    name_key,
    normalize_employee_id,
    normalize_name,
    parse_bool,
    parse_money,
    parse_state,
)

_LABEL_VALUE_RE = re.compile(r"^\s*([A-Za-z][A-Za-z .#/]{1,30}?)\s*[:\-–]\s*(.+)$")


def banner_fields(layout: Layout, start: int = 0, stop: int | None = None) -> dict[str, str]:
    """'Employee: Jane Smith', 'Rate | $18.50' and the like between two rows: role -> text."""
    found: dict[str, str] = {}
    sheet = layout.sheet
    if stop is None:
        stop = layout.header_rows[0] if layout.header_rows else min(sheet.n_rows, 15)
    for row in range(start, stop):
        columns = non_empty_columns(sheet, row)
        for index, col in enumerate(columns):
            text = clean_text(sheet.value(row, col))
            match = _LABEL_VALUE_RE.match(text)
            if match and match_role(match.group(1)).role:
                found.setdefault(match_role(match.group(1)).role, match.group(2).strip())
                continue
            role = match_role(text.rstrip(":")).role if text.endswith(":") or len(columns) > 1 else None
            if role and index + 1 < len(columns):
                found.setdefault(role, clean_text(sheet.value(row, columns[index + 1])))
    return found


def employee_from_banner(layout: Layout, start: int, stop: int, *, sheet_name_fallback: bool) -> EmployeeInfo | None:
    fields = banner_fields(layout, start, stop)
    name = normalize_name(fields.get("employee")) if fields.get("employee") else None
    if name is None and fields.get("first_name") and fields.get("last_name"):
        name = join_name(fields["first_name"], fields["last_name"])
    if name is None and sheet_name_fallback:
        name = normalize_name(layout.sheet.name)
    if name is None:
        return None
    info = EmployeeInfo(name=name, employee_id=normalize_employee_id(fields.get("employee_id")))
    if fields.get("hourly_rate"):
        info.hourly_rate = parse_money(fields["hourly_rate"])
    if fields.get("day_rate"):
        info.day_rate = parse_money(fields["day_rate"])
    if fields.get("exempt"):
        info.exempt = parse_bool(fields["exempt"])
    if fields.get("work_state"):
        info.work_state = parse_state(fields["work_state"])
    return info


def repeated_headers(layout: Layout) -> list[int]:
    """Rows that repeat the table's (last) header row: one per employee block."""
    sheet = layout.sheet
    header = layout.header_rows[-1]
    signature = [(c, normalize_header(clean_text(sheet.value(header, c)))) for c in non_empty_columns(sheet, header)]
    found = [header]
    for row in range(header + 1, sheet.n_rows):
        if [(c, normalize_header(clean_text(sheet.value(row, c)))) for c in non_empty_columns(sheet, row)] == signature:
            found.append(row)
    return found


def extract_per_employee(layout: Layout, rates: RateBook) -> SheetResult:
    result = SheetResult()
    if layout.data_rows is None:
        return result
    headers = repeated_headers(layout)
    banner_start = 0
    for index, header in enumerate(headers):
        banner_stop = header - (len(layout.header_rows) - 1) if index == 0 else header
        block_end = headers[index + 1] if index + 1 < len(headers) else layout.data_rows[1] + 1
        info = employee_from_banner(layout, banner_start, banner_stop, sheet_name_fallback=len(headers) == 1)
        if info is None:
            layout.notes.append(f"no employee named above the table at row {header + 1}; block skipped")
        else:
            known = rates.find(info.name, info.employee_id)
            if known is not None:
                info.update(known)
            result.info_for(info.name).update(info)
            block_rates = RateBook({**rates.by_name, name_key(info.name): info})
            read_rows(layout, range(header + 1, block_end), block_rates, result, info.name, info.employee_id)
        banner_start = header + 1
    if len(headers) > 1:
        layout.notes.append(f"{len(headers)} employee blocks with a repeated header")
    return result


__all__ = ["banner_fields", "employee_from_banner", "extract_per_employee", "repeated_headers"]
