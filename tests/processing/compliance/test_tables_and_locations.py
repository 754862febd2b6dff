"""The dated rate tables, work locations and workweek boundaries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from processing.compliance import tables
from processing.compliance.jurisdictions import parse_location
from processing.compliance.workweeks import week_anchor, week_start


def test_minimum_wage_is_the_row_in_force_on_the_date():
    assert tables.minimum_wage("FL", dt.date(2026, 9, 29)) == Decimal("14.00")
    assert tables.minimum_wage("FL", dt.date(2026, 9, 30)) == Decimal("15.00")
    assert tables.minimum_wage("AK", dt.date(2026, 6, 30)) == Decimal("13.00")
    assert tables.minimum_wage("AK", dt.date(2026, 7, 1)) == Decimal("14.00")
    assert tables.minimum_wage("IL-CHICAGO", dt.date(2025, 6, 30)) == Decimal("16.20")
    assert tables.minimum_wage("IL-CHICAGO", dt.date(2019, 6, 30)) is None
    assert tables.minimum_wage("IL-CHICAGO", dt.date(2025, 7, 1)) == Decimal("16.60")
    assert tables.minimum_wage("ZZ", dt.date(2026, 1, 1)) is None


def test_every_state_and_city_in_the_table_is_covered_from_2020_through_2026():
    table = tables.minimum_wages()
    for jurisdiction in table.names():
        for year in range(2020, 2027):
            assert tables.minimum_wage(jurisdiction, dt.date(year, 1, 1)) is not None, (jurisdiction, year)
            assert tables.minimum_wage_covers(jurisdiction, dt.date(year, 1, 1))
    assert tables.minimum_wage("CA", dt.date(2024, 6, 1)) == Decimal("16.00")


def test_dates_outside_the_table_are_not_covered():
    assert not tables.minimum_wage_covers("CA", dt.date(2019, 12, 31))
    assert not tables.minimum_wage_covers("CA", dt.date(2027, 1, 1))  # past the figures known
    assert tables.minimum_wage_covers("ZZ", dt.date(2015, 1, 1))  # a state the table has no row for adds nothing


def test_compliance_md_2026_figures_are_in_the_table():
    on = dt.date(2026, 3, 2)
    expected = {"US": "7.25", "CA": "16.90", "CA-SAN_FRANCISCO": "19.18", "CA-LOS_ANGELES": "17.87",
                "NY": "16.00", "NY-NYC": "17.00", "WA": "17.13", "WA-SEATTLE": "21.30", "MA": "15.00",
                "TX": "7.25", "FL": "14.00", "IL": "15.00", "IL-CHICAGO": "16.60", "CO": "15.16",
                "CO-DENVER": "19.29", "AK": "13.00", "NV": "12.00"}
    assert {j: str(tables.minimum_wage(j, on)) for j in expected} == expected
    floors = {"CA": "1352.00", "WA": "1541.70", "CO": "1111.23", "NY-NYC": "1275.00", "NY": "1199.10"}
    assert {j: str(tables.exempt_salary_floor(j, on)) for j in floors} == floors


def test_daily_overtime_rules_per_state():
    on = dt.date(2026, 3, 2)
    california = tables.daily_overtime_rule("CA", on)
    assert (california.overtime_after, california.double_time_after, california.seventh_day) == (8, 12, True)
    assert tables.daily_overtime_rule("NV", on).rate_below_minimum_multiple == Decimal("1.5")
    assert tables.daily_overtime_rule("TX", on) is None


def test_locations_name_state_and_city():
    assert parse_location("ca").jurisdictions() == ("US", "CA")
    assert parse_location("CA-San Francisco").jurisdictions() == ("US", "CA", "CA-SAN_FRANCISCO")
    assert parse_location("NY-NEW_YORK_CITY").city == "NY-NYC"
    assert parse_location("California").state is None  # not a code: no state rules guessed
    assert parse_location(None).jurisdictions() == ("US",)


def test_workweek_boundaries():
    wednesday = dt.date(2026, 3, 4)
    assert week_start(wednesday, "monday", None) == dt.date(2026, 3, 2)
    assert week_start(wednesday, "sunday", None) == dt.date(2026, 3, 1)
    assert week_anchor(wednesday, wednesday + dt.timedelta(days=6)) == wednesday
    # Two whole weeks the file states start their workweeks on the first day; the span of the entries'
    # dates does not, and neither does a month.
    assert week_anchor(wednesday, wednesday + dt.timedelta(days=13)) == wednesday
    assert week_anchor(wednesday, wednesday + dt.timedelta(days=13), stated=False) is None
    assert week_anchor(wednesday, wednesday + dt.timedelta(days=29)) is None
    assert week_start(wednesday + dt.timedelta(days=9), "monday", wednesday) == wednesday + dt.timedelta(days=7)
