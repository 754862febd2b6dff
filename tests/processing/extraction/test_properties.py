"""Property tests: random but well-formed timecards written in two layouts are read back exactly."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.operational_settings import OperationalSettings
from processing.extraction import extract
from tests.processing.extraction.grids import sheet, workbook

SETTINGS = OperationalSettings()
MONDAY = dt.date(2026, 3, 2)
FIRST = ["Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal"]
LAST = ["Lee", "Chen", "Okafor", "Park", "Ruiz", "Smith", "Nakamura", "Osei"]

quarter_hours = st.integers(min_value=1, max_value=56).map(lambda q: Decimal(q) / 4)
rates = st.integers(min_value=725, max_value=6000).map(lambda c: Decimal(c) / 100)


@st.composite
def crews(draw):
    count = draw(st.integers(min_value=1, max_value=5))
    indexes = draw(st.lists(st.integers(0, len(FIRST) - 1), min_size=count, max_size=count, unique=True))
    crew = []
    for i in indexes:
        days = draw(st.dictionaries(st.integers(0, 6), quarter_hours, min_size=1, max_size=7))
        crew.append((FIRST[i], LAST[i], draw(rates), dict(sorted(days.items()))))
    return crew


def money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def expected(crew):
    return [(f"{first} {last}", [(MONDAY + dt.timedelta(days=d), h, money(h * rate)) for d, h in days.items()])
            for first, last, rate, days in crew]


def actual(extraction):
    return [(c.employee, [(e.date, e.hours, e.pay) for e in c.entries]) for c in extraction.timecards]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crews(), st.booleans())
def test_long_format_round_trip(crew, last_first):
    rows = [["Week of 3/2/26 - 3/8/26"], [], ["Employee", "Date", "Hours", "Rate", "Per Diem"]]
    for first, last, rate, days in crew:
        name = f"{last}, {first}" if last_first else f"{first} {last}"
        for d, hours in days.items():
            day = MONDAY + dt.timedelta(days=d)
            rows.append([name, f"{day.month}/{day.day}/{day.year}", float(hours), f"${rate}", 35])
    rows.append(["Total", None, float(sum(h for *_, days in crew for h in days.values())), None, None])
    extraction = extract(workbook(sheet("Hours", rows)), SETTINGS)
    assert actual(extraction) == expected(crew)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crews(), st.sampled_from(["OFF", "-", None, "HM"]))
def test_wide_grid_round_trip(crew, blank):
    days = [dt.datetime.combine(MONDAY + dt.timedelta(days=i), dt.time()) for i in range(7)]
    rows = [["Crew Payroll"], ["PE: 03/02-03/08/26"], ["Name", "Rate", *days, "Total Hours", "Per Diem"]]
    for first, last, rate, worked in crew:
        cells = [float(worked[i]) if i in worked else blank for i in range(7)]
        rows.append([f"{last}, {first}", float(rate), *cells, float(sum(worked.values())), 35 * len(worked)])
    extraction = extract(workbook(sheet("Grid", rows)), SETTINGS)
    assert actual(extraction) == expected(crew)
    for card, (_, _, _, worked) in zip(extraction.timecards, crew, strict=True):
        assert [t.value for t in card.stated_totals] == [sum(worked.values())]
