"""xlsx / xlsm: values from python-calamine, structure from our own scan of the sheet XML.

Why not openpyxl for structure: on a 50k-row x 7-column sheet openpyxl read_only takes
~5 s to iterate the cells and a full load ~6 s (and formulas plus cached values would need
two loads), against 0.15-0.35 s for the regex scan in sheet_scan.py; calamine reads the
values in 0.3-0.8 s. openpyxl is still used, indirectly, by the ``formulas`` evaluator
when cached values are missing.
"""

from __future__ import annotations

import io
import logging
import re

import python_calamine

from processing.errors import ENCRYPTED_FILE, InputError
from processing.readers.cells import UNAVAILABLE, CellCache, error_value
from processing.readers.formula_eval import evaluate_formulas
from processing.readers.limits import ReadLimits, check_cells, check_columns, check_rows, check_sheets, sheet_label
from processing.readers.ooxml_parts import (
    SheetEntry,
    WorkbookParts,
    read_workbook_parts,
)
from processing.readers.package import Package, corrupt, open_package, rels_path
from processing.readers.refs import cell_ref
from processing.readers.serials import convert_serial
from processing.readers.sheet_scan import SheetStructure, scan_sheet, without_invalid_numbers
from processing.readers.sparse_values import read_shared_strings, read_sparse_values
from processing.workbook import EMPTY_CELL, Cell, CellValue, Sheet

log = logging.getLogger(__name__)

# The largest dense grid calamine is allowed to build for one sheet: 4M cells is ~130 MB of
# calamine cells plus ~35 MB of Python row lists. A 200k-row x 7-column punch export (1.4M)
# stays under it; a sheet whose filled cells span more is read by sparse_values.py instead.
DENSE_GRID_BUDGET = 4_000_000


def read_xlsx(data: bytes, extension: str, limits: ReadLimits) -> tuple[list[Sheet], bool]:
    """Every sheet of the workbook in order, and whether it uses the 1904 date system."""
    package = open_package(data, limits)
    parts = read_workbook_parts(package)
    check_sheets(len(parts.sheets), limits)
    structures = {
        entry.index: scan_sheet(
            package.read(entry.part),
            sheet_label(entry.index),
            parts.style_formats,
            limits,
            DENSE_GRID_BUDGET,
        )
        for entry in parts.sheets
        if entry.part is not None
    }
    check_cells(sum(structure.cell_count for structure in structures.values()), limits)
    # Sheets whose filled cells span a rectangle too big for a dense grid are read sparse
    # (sparse_values.py); calamine only ever sees sheets it can allocate.
    sparse = {index for index, structure in structures.items() if structure.grid_cells > DENSE_GRID_BUDGET}
    values = _calamine_values(package, parts, limits, skip=sparse, structures=structures)
    if sparse:
        values.update(_sparse_values(package, parts, structures, sparse))

    cache = CellCache()
    sheets: list[Sheet] = []
    for entry in parts.sheets:
        structure = structures.get(entry.index, SheetStructure())
        rows = [cache.row(row) for row in values.get(entry.index, [])]
        sheets.append(
            Sheet(
                name=entry.name,
                index=entry.index,
                rows=rows,
                hidden=entry.hidden,
                hidden_rows=structure.hidden_rows,
                hidden_columns=structure.hidden_columns,
                merged=structure.merged,
            )
        )

    # The evaluator (openpyxl underneath) reads only parts already inflated and verified here,
    # never the upload itself: a lying image or drawing part cannot reach its zipfile.
    verified = package.stored_copy(_calamine_parts(package, parts, set()))
    evaluated = _evaluate_missing_values(verified, extension, parts.sheets, structures, sheets)
    for sheet, entry in zip(sheets, parts.sheets, strict=True):
        structure = structures.get(entry.index)
        if structure is not None:
            _overlay_structure(sheet, structure, evaluated.get(entry.name, {}), parts.date1904, cache)
    return sheets, parts.date1904


_SST_OPENING = re.compile(rb"<(?:\w+:)?sst\b[^>]*>")
_DECLARED_COUNT = re.compile(rb"""\s(?:count|uniqueCount)\s*=\s*(?:"[^"]*"|'[^']*')""")


def without_declared_counts(shared_strings: bytes) -> bytes:
    """The shared strings part without its count attributes.

    calamine reserves memory for ``uniqueCount`` strings before reading one: a table
    claiming 2^31 asked for 51 GB and aborted the process. The counts are only hints;
    the strings themselves say how many there are.
    """
    opening = _SST_OPENING.search(shared_strings, 0, 4096)
    if opening is None:
        return shared_strings
    cleaned = _DECLARED_COUNT.sub(b"", opening.group(0))
    return shared_strings[: opening.start()] + cleaned + shared_strings[opening.end() :]


def _sparse_values(
    package: Package,
    parts: WorkbookParts,
    structures: dict[int, SheetStructure],
    sparse: set[int],
) -> dict[int, list[list]]:
    shared = read_shared_strings(package.read_optional(parts.shared_strings_part) if parts.shared_strings_part else None)
    out: dict[int, list[list]] = {}
    for entry in parts.sheets:
        if entry.index in sparse and entry.part is not None:
            log.info(
                "%s read sparse: %d cells spread over %d grid cells",
                sheet_label(entry.index),
                structures[entry.index].cell_count,
                structures[entry.index].grid_cells,
            )
            out[entry.index] = read_sparse_values(
                package.read(entry.part),
                shared,
                parts.style_formats,
                parts.date1904,
                sheet_label(entry.index),
                structures[entry.index].fast_layout_prefix,
            )
    return out


