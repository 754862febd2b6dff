"""Deterministic timecard extraction: every sheet of a workbook to one Extraction.

    extraction = extract(workbook, settings, mappings=None)

Per sheet: the family registry (processing.families) classifies it and its family reads it. Registers are read first so that their rates can price the day cells of the
other sheets. Summary and register sheets never create entries.
"""

from __future__ import annotations

import datetime as dt
import re

from core.operational_settings import OperationalSettings
from processing import families
from processing.errors import UNRECOGNIZED_LAYOUT, InputError
from processing.extraction.merge import merge
from processing.extraction.reconcile import reconcile
from processing.extraction.records import EmployeeInfo, RateBook, SheetResult
from processing.layout.grid import cell_ref
from processing.layout.schema import Layout, build_schema
from processing.markdown import sheet_markdown
from processing.model import Extraction, Issue
from processing.workbook import CellError, Workbook

EXPECTED_LAYOUTS = (
    "no sheet holds a recognizable timecard. Expected one of: a table with a header row naming "
    "employee, date and hours (or time in/out) columns; a grid with one row per employee and one "
    "column per date; a grid with dates down the rows and one column per employee; blocks of rows "
    "per employee (paid hours / overtime / labor cost) under date columns; or one sheet per employee "
    "with Date / Start / End / Hours columns"
)


def _resolved_cells(layouts: list[Layout]) -> set[tuple[str, int, int]]:
    """Grid date headers read through their =prev+1 formula although the reader had no value."""
    resolved = set()
    for layout in layouts:
        header = layout.detection.date_header
        if header is not None:
            resolved |= {(layout.sheet.name, header.row, col) for col in header.dates}
    return resolved


def _read_columns(layout: Layout) -> set[int] | None:
    """The columns a reading takes values from (None: every column, as for a transposed grid)."""
    detection = layout.detection
    if detection.date_column is not None:
        return None
    columns = set(layout.roles)
    if detection.date_header is not None:
        columns |= set(detection.date_header.dates)
    return columns


def _unreadable_cells(layouts: list[Layout], resolved: set[tuple[str, int, int]]) -> list[Issue]:
    """One error issue per error value (#REF!, #VALUE!...) where the reading takes its values: named by the
    sheet's position and the cell, never by content or sheet name. A hidden helper sheet's or a lookup helper
    column's #N/A is no value of the timecard and raises nothing."""
    issues: list[Issue] = []
    for position, layout in enumerate(layouts, start=1):
        sheet = layout.sheet
        if sheet.hidden or layout.family not in families.ENTRY_FAMILIES:
            continue
        columns = _read_columns(layout)
        for row_index, row in enumerate(sheet.rows):
            for col_index, cell in enumerate(row):
                if not isinstance(cell.value, CellError) or (sheet.name, row_index, col_index) in resolved:
                    continue
                if columns is not None and col_index not in columns:
                    continue
                ref = cell_ref(row_index, col_index)
                issues.append(Issue(
                    code="UNREADABLE_CELL", severity="error",
                    message=f"Cell {ref} on sheet {position} holds a spreadsheet error value and was not read",
                    details={"cell": ref}, sheet=position, row=row_index + 1, cells=[ref]))
    return issues


def _uncertain_layouts(workbook: Workbook, layouts: list[Layout]) -> list[Issue]:
    """A sheet two families read about equally well goes to a person, saying what was guessed."""
    issues = []
    for position, layout in enumerate(layouts, start=1):
        alternatives = layout.detection.alternatives
        if layout.family in families.ENTRY_FAMILIES and alternatives:
            issues.append(Issue(
                code="LAYOUT_UNCERTAIN", severity="warning",
                message=(f"Sheet {position} was read as {layout.family.replace('_', ' ')}, but it fits "
                         f"{', '.join(a.replace('_', ' ') for a in alternatives)} almost as well; confirm the "
                         "column mapping (confirmMapping) if the entries look wrong"),
                details={"family": layout.family, "alternatives": list(alternatives)}, sheet=position))
    return issues


_EXEMPT_TITLE = re.compile(r"(?<!non)(?<!non-)(?<!non )\bexempt\b", re.IGNORECASE)


def _titled_exempt(layout: Layout) -> bool:
    """A sheet whose banner calls its people exempt ("Tours Exempt Timecards"): they are classified
    exempt, which the compliance engine must then have a person confirm (the duties test)."""
    sheet = layout.sheet
    top = min(sheet.n_rows, (layout.header_rows[0] if layout.header_rows else 10))
    return any(isinstance(cell.value, str) and _EXEMPT_TITLE.search(cell.value)
               for row in sheet.rows[:top] for cell in row)


