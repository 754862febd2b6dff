"""What calamine does not tell us about an xlsx sheet, read from the sheet XML itself.

calamine gives values, but not hidden rows/columns, number formats, formula text, which
cells hold Excel errors (it turns them into ""), or which formula cells have no cached
value. It also builds a dense grid spanning the furthest cell reference and aborts the
process when that allocation fails, so the sheet's extent must be checked first.

Two scanners produce the same ``SheetStructure``:

* a fast one that runs C-level regular expressions over the raw XML and only does Python
  work per *interesting* cell (styled with a non-General format, formula, error). It
  relies on the layout every mainstream writer uses (Excel, openpyxl, XlsxWriter,
  LibreOffice): every <c> and <row> starts with its r="..." attribute, double quotes;
* an exact ElementTree scanner for everything else (implicit positions, single quotes,
  attribute order). It is ~10x slower, which is fine for the unusual writers needing it.

Measured on a 50k-row x 7-column sheet (17 MB XML, 150k date/time-formatted cells) on a
loaded 2-CPU box: fast scan 0.15-0.35 s, ElementTree iterparse ~1.7 s, openpyxl read_only
~5 s, calamine's own value read 0.3-0.8 s.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from processing.readers.cells import INVALID_NUMBER, checked_number
from processing.readers.limits import ReadLimits, check_columns, check_rows
from processing.readers.number_formats import classify
from processing.readers.package import corrupt
from processing.readers.refs import cell_ref, column_index, column_letters, parse_ref

Position = tuple[int, int]


class FormattedCells:
    """(row, col, format) of every cell whose style has a non-General number format.

    On big sheets this is the one per-cell Python loop, so the fast scanner keeps the raw
    regex matches and decodes them while the reader walks them, instead of building a
    dict first (that extra pass cost ~0.15 s on 150k formatted cells).
    """

    def __init__(self) -> None:
        self._by_position: dict[Position, str] = {}
        self._raw: list[tuple[bytes, bytes, bytes]] = []
        self._format_of_style: dict[bytes, str] = {}

    def add(self, row: int, col: int, number_format: str) -> None:
        self._by_position[(row, col)] = number_format

    def add_raw(
        self,
        matches: list[tuple[bytes, bytes, bytes]],
        format_of_style: dict[bytes, str],
    ) -> None:
        self._raw = matches
        self._format_of_style = format_of_style

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        for (row, col), number_format in self._by_position.items():
            yield row, col, number_format
        format_of_style = self._format_of_style
        column_of: dict[bytes, int] = {}
        for letters, row_text, style in self._raw:
            col = column_of.get(letters)
            if col is None:
                col = column_of[letters] = column_index(letters.decode())
            yield int(row_text) - 1, col, format_of_style[style]

    def __len__(self) -> int:
        return len(self._by_position) + len(self._raw)


@dataclass
class SheetStructure:
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    formatted_cells: FormattedCells = field(default_factory=FormattedCells)
    formulas: dict[Position, str] = field(default_factory=dict)
    uncached_formulas: set[Position] = field(default_factory=set)
    errors: dict[Position, str] = field(default_factory=dict)
    # The extent of the cells that hold something (not the <dimension> the file claims, not
    # formatted-but-empty cells): 1-based last row and column, and how many such cells.
    last_row: int = 0
    last_column: int = 0
    cell_count: int = 0
    # Cells holding a number no spreadsheet holds (NaN, INF, 1e309...): read as #NUM!.
    invalid_numbers: list[Position] = field(default_factory=list)
    # The element prefix when the sheet has the mainstream layout the fast scanner reads
    # (every <c> opens with r="..."), None otherwise.
    fast_layout_prefix: bytes | None = None

    @property
    def grid_cells(self) -> int:
        """How many cells a dense grid from A1 to the furthest filled cell would hold."""
        return self.last_row * self.last_column


def check_extent(xml: bytes, sheet_label: str, limits: ReadLimits, prefix: bytes | None) -> None:
    """Refuse a sheet with a cell reference beyond the row or column limit.

    The pattern matches only references *beyond* the limits (see _exceeding), so a sheet
    within limits costs one pass of C code and an oversized one is refused at its first
    offending cell without per-cell Python work, before calamine can try to allocate the
    grid. With ``prefix`` (every <c> opens with r="...") the pattern is anchored on that
    layout, ~10x faster than the tolerant one (any attribute order, quotes, prefix).
    """
    rows_over = _exceeding(str(limits.max_rows), rb"[0-9]", _higher_digit)
    cols_over = _exceeding(column_letters(limits.max_columns - 1), rb"[A-Z]", _higher_letter)
    beyond = rb"(?:[A-Z]+" + rows_over + rb"|" + cols_over + rb"[0-9]+)"
    # A self-closing <c .../> holds nothing, only formatting: it does not count.
    if prefix is not None:
        over = re.compile(rb"<" + re.escape(prefix) + rb'c r="' + beyond + rb'"[^>]*?(?<!/)>')
    else:
        over = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br=[\"']" + beyond + rb"[\"'][^>]*?(?<!/)>")
    match = over.search(xml)
    if match is None:
        return
    ref = re.search(rb'\br=["\']([A-Z]+)([0-9]+)', match.group(0))
    if ref is None:  # pragma: no cover - the pattern above guarantees the shape
        return
    check_rows(sheet_label, int(ref.group(2)), limits)
    check_columns(sheet_label, column_index(ref.group(1).decode()) + 1, limits)


def scan_sheet(
    xml: bytes,
    sheet_label: str,
    style_formats: list[str | None],
    limits: ReadLimits,
    grid_budget: int | None = None,
) -> SheetStructure:
    """The sheet's structure. With ``grid_budget``, the fast scanner settles for an upper
    bound of the filled extent when that bound already fits the budget (one C-level search
    instead of a pass that builds a tuple per cell); without it the extent is exact."""
    prefix = _element_prefix(xml)
    if prefix is not None and _fast_scan_applies(xml, prefix):
        check_extent(xml, sheet_label, limits, prefix)
        structure = _FastScanner(xml, prefix, sheet_label, style_formats, limits, grid_budget).scan()
        structure.fast_layout_prefix = prefix
    else:
        check_extent(xml, sheet_label, limits, None)
        structure = _exact_scan(xml, sheet_label, style_formats, limits)
    if any(classify(code) for code in style_formats if code):
        # calamine turns a date-formatted NaN into 1899-12-30 and other converted values
        # into real-looking dates or durations; without such formats checked_number sees
        # the raw float and needs no scan.
        structure.invalid_numbers = invalid_number_cells(xml)
        for position in structure.invalid_numbers:
            structure.errors.setdefault(position, INVALID_NUMBER.code)
    return structure


# <v> texts that parse as a float no spreadsheet holds: NaN, infinities, and exponents of
# three digits (1e309 overflows, 5e-324 is subnormal). Real writers never produce them.
_SUSPECT_VALUE = re.compile(
    rb"<(?:\w+:)?v>\s*([-+]?(?:[nN][aA][nN]|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[0-9.]+[eE][-+]?[0-9]{3,}))\s*</"
)
_CELL_START = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=[\"']([A-Z]+[0-9]+)[\"']")


def without_invalid_numbers(xml: bytes) -> bytes:
    """The sheet XML with every number no spreadsheet holds replaced by 0.

    For calamine's copy only: it panics converting INF under a duration format, which would
    refuse the whole file for one cell. The cells still read as #NUM! (their positions are
    in ``SheetStructure.invalid_numbers`` and the overlay puts the error on top).
    """

    def neutral(match: re.Match[bytes]) -> bytes:
        try:
            invalid = checked_number(float(match.group(1))) is INVALID_NUMBER
        except ValueError:
            invalid = False
        if not invalid:
            return match.group(0)
        start, end = match.span(1)
        return match.group(0)[: start - match.start()] + b"0" + match.group(0)[end - match.start() :]

    return _SUSPECT_VALUE.sub(neutral, xml)


def invalid_number_cells(xml: bytes) -> list[Position]:
    """Cells whose value is a number Excel cannot hold (see cells.checked_number).

    calamine reads them as floats, or, under a date format, as 1899-12-30: a real-looking
    date. One C-level search finds none on an ordinary sheet; each hit looks back to its
    cell's reference (cells without one are left to checked_number).
    """
    out: list[Position] = []
    for match in _SUSPECT_VALUE.finditer(xml):
        try:
            number = float(match.group(1))
        except ValueError:
            continue
        if checked_number(number) is not INVALID_NUMBER:
            continue
        opening = xml.rfind(b"<", 0, max(xml.rfind(b"c ", 0, match.start()), 0) + 1)
        cell = _CELL_START.match(xml, opening) if opening >= 0 else None
        position = parse_ref(cell.group(1).decode()) if cell else None
        if position is not None:
            out.append(position)
    return out


# ----------------------------------------------------------------------------- helpers

_DIGITS = re.compile(rb"[0-9]+")
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData[\s/>]")
_TRUE = ("1", "true")


def _element_prefix(xml: bytes) -> bytes | None:
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 XML: only the exact scanner decodes it
    match = _SHEET_DATA.search(xml)
    if match is None:
        return b""
    return match.group(1) or b""


def _fast_scan_applies(xml: bytes, p: bytes) -> bool:
    """True when every <c> and <row> opens with r="...": one C-level pass finds any exception."""
    p = re.escape(p)
    exception = re.compile(rb"<" + p + rb"(?:c|row)(?=[\s/>])(?! r=\")")
    return exception.search(xml) is None


def _text(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", "replace"))


def _merge_range(ref: str) -> tuple[int, int, int, int] | None:
    first, _, last = ref.partition(":")
    start = parse_ref(first)
    end = parse_ref(last or first)
    if start is None or end is None:
        return None
    return (
        min(start[0], end[0]),
        min(start[1], end[1]),
        max(start[0], end[0]),
        max(start[1], end[1]),
    )


def _hidden_column_span(min_col: str | None, max_col: str | None, limits: ReadLimits) -> range:
    try:
        first = int(min_col or "0")
        last = int(max_col or min_col or "0")
    except ValueError:
        return range(0)
    # <col min="5" max="16384" hidden="1"/> hides "everything to the right"; only the
    # columns a sheet may actually have are worth a set entry.
    last = min(last, limits.max_columns)
    return range(max(first, 1) - 1, last)


def _higher_digit(char: int) -> bytes | None:
    return None if char >= ord("9") else b"[" + bytes([char + 1]) + b"-9]"


def _higher_letter(char: int) -> bytes | None:
    return None if char >= ord("Z") else b"[" + bytes([char + 1]) + b"-Z]"


def _exceeding(limit: bytes | str, symbol: bytes, higher: object) -> bytes:
    """A regex for tokens (digit strings, column letters) that sort after ``limit``.

    Longer tokens always exceed; tokens of the same length exceed when, after a common
    prefix, one symbol is higher (e.g. for 200000: [3-9]ddddd | 2[1-9]dddd | ...).
    """
    limit_bytes = limit.encode() if isinstance(limit, str) else limit
    n = len(limit_bytes)
    options = [symbol + b"{%d,}" % (n + 1)]
    for i, char in enumerate(limit_bytes):
        bigger = higher(char)  # type: ignore[operator]
        if bigger is not None:
            options.append(re.escape(limit_bytes[:i]) + bigger + symbol + b"{%d}" % (n - i - 1))
    return b"(?:" + b"|".join(options) + b")"


class _SharedFormulas:
    """Excel stores a filled-down formula once (the master) and references it by ``si``."""

    def __init__(self) -> None:
        self._masters: dict[str, Any] = {}  # openpyxl Translators, imported only for shared formulas

    def master(self, si: str, text: str, origin: str) -> None:
        try:
            from openpyxl.formula.translate import Translator  # ~0.7 s import: only when needed

            self._masters[si] = Translator("=" + text, origin=origin)
        except Exception:  # noqa: BLE001 - an untokenisable formula just loses its copies' text
            self._masters.pop(si, None)

    def copy_at(self, si: str, ref: str) -> str | None:
        translator = self._masters.get(si)
        if translator is None:
            return None
        try:
            return translator.translate_formula(ref)
        except Exception:  # noqa: BLE001
            return None


def _is_cached(cell_type: str | None, value: bytes | str | None) -> bool:
    """Whether a formula cell carries a computed value.

    A formula whose result is the empty string is written as t="str" with an empty <v>;
    that *is* a cached value. A numeric formula with no <v> (or <v/>) was never computed.
    """
    if value is None:
        return False
    if value:
        return True
    return cell_type in ("str", "s", "inlineStr")


# ------------------------------------------------------------------------- fast scanner


class _FastScanner:
    def __init__(
        self,
        xml: bytes,
        p: bytes,
        sheet_label: str,
        style_formats: list[str | None],
        limits: ReadLimits,
        grid_budget: int | None = None,
    ):
        self.grid_budget = grid_budget
        self.xml = xml
        self.raw_prefix = p
        self.p = re.escape(p)
        self.sheet_label = sheet_label
        self.style_formats = style_formats
        self.limits = limits
        self.out = SheetStructure()

    def scan(self) -> SheetStructure:
        self._extent()
        self._hidden_rows()
        self._columns()
        self._merges()
        self._number_formats()
        self._errors()
        self._formulas()
        return self.out

    def _extent(self) -> None:
        if self.grid_budget is not None and self._extent_bound_fits():
            return
        # One pass over the cells that are not self-closing (those hold nothing); the
        # per-match Python work is a set insert and an int(). ~1 s on 350k cells.
        refs = re.findall(rb"<" + self.p + rb'c r="([A-Z]+)([0-9]+)"[^>]*?(?<!/)>', self.xml)
        if not refs:
            return
        letters = {ref[0] for ref in refs}
        self.out.cell_count = len(refs)
        self.out.last_row = max(map(int, (ref[1] for ref in refs)))
        self.out.last_column = max(column_index(text.decode()) for text in letters) + 1

    def _extent_bound_fits(self) -> bool:
        """Set an upper bound of the extent and return True when it fits ``grid_budget``.

        Rows are in order in this layout, so the last <row r="N"> bounds the rows; then a
        single search asks whether any cell lies right of budget // N columns.
        """
        at = self.xml.rfind(b"<" + self.raw_prefix + b'row r="')
        if at < 0:
            return True  # no rows: nothing to bound
        digits = _DIGITS.match(self.xml, at + len(self.raw_prefix) + 8)
        last_row = int(digits.group(0)) if digits else 0
        if last_row == 0:
            return False
        columns = max(1, self.grid_budget // last_row)  # type: ignore[operator]
        if columns >= self.limits.max_columns:
            columns = self.limits.max_columns  # check_extent already refused anything wider
        else:
            wider = _exceeding(column_letters(columns - 1), rb"[A-Z]", _higher_letter)
            if re.search(rb"<" + self.p + rb'c r="' + wider + rb"[0-9]", self.xml):
                return False
        self.out.last_row, self.out.last_column = last_row, columns
        self.out.cell_count = self.xml.count(b"<" + self.raw_prefix + b"c ")  # self-closing ones too: a bound
        return True

    def _hidden_rows(self) -> None:
        pattern = re.compile(rb"<" + self.p + rb'row r="(\d+)"[^>]*?\shidden="(?:1|true)"')
        for match in pattern.finditer(self.xml):
            row = int(match.group(1)) - 1
            if row < self.limits.max_rows:
                self.out.hidden_rows.add(row)

    def _before_sheet_data(self) -> bytes:
        end = self.xml.find(b"<" + self.raw_prefix + b"sheetData")
        return self.xml[:end] if end >= 0 else self.xml

    def _after_sheet_data(self) -> bytes:
        start = self.xml.rfind(b"</" + self.raw_prefix + b"sheetData>")
        return self.xml[start:] if start >= 0 else self.xml

    def _columns(self) -> None:
        attrs = re.compile(rb'(\w+)="([^"]*)"')
        # <cols> precedes <sheetData> in the schema: no need to scan the cells.
        for match in re.finditer(rb"<" + self.p + rb"col\s([^>]*)>", self._before_sheet_data()):
            values = {k.decode(): v.decode() for k, v in attrs.findall(match.group(1))}
            if values.get("hidden", "").lower() in _TRUE:
                self.out.hidden_columns.update(_hidden_column_span(values.get("min"), values.get("max"), self.limits))

    def _merges(self) -> None:
        # <mergeCells> follows </sheetData>.
        for match in re.finditer(
            rb"<" + self.p + rb'mergeCell\s[^>]*?ref="([^"]+)"',
            self._after_sheet_data(),
        ):
            merged = _merge_range(match.group(1).decode())
            if merged is not None:
                self.out.merged.append(merged)

    def _number_formats(self) -> None:
        interesting = [str(i).encode() for i, code in enumerate(self.style_formats) if code]
        if not interesting:
            return
        format_of = {str(i).encode(): code for i, code in enumerate(self.style_formats) if code}
        pattern = re.compile(rb"<" + self.p + rb'c r="([A-Z]+)(\d+)"[^>]*? s="(' + b"|".join(interesting) + rb')"')
        self.out.formatted_cells.add_raw(pattern.findall(self.xml), format_of)

    def _errors(self) -> None:
        if b't="e"' not in self.xml:
            return
        p = self.p
        pattern = re.compile(
            rb"<" + p + rb'c r="([A-Z]+)(\d+)"[^>]*? t="e"[^>/]*>.*?<' + p + rb"v>([^<]*)</" + p + rb"v>",
            re.DOTALL,
        )
        for letters, row, code in pattern.findall(self.xml):
            self.out.errors[(int(row) - 1, column_index(letters.decode()))] = _text(code).strip()

    def _formulas(self) -> None:
        # Every formula cell has a closing </f> somewhere (shared copies need a master), and
        # a 4-byte needle is searched several times faster than "<f".
        if self.xml.find(b"</" + self.raw_prefix + b"f>") < 0:
            return
        p = self.p
        cell = re.compile(
            rb"<"
            + p
            + rb'c r="([A-Z]+)(\d+)"([^>]*)>\s*<'
            + p
            + rb"f\b([^>]*?)(?:/>|>(.*?)</"
            + p
            + rb"f>)(.*?)</"
            + p
            + rb"c>",
            re.DOTALL,
        )
        value = re.compile(rb"<" + p + rb"v(?:\s[^>]*)?(?:/>|>(.*?)</" + p + rb"v>)", re.DOTALL)
        cell_type = re.compile(rb'\bt="(\w+)"')
        shared_index = re.compile(rb'\bsi="(\d+)"')
        shared = _SharedFormulas()
        for letters_b, row_b, cell_attrs, f_attrs, f_text, rest in cell.findall(self.xml):
            if cell_attrs.endswith(b"/"):
                continue
            letters = letters_b.decode()
            row = int(row_b) - 1
            col = column_index(letters)
            ref = f"{letters}{row + 1}"
            text = _text(f_text) if f_text else ""
            si_match = shared_index.search(f_attrs) if b"shared" in f_attrs else None
            formula: str | None = "=" + text if text else None
            if si_match is not None:
                si = si_match.group(1).decode()
                if text:
                    shared.master(si, text, ref)
                else:
                    formula = shared.copy_at(si, ref)
            if formula is not None:
                self.out.formulas[(row, col)] = formula
            type_match = cell_type.search(cell_attrs)
            value_match = value.search(rest)
            cached = value_match.group(1) if value_match else None
            if value_match and cached is None:
                cached = b""
            if not _is_cached(type_match.group(1).decode() if type_match else None, cached):
                self.out.uncached_formulas.add((row, col))


# ------------------------------------------------------------------------ exact scanner


def _exact_scan(xml: bytes, sheet_label: str, style_formats: list[str | None], limits: ReadLimits) -> SheetStructure:
    out = SheetStructure()
    shared = _SharedFormulas()
    row_index = -1
    col_index = -1
    try:
        for event, element in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                # Row attributes are complete at its start; cells without r count from here.
                if tag == "row":
                    r = element.get("r")
                    row_index = int(r) - 1 if r and r.isdigit() else row_index + 1
                    col_index = -1
                    if element.get("hidden", "").lower() in _TRUE and row_index < limits.max_rows:
                        out.hidden_rows.add(row_index)
                continue
            if tag == "c":
                ref = element.get("r")
                position = parse_ref(ref) if ref else None
                if position is not None:
                    row_index, col_index = position
                else:
                    col_index += 1
                _exact_cell(
                    element,
                    row_index,
                    col_index,
                    out,
                    shared,
                    style_formats,
                    sheet_label,
                    limits,
                )
            elif tag == "row":
                element.clear()
            elif tag == "col" and element.get("hidden", "").lower() in _TRUE:
                out.hidden_columns.update(_hidden_column_span(element.get("min"), element.get("max"), limits))
            elif tag == "mergeCell":
                merged = _merge_range(element.get("ref", ""))
                if merged is not None:
                    out.merged.append(merged)
    except ET.ParseError:
        raise corrupt(f"{sheet_label} is not valid XML") from None
    return out


def _exact_cell(
    element: ET.Element,
    row: int,
    col: int,
    out: SheetStructure,
    shared: _SharedFormulas,
    style_formats: list[str | None],
    sheet_label: str,
    limits: ReadLimits,
) -> None:
    children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
    has_content = bool(children)
    if has_content:
        check_rows(sheet_label, row + 1, limits)
        check_columns(sheet_label, col + 1, limits)
        out.cell_count += 1
        out.last_row = max(out.last_row, row + 1)
        out.last_column = max(out.last_column, col + 1)
    style = element.get("s")
    if style and style.isdigit() and int(style) < len(style_formats) and style_formats[int(style)]:
        out.formatted_cells.add(row, col, style_formats[int(style)])  # type: ignore[arg-type]
    value = children.get("v")
    cell_type = element.get("t")
    if cell_type == "e" and value is not None and value.text:
        out.errors[(row, col)] = value.text.strip()
    formula_element = children.get("f")
    if formula_element is None:
        return
    ref = cell_ref(row, col)
    text = formula_element.text or ""
    formula: str | None = "=" + text if text else None
    if formula_element.get("t") == "shared" and formula_element.get("si") is not None:
        si = formula_element.get("si", "")
        if text:
            shared.master(si, text, ref)
        else:
            formula = shared.copy_at(si, ref)
    if formula is not None:
        out.formulas[(row, col)] = formula
    cached = None if value is None else (value.text or "")
    if not _is_cached(cell_type, cached):
        out.uncached_formulas.add((row, col))
