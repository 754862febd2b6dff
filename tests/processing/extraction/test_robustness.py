"""Whatever the grid holds, extract() returns an Extraction or refuses with InputError."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.operational_settings import OperationalSettings
from processing.errors import InputError
from processing.extraction import extract
from processing.workbook import Cell, CellError, Sheet, Workbook

SETTINGS = OperationalSettings()

values = st.one_of(
    st.none(),
    st.sampled_from(["Name", "Employee", "Date", "Hours", "Rate", "In", "Out", "Total", "OFF", "HM", "-",
                     "Smith, Jane", "Bo Chen", "PAID HOURS", "OVERTIME", "LABOR COST", "$1,234.50", "8:30",
                     "7:00 AM", "Mon 3/2", "PE: 03/02-03/08/26", "=B1+1", "SSN", "123-45-6789"]),
    st.integers(min_value=-5, max_value=50_000),
    st.floats(min_value=-10, max_value=50_000, allow_nan=False),
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 1, 1)),
    st.times(),
    st.just(CellError("#REF!")),
)


def to_cell(value: object) -> Cell:
    if isinstance(value, str) and value.startswith("="):
        return Cell(value=None, formula=value)
    return Cell(value=value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(values, min_size=0, max_size=8), min_size=0, max_size=12), st.booleans())
def test_extract_never_crashes(rows, date1904):
    sheet = Sheet(name="S", index=0, rows=[[to_cell(v) for v in row] for row in rows],
                  merged=[(0, 0, 1, 0)] if len(rows) > 1 else [])
    book = Workbook(name="f.xlsx", format="xlsx", sha256="0", size=1, sheets=[sheet], date1904=date1904)
    try:
        extraction = extract(book, SETTINGS)
    except InputError as error:
        assert error.code == "UNRECOGNIZED_LAYOUT"
        return
    assert extraction.timecards
    for card in extraction.timecards:
        assert card.employee and card.employee == " ".join(card.employee.split())
        assert "123-45-6789" not in card.employee
        dates = [e.date for e in card.entries]
        assert dates == sorted(set(dates))  # one entry per date
    assert "123-45-6789" not in "".join(extraction.markdown.values())