def _read_entries(layouts: list[Layout], rates: RateBook) -> list[SheetResult]:
    results = []
    for layout in layouts:
        if layout.family in families.ENTRY_FAMILIES:
            result = families.read(layout, rates)
            results.append(result)
            if not result.records:
                layout.notes.append("no entries found on this sheet")
            elif _titled_exempt(layout):
                for record in result.records:
                    info = result.info_for(record.employee)
                    info.employee_id = info.employee_id or record.employee_id
                    if info.exempt is None:
                        info.exempt = True
    return results


def _hidden_sheets_read(positions: list[int]) -> list[Issue]:
    if not positions:
        return []
    named = ", ".join(str(p) for p in positions)
    return [Issue(code="HIDDEN_SHEET_READ", severity="warning",
                  message=(f"No visible sheet holds timecard entries; the entries were read from hidden sheet(s) "
                           f"{named}. Unhide the sheet that is the real timecard, or confirm these entries"),
                  details={"sheets": positions}, sheet=positions[0])]


def extract(workbook: Workbook, settings: OperationalSettings, mappings: dict[str, dict] | None = None) -> Extraction:
    # ``families`` is used through the module: it imports the readers, which import this package.
    layouts = [families.detect_layout(sheet, date1904=workbook.date1904, mappings=mappings)
               for sheet in workbook.sheets]
    side_results: list[SheetResult] = []
    for layout in layouts:
        if layout.family in families.BY_NAME and layout.family not in families.ENTRY_FAMILIES:
            side_results.append(families.read(layout, None))
    infos: dict[str, EmployeeInfo] = {}
    for result in side_results:
        for key, info in result.infos.items():
            if key in infos:
                infos[key].update(info)
            else:
                infos[key] = info
    rates = RateBook(infos)
    # Visible sheets first. Hidden sheets are most often helpers or earlier weeks kept for reference:
    # they are read only when no visible sheet holds entries, and then the result says so.
    entry_results = _read_entries([x for x in layouts if not x.sheet.hidden], rates)
    hidden_read: list[int] = []
    if not any(result.records for result in entry_results):
        entry_results = _read_entries([x for x in layouts if x.sheet.hidden], rates)
        hidden_read = [position for position, x in enumerate(layouts, start=1)
                       if x.sheet.hidden and x.family in families.ENTRY_FAMILIES]
    else:
        for layout in layouts:
            if layout.sheet.hidden and layout.family in families.ENTRY_FAMILIES:
                layout.notes.append("hidden sheet not read: the visible sheets hold the entries")
    timecards, loose_totals = merge(entry_results + side_results)
    if not timecards:
        raise InputError(UNRECOGNIZED_LAYOUT, EXPECTED_LAYOUTS)
    schemas = [build_schema(layout) for layout in layouts]
    checked = reconcile(timecards, loose_totals)
    for schema in schemas:
        schema.reconciliation = checked.get(schema.sheet)
    with_entries = {r.source.sheet for result in entry_results for r in result.records if r.source}
    period, period_stated = _period(layouts, timecards, with_entries)
    return Extraction(
        timecards=timecards,
        sheets=schemas,
        stated_totals=loose_totals,
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        period_stated=period_stated,
        issues=(_unreadable_cells(layouts, _resolved_cells(layouts)) + _uncertain_layouts(workbook, layouts)
                + [issue for result in entry_results + side_results for issue in result.issues]
                + _hidden_sheets_read(hidden_read)),
        markdown={layout.sheet.name: sheet_markdown(layout) for layout in layouts},
    )


def _period(layouts: list[Layout], timecards,
            with_entries: set[str]) -> tuple[tuple[dt.date, dt.date] | None, bool]:
    """The pay period and whether the file states it: from the visible sheets that hold entries (one sheet
    per week: all of them together); a hidden helper sheet's or an empty template sheet's dates never
    decide it. Without a stated period, the span of the entries' dates."""
    visible = [layout for layout in layouts if not layout.sheet.hidden]
    stated = [layout.period for layout in visible if layout.period and layout.sheet.name in with_entries]
    if stated:
        return (min(p[0] for p in stated), max(p[1] for p in stated)), True
    stated = [layout.period for layout in visible if layout.period]
    if stated:
        return stated[0], True
    dates = [e.date for card in timecards for e in card.entries]
    return ((min(dates), max(dates)) if dates else None), False


def describe_unread(workbook: Workbook, mappings: dict[str, dict] | None = None) -> Extraction:
    """What a second reader (the LLM extractor) is given when no family could read the file: every
    sheet's schema and normalized text (sensitive columns left out), and no timecards."""
    layouts = [families.detect_layout(sheet, date1904=workbook.date1904, mappings=mappings)
               for sheet in workbook.sheets]
    return Extraction(timecards=[], sheets=[build_schema(layout) for layout in layouts],
                      markdown={layout.sheet.name: sheet_markdown(layout) for layout in layouts
                                if not layout.sheet.hidden},
                      period_stated=False)


__all__ = ["describe_unread", "extract"]
