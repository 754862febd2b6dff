"""Cell values of an xlsx sheet whose cells are few but far apart, read without calamine.

calamine builds a dense grid from A1 to the furthest cell. A sheet with one cell at A1 and
one at ALL200000 (both within the row and column limits) makes it allocate 200 million
cells, 6.4 GB, and abort the process (SIGABRT: a Rust allocation failure is no Python
exception). Such sheets occur in real files too: a timecard with one stray value typed far
below or to the right of the table. For those, this module reads the values itself into
ragged rows (each row only as long as its last cell), so memory follows the cells that
exist, not the rectangle they span.

Values match calamine's for the same cells: numbers as float, booleans, strings (shared
and inline), and date/time/duration-formatted serials converted the same way. Error
values and uncomputed formulas are left to the structure overlay, as on the calamine path.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import xml.etree.ElementTree as ET

from processing.readers.cells import checked_number
from processing.readers.package import corrupt
from processing.readers.refs import column_index, parse_ref
from processing.readers.serials import convert_serial

_TRUE = ("1", "true")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text_of(element: ET.Element) -> str:
    """The visible text of an <si> or <is>: its <t>, or its runs' <t>s; phonetic runs skipped."""
    parts: list[str] = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def read_shared_strings(xml: bytes | None) -> list[str]:
    if not xml:
        return []
    out: list[str] = []
    try:
        for _event, element in ET.iterparse(io.BytesIO(xml), events=("end",)):
            if _local(element.tag) == "si":
                out.append(_text_of(element))
                element.clear()
    except ET.ParseError:
        raise corrupt("the shared strings are not valid XML") from None
    return out


def read_sparse_values(
    xml: bytes,
    shared_strings: list[str],
    style_formats: list[str | None],
    date1904: bool,
    sheet_label: str,
    prefix: bytes | None = None,
) -> list[list[object]]:
    """Ragged rows of raw values ("" for an empty slot), like calamine's to_python.

    ``prefix`` (the element prefix, b"" for none) says the sheet has the mainstream layout
    the fast scanner relies on (every <c> opens with r="..."): then regular expressions read
    the cells, ~5x faster than ElementTree; otherwise ElementTree does.
    """
    if prefix is not None:
        return _fast_sparse_values(xml, prefix, shared_strings, style_formats, date1904)
    return _exact_sparse_values(xml, shared_strings, style_formats, date1904, sheet_label)


def _fast_sparse_values(
    xml: bytes,
    prefix: bytes,
    shared_strings: list[str],
    style_formats: list[str | None],
    date1904: bool,
) -> list[list[object]]:
    p = re.escape(prefix)
    cell = re.compile(rb"<" + p + rb'c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</' + p + rb"c>)", re.DOTALL)
    value = re.compile(rb"<" + p + rb"v(?:\s[^>]*)?>(.*?)</" + p + rb"v>", re.DOTALL)
    text = re.compile(rb"<" + p + rb"t(?:\s[^>]*)?>(.*?)</" + p + rb"t>", re.DOTALL)
    phonetic = re.compile(rb"<" + p + rb"rPh\b.*?</" + p + rb"rPh>", re.DOTALL)
    cell_type = re.compile(rb'\st="(\w+)"')
    style = re.compile(rb'\ss="([0-9]+)"')
    rows: list[list[object]] = []
    column_of: dict[bytes, int] = {}
    for letters, row_text, attributes, body in cell.findall(xml):
        if not body:
            continue  # self-closing or empty: holds nothing
        kind_match = cell_type.search(attributes)
        kind = kind_match.group(1) if kind_match else b"n"
        if kind == b"inlineStr":
            content = phonetic.sub(b"", body)
            result: object = _unescape(b"".join(text.findall(content)))
        else:
            raw_match = value.search(body)
            if raw_match is None:
                continue
            result = _typed(kind, raw_match.group(1), attributes, style, shared_strings, style_formats, date1904)
        if result == "" or result is None:
            continue
        col = column_of.get(letters)
        if col is None:
            col = column_of[letters] = column_index(letters.decode())
        _place(rows, int(row_text) - 1, col, result)
    return rows


