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
import io
import xml.etree.ElementTree as ET

from processing.readers.cells import checked_number
from processing.readers.package import corrupt
from processing.readers.refs import parse_ref
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
) -> list[list[object]]:
    """Ragged rows of raw values ("" for an empty slot), like calamine's to_python."""
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