def _calamine_parts(package: Package, parts: WorkbookParts, skip: set[int]) -> list[str]:
    names = [
        "[Content_Types].xml",
        "_rels/.rels",
        parts.workbook_part,
        rels_path(parts.workbook_part),
    ]
    names += [part for part in (parts.shared_strings_part, parts.styles_part) if part]
    # A skipped sheet's part stays in the copy so the workbook's sheet list resolves;
    # calamine parses a sheet only when asked for it, and it is never asked.
    names += [entry.part for entry in parts.sheets if entry.part]
    return [name for name in dict.fromkeys(names) if package.has(name)]


def _calamine_values(
    package: Package,
    parts: WorkbookParts,
    limits: ReadLimits,
    *,
    skip: set[int],
    structures: dict[int, SheetStructure],
) -> dict[int, list[list]]:
    if all(entry.part is None or entry.index in skip for entry in parts.sheets):
        return {}
    rewrite = {parts.shared_strings_part: without_declared_counts} if parts.shared_strings_part else {}
    for entry in parts.sheets:
        structure = structures.get(entry.index)
        if entry.part and structure is not None and structure.invalid_numbers:
            rewrite[entry.part] = without_invalid_numbers
    stored = package.stored_copy(_calamine_parts(package, parts, skip), rewrite)
    out: dict[int, list[list]] = {}
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(stored))
        with workbook:
            for entry in parts.sheets:
                if entry.part is None or entry.index in skip:
                    continue
                sheet = workbook.get_sheet_by_name(entry.name)
                # Belt and braces: the scan already refused out-of-range references.
                check_rows(sheet_label(entry.index), sheet.total_height, limits)
                check_columns(sheet_label(entry.index), sheet.total_width, limits)
                out[entry.index] = sheet.to_python(skip_empty_area=False)
    except InputError:
        raise
    except python_calamine.PasswordError:
        raise InputError(
            ENCRYPTED_FILE,
            "The workbook is password-protected. Remove the password and upload again.",
        ) from None
    except BaseException as exc:  # pyo3 panics derive from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)):
            raise
        log.info("xlsx values unreadable: %s", type(exc).__name__)
        raise corrupt() from None
    return out


def _evaluate_missing_values(
    data: bytes,
    extension: str,
    entries: list[SheetEntry],
    structures: dict[int, SheetStructure],
    sheets: list[Sheet],
) -> dict[str, dict[str, CellValue]]:
    wanted = {
        entry.name: [cell_ref(row, col) for row, col in sorted(structures[entry.index].uncached_formulas)]
        for entry in entries
        if entry.index in structures and structures[entry.index].uncached_formulas
    }
    if not wanted:
        return {}
    total_cells = sum(sheet.n_rows * sheet.n_columns for sheet in sheets)
    every_formula = [text for structure in structures.values() for text in structure.formulas.values()]
    result = evaluate_formulas(data, extension, wanted, total_cells, [entry.name for entry in entries], every_formula)
    if result.failed_reason is None:
        missing = sum(1 for name, refs in wanted.items() for ref in refs if ref not in result.values.get(name, {}))
        if missing:
            log.warning(
                "formula evaluation gave no value for %d cell(s); they read as #N/A",
                missing,
            )
    return result.values


def _overlay_structure(
    sheet: Sheet,
    structure: SheetStructure,
    evaluated: dict[str, CellValue],
    date1904: bool,
    cache: CellCache,
) -> None:
    """Put number formats, formula text and error values onto the calamine grid."""
    rows = sheet.rows
    special = set(structure.formulas) | structure.uncached_formulas | set(structure.errors)
    special_formats: dict[tuple[int, int], str] = {}
    formatted = cache.formatted
    for row, col, number_format in structure.formatted_cells:
        if special and (row, col) in special:
            special_formats[(row, col)] = number_format
            continue
        try:
            value = rows[row][col].value
        except IndexError:
            continue  # a formatted but empty cell beyond the data
        if value is not None:
            rows[row][col] = formatted(value, number_format)
    for row, col in special:
        number_format = special_formats.get((row, col))
        current = rows[row][col].value if row < len(rows) and col < len(rows[row]) else None
        value: CellValue = current
        if (row, col) in structure.errors:
            value = error_value(structure.errors[(row, col)])
        elif (row, col) in structure.uncached_formulas:
            ref = cell_ref(row, col)
            value = evaluated.get(ref, UNAVAILABLE)
            if isinstance(value, float):
                value = convert_serial(value, number_format, date1904)  # type: ignore[assignment]
        _put(
            rows,
            row,
            col,
            Cell(value, number_format, structure.formulas.get((row, col))),
        )


def _put(rows: list[list[Cell]], row: int, col: int, cell: Cell) -> None:
    while len(rows) <= row:
        rows.append([])
    target = rows[row]
    if len(target) <= col:
        target.extend([EMPTY_CELL] * (col + 1 - len(target)))
    target[col] = cell