def _unescape(raw: bytes) -> str:
    decoded = raw.decode("utf-8", "replace")
    return html.unescape(decoded) if "&" in decoded else decoded


def _typed(
    kind: bytes,
    raw: bytes,
    attributes: bytes,
    style: re.Pattern[bytes],
    shared_strings: list[str],
    style_formats: list[str | None],
    date1904: bool,
) -> object:
    if kind == b"s":
        try:
            return shared_strings[int(raw)]
        except (ValueError, IndexError):
            return ""
    if kind == b"str":
        return _unescape(raw)
    if kind == b"e":
        return ""  # errors come from the structure overlay
    if kind == b"b":
        return raw.strip().lower() in (b"1", b"true")
    if kind == b"d":
        return _iso_date(_unescape(raw))
    try:
        number = float(raw)
    except ValueError:
        return ""
    checked = checked_number(number)
    if not isinstance(checked, float):
        return checked
    style_match = style.search(attributes)
    if style_match is None:
        return checked
    index = int(style_match.group(1))
    number_format = style_formats[index] if index < len(style_formats) else None
    return convert_serial(checked, number_format, date1904) if number_format else checked


def _exact_sparse_values(
    xml: bytes,
    shared_strings: list[str],
    style_formats: list[str | None],
    date1904: bool,
    sheet_label: str,
) -> list[list[object]]:
    rows: list[list[object]] = []
    row_index = -1
    col_index = -1
    try:
        for event, element in ET.iterparse(io.BytesIO(xml), events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "row":
                    r = element.get("r")
                    row_index = int(r) - 1 if r and r.isdigit() else row_index + 1
                    col_index = -1
                continue
            if tag == "c":
                position = parse_ref(element.get("r") or "")
                if position is not None:
                    row_index, col_index = position
                else:
                    col_index += 1
                value = _cell_value(element, shared_strings, style_formats, date1904)
                if value != "" and value is not None:
                    _place(rows, row_index, col_index, value)
            elif tag == "row":
                element.clear()
    except ET.ParseError:
        raise corrupt(f"{sheet_label} is not valid XML") from None
    return rows


def _place(rows: list[list[object]], row: int, col: int, value: object) -> None:
    while len(rows) <= row:
        rows.append([])  # distinct lists: the overlay later extends single rows in place
    target = rows[row]
    if len(target) <= col:
        target.extend([""] * (col + 1 - len(target)))
    target[col] = value


def _cell_value(
    element: ET.Element,
    shared_strings: list[str],
    style_formats: list[str | None],
    date1904: bool,
) -> object:
    cell_type = element.get("t", "n")
    raw: str | None = None
    inline: ET.Element | None = None
    for child in element:
        tag = _local(child.tag)
        if tag == "v":
            raw = child.text or ""
        elif tag == "is":
            inline = child
    if cell_type == "inlineStr":
        return _text_of(inline) if inline is not None else ""
    if raw is None:
        return ""
    if cell_type == "s":
        try:
            return shared_strings[int(raw)]
        except (ValueError, IndexError):
            return ""
    if cell_type in ("str", "e"):
        return raw if cell_type == "str" else ""  # errors come from the structure overlay
    if cell_type == "b":
        return raw.strip().lower() in _TRUE
    if cell_type == "d":
        return _iso_date(raw)
    try:
        number = float(raw)
    except ValueError:
        return ""
    checked = checked_number(number)
    if not isinstance(checked, float):
        return checked
    style = element.get("s")
    number_format = None
    if style and style.isdigit() and int(style) < len(style_formats):
        number_format = style_formats[int(style)]
    return convert_serial(checked, number_format, date1904) if number_format else checked


def _iso_date(raw: str) -> object:
    try:
        moment = dt.datetime.fromisoformat(raw.strip().rstrip("Z"))
    except ValueError:
        return raw  # kept as text: the extraction reports what it cannot read as a date
    return moment.date() if "T" not in raw and " " not in raw.strip() else moment
