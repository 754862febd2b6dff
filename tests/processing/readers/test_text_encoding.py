"""UTF-16 text is text: the upload sniff and the CSV reader both accept it, with or without a BOM."""

from __future__ import annotations

import random

import pytest

from processing.errors import UNSUPPORTED_FORMAT, InputError
from processing.intake import inspect_upload, sniff_format
from processing.readers import read_workbook
from processing.readers.text_encoding import utf16_encoding

ROWS = [["Employee", "Date", "Hours"], ["Müller José", "03/02/2026", "8"], ["Ana", "03/03/2026", "7.5"]]
TEXT = "\r\n".join(",".join(row) for row in ROWS) + "\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-8"), None),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), None),  # UTF-32, not UTF-16
        (bytes(random.Random(1).randrange(256) for _ in range(4096)), None),
        (b"a\x00b", None),  # too short to tell
    ],
)
def test_utf16_is_recognised_from_its_bytes(data, expected):
    assert utf16_encoding(data) == expected


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_csv_is_read(encoding, bom):
    data = TEXT.encode(encoding)
    if bom:
        data = (b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff") + data
    workbook = read_workbook("punches.csv", data)
    assert [[cell.value for cell in row] for row in workbook.sheets[0].rows] == ROWS
    assert workbook.encoding == ("utf-16" if bom else encoding)


@pytest.mark.parametrize("bom", [b"\xff\xfe", b""])
def test_the_upload_sniff_takes_utf16_for_csv_not_binary(bom):
    # the upload refused these as binary (NUL bytes) while the CLI processed them
    data = bom + TEXT.encode("utf-16-le")
    assert sniff_format("punches.csv", data[:8192]) == "csv"
    assert inspect_upload("punches.csv", data, max_bytes=1 << 20).format == "csv"


def test_the_upload_sniff_still_refuses_binary_with_nul_bytes():
    junk = bytes((i * 37 + 11) % 256 for i in range(8192))
    assert b"\x00" in junk[:4096]
    with pytest.raises(InputError) as caught:
        sniff_format("punches.csv", junk)
    assert caught.value.code == UNSUPPORTED_FORMAT


def test_control_characters_that_decode_as_utf8_are_still_binary():
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16]) * 2000
    data.decode("utf-8")  # valid UTF-8: decoding alone proved nothing
    with pytest.raises(InputError) as caught:
        read_workbook("punches.csv", data)
    assert caught.value.code == UNSUPPORTED_FORMAT
