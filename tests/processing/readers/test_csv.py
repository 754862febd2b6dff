from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processing.readers import read_workbook
from processing.readers.csv_reader import sniff_delimiter

HEADER = ["id", "name", "date", "in", "out", "break", "rate"]
ROWS = [
    ["E104", "Muñoz, José", "03/02/2026", "08:30", "17:00", "30", "25.50"],
    ["E105", "Smith, Jane", "03/02/2026", "22:00", "06:00", "0", "€30"],
]


def _encode(rows, delimiter=",", encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def _values(workbook):
    return [[cell.value for cell in row] for row in workbook.sheets[0].rows]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1252", "cp1252"),
        ("utf-16", "utf-16"),
    ],
)
def test_encodings(encoding, expected):
    workbook = read_workbook("punches.csv", _encode([HEADER, *ROWS], encoding=encoding))
    assert workbook.format == "csv"
    assert workbook.encoding == expected
    assert _values(workbook) == [HEADER, *ROWS]  # no BOM left in "id", accents intact


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter):
    workbook = read_workbook("punches.txt", _encode([HEADER, *ROWS], delimiter=delimiter))
    assert workbook.delimiter == delimiter
    assert _values(workbook) == [HEADER, *ROWS]


def test_semicolon_export_with_decimal_commas_is_not_split_on_commas():
    data = "Name;Hours;Rate\nSmith, Jane;8,5;25,50\nDoe, John;7,25;20,00\n".encode("cp1252")
    workbook = read_workbook("export.csv", data)
    assert workbook.delimiter == ";"
    assert _values(workbook)[1] == ["Smith, Jane", "8,5", "25,50"]


def test_one_sheet_named_after_the_file_stem_values_stay_strings():
    workbook = read_workbook("uploads/week 12.csv", _encode([HEADER, ROWS[0]]))
    assert [s.name for s in workbook.sheets] == ["week 12"]
    sheet = workbook.sheets[0]
    assert sheet.index == 0 and sheet.hidden is False
    assert all(isinstance(cell.value, str) for row in sheet.rows for cell in row)


def test_empty_fields_are_empty_cells_and_quoted_newlines_stay_in_one_cell():
    data = b'id,note,rate\nE1,,25\nE2,"line one\nline two",\n'
    values = _values(read_workbook("p.csv", data))
    assert values == [
        ["id", "note", "rate"],
        ["E1", None, "25"],
        ["E2", "line one\nline two", None],
    ]


def test_single_column_file_defaults_to_comma():
    assert sniff_delimiter("name\nJane\nJohn\n") == ","
    assert _values(read_workbook("names.csv", b"name\nJane\n")) == [["name"], ["Jane"]]


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    max_size=12,
).filter(lambda s: s.strip() == s and s != "")


@settings(max_examples=60, deadline=None)
@given(
    grid=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=2, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
)
def test_round_trip_of_any_grid(grid, delimiter):
    workbook = read_workbook("p.csv", _encode(grid, delimiter=delimiter))
    assert _values(workbook) == grid


def test_windows_1252_is_preferred_over_lookalike_code_pages():
    # charset-normalizer alone calls this cp775 (Baltic) and turns "ü" into another letter.
    lines = ["id,name,date"] + [f"E{i},Müller José {i},03/02/2026" for i in range(2000)]
    workbook = read_workbook("p.csv", "\n".join(lines).encode("cp1252"))
    assert workbook.encoding == "cp1252"
    assert workbook.sheets[0].value(1, 1) == "Müller José 0"


def test_non_western_legacy_encoding_is_still_decoded():
    data = "名前,時間\n山田太郎,8\n佐藤花子,7\n".encode("shift_jis") * 20
    workbook = read_workbook("p.csv", data)
    assert workbook.encoding != "cp1252"
    assert workbook.sheets[0].value(1, 0) == "山田太郎"
