from __future__ import annotations

import re

import pytest

from processing.errors import TOO_MANY_COLUMNS, TOO_MANY_ROWS, InputError
from processing.readers.limits import ReadLimits
from processing.readers.refs import column_index, column_letters
from processing.readers.sheet_scan import (
    _exceeding,
    _higher_digit,
    _higher_letter,
    check_extent,
)


@pytest.mark.parametrize("limit", [1, 9, 10, 20, 99, 100, 123, 1000, 200_000])
def test_row_pattern_matches_exactly_the_numbers_above_the_limit(limit):
    pattern = re.compile(b"^" + _exceeding(str(limit), rb"[0-9]", _higher_digit) + b"$")
    for n in [*range(1, 3000), limit - 1, limit, limit + 1, 10 * limit, 1_048_576]:
        if n >= 1:
            assert bool(pattern.match(str(n).encode())) == (n > limit), n


@pytest.mark.parametrize("limit", [1, 5, 26, 27, 702, 703, 1000, 16384])
def test_column_pattern_matches_exactly_the_columns_above_the_limit(limit):
    letters = column_letters(limit - 1).encode()
    pattern = re.compile(b"^" + _exceeding(letters, rb"[A-Z]", _higher_letter) + b"$")
    for col in range(1, 16385):
        assert bool(pattern.match(column_letters(col - 1).encode())) == (col > limit), col


def test_refs_round_trip():
    for index in (0, 25, 26, 701, 702, 16383):
        assert column_index(column_letters(index)) == index


@pytest.mark.parametrize("prefix", [b"", None])
def test_check_extent_on_both_layouts(prefix):
    limits = ReadLimits(max_rows=100, max_columns=10)
    fine = b'<c r="J100"><v>1</v></c><c r="K101" s="1"/>'
    check_extent(fine, "Sheet 1", limits, prefix)
    with pytest.raises(InputError) as too_low:
        check_extent(
            b'<c r="A1"><v>1</v></c><c r="B101" t="n"><v>1</v></c>',
            "Sheet 1",
            limits,
            prefix,
        )
    assert too_low.value.code == TOO_MANY_ROWS
    with pytest.raises(InputError) as too_wide:
        check_extent(b'<c r="K1"><v>1</v></c>', "Sheet 1", limits, prefix)
    assert too_wide.value.code == TOO_MANY_COLUMNS


def test_tolerant_extent_check_sees_any_attribute_order_quote_and_prefix():
    limits = ReadLimits(max_rows=100, max_columns=10)
    with pytest.raises(InputError) as caught:
        check_extent(b"<x:c s='1' r='A500'><x:v>1</x:v></x:c>", "Sheet 1", limits, None)
    assert caught.value.code == TOO_MANY_ROWS
