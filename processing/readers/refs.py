"""A1-style cell references <-> 0-based (row, column) indexes."""

from __future__ import annotations

import re
from functools import lru_cache

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


@lru_cache(maxsize=4096)
def column_index(letters: str) -> int:
    """0-based index of a column name: A -> 0, Z -> 25, AA -> 26."""
    index = 0
    for char in letters.upper():
        index = index * 26 + (ord(char) - 64)
    return index - 1


def column_letters(index: int) -> str:
    """Inverse of column_index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def parse_ref(ref: str) -> tuple[int, int] | None:
    match = _REF.fullmatch(ref.strip())
    if not match:
        return None
    return int(match.group(2)) - 1, column_index(match.group(1))


def cell_ref(row: int, col: int) -> str:
    return f"{column_letters(col)}{row + 1}"
