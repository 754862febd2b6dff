"""Delimited text (time-clock punch exports): one sheet of strings.

Values stay strings: the extraction layer decides what "08:30", "8.5" or "3/4" mean, and
it needs the text exactly as exported for that.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import PurePath

from charset_normalizer import from_bytes

from processing.errors import CORRUPT_FILE, UNSUPPORTED_FORMAT, InputError
from processing.readers.cells import CellCache
from processing.readers.limits import ReadLimits, check_cells, check_columns, check_rows
from processing.readers.text_encoding import utf16_encoding
from processing.workbook import Sheet

CANDIDATE_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_BYTES = 64 * 1024
_SNIFF_LINES = 50
_DETECT_BYTES = 512 * 1024
# Control characters never found in real text exports (tab, CR, LF, FF are fine).
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\r\n\f"} | {"\x7f"}

_NOT_TEXT = (
    "The file is not a text (CSV) file or a spreadsheet we recognise. "
    "Upload the .xlsx, .xls or .csv file exported by your payroll or time-clock system."
)


def read_csv(name: str, data: bytes, limits: ReadLimits) -> tuple[Sheet, str, str]:
    """The single sheet, the encoding used and the delimiter."""
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text)
    sheet_name = PurePath(name).stem or "Sheet1"
    cache = CellCache()
    rows = []
    # "Rows" are physical lines of the reader; a quoted field may span lines, so the
    # newline count is an upper bound that lets the common case skip the check entirely.
    bounded = text.count("\n") + 1 <= limits.max_rows
    cells = 0
    try:
        for fields in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if not bounded and len(rows) >= limits.max_rows:
                check_rows("The file", len(rows) + 1, limits)
            if len(fields) > limits.max_columns:
                check_columns("The file", len(fields), limits)
            cells += len(fields)
            if cells > limits.max_cells:
                check_cells(cells, limits)
            rows.append(cache.row(fields))
    except csv.Error:
        raise InputError(
            CORRUPT_FILE,
            "The CSV file could not be parsed (an unbalanced quote or an oversized field). "
            "Export it again from the source system.",
        ) from None
    return Sheet(name=sheet_name, index=0, rows=rows), encoding, delimiter


def decode_text(data: bytes) -> tuple[str, str]:
    utf16 = utf16_encoding(data[:_SNIFF_BYTES])
    if utf16 is not None:
        # Excel's "Unicode Text" export: UTF-16, with or without a BOM (NUL bytes in every
        # ASCII character). "utf-16" reads a BOM; without one the byte order is the sniff's.
        has_bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        encoding = "utf-16" if has_bom else utf16
        return _decoded(data, encoding), encoding
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(UNSUPPORTED_FORMAT, _NOT_TEXT)
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return _plain_text(data.decode("utf-8-sig")), "utf-8-sig"
        return _plain_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8. US payroll exports that are not UTF-8 are Windows-1252 in practice, and
    # an open-ended guess misreads short Western text (it picked cp775 for "Müller José"),
    # so cp1252 is tried first and only rejected when charset-normalizer finds it
    # implausible (Cyrillic, CJK ...); then its best open guess is used.
    sample = data[:_DETECT_BYTES]
    if from_bytes(sample, cp_isolation=["cp1252"]).best() is not None:
        encoding = "cp1252"
    else:
        guess = from_bytes(sample).best()
        if guess is None:
            raise InputError(UNSUPPORTED_FORMAT, _NOT_TEXT)
        encoding = guess.encoding
    try:
        return _decoded(data, encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(UNSUPPORTED_FORMAT, _NOT_TEXT) from None


def _decoded(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(UNSUPPORTED_FORMAT, _NOT_TEXT) from None
    return _plain_text(text).lstrip("\ufeff")


def _plain_text(text: str) -> str:
    """``text``, unless control characters show it is binary that happened to decode
    (bytes 1-31 are valid UTF-8, so decoding alone proves nothing)."""
    sample = text[:_SNIFF_BYTES]
    if sample and sum(1 for ch in sample if ch in _CONTROL) > max(2, len(sample) // 200):
        raise InputError(UNSUPPORTED_FORMAT, _NOT_TEXT)
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent column count."""
    lines = [line for line in text[:_SNIFF_BYTES].splitlines() if line.strip()][:_SNIFF_LINES]
    if not lines:
        return ","
    sample = "\n".join(lines)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(CANDIDATE_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    scores = {delimiter: _consistency(sample, delimiter) for delimiter in CANDIDATE_DELIMITERS}
    best = max(CANDIDATE_DELIMITERS, key=lambda d: scores[d])
    # The sniffer wins ties: it also weighs quoting, which the count alone ignores.
    if sniffed in scores and scores[sniffed] >= scores[best]:
        return sniffed
    return best if scores[best] > (0.0, 1) else ","


def _consistency(sample: str, delimiter: str) -> tuple[float, int]:
    """(share of lines with the most common field count, that count); 1 column scores low."""
    try:
        counts = [len(fields) for fields in csv.reader(io.StringIO(sample), delimiter=delimiter)]
    except csv.Error:
        return (0.0, 1)
    if not counts:
        return (0.0, 1)
    width, frequency = Counter(counts).most_common(1)[0]
    if width <= 1:
        return (0.0, 1)
    return (round(frequency / len(counts), 2), width)
