from __future__ import annotations

import datetime as dt
from decimal import Decimal

from processing.llm.cross_check import (
    MAX_DISAGREEMENT_ISSUES,
    compare_timecards,
    person_key,
)
from processing.llm.schema import LlmEntry, LlmTimecard
from tests.processing.pipeline_fakes import entry, timecard


def llm(name, *entries):
    return LlmTimecard(employee=name, entries=[LlmEntry(date=d, hours=h, pay=p) for d, h, p in entries])


def test_name_order_and_case_do_not_matter():
    assert person_key("Smith, Jane") == person_key("JANE  SMITH") == person_key("Jane Smith")


def test_shifts_on_one_date_are_summed_before_comparing():
    ours = [timecard("Jane Smith", entry("2026-03-02", "8", "200"))]
    theirs = [llm("Jane Smith", ("2026-03-02", 5, 125), ("2026-03-02", 3, 75))]
    assert compare_timecards(ours, theirs) == []


def test_null_against_a_value_is_a_difference():
    ours = [timecard("Jane Smith", entry("2026-03-02", None, "200"))]
    [issue] = compare_timecards(ours, [llm("Jane Smith", ("2026-03-02", 8, 200))])
    assert "hours differ" in issue.message


def test_missing_employees_and_dates_on_either_side_are_reported():
    ours = [timecard("Jane Smith", entry("2026-03-02", "8", "200"), entry("2026-03-03", "8", "200")),
            timecard("Ann Lee", entry("2026-03-02", "8", "200"))]
    theirs = [llm("Jane Smith", ("2026-03-02", 8, 200), ("2026-03-04", 8, 200)), llm("Bo Chen", ("2026-03-02", 1, 1))]
    found = {(i.employee, i.date, i.message.split(": ")[-1]) for i in compare_timecards(ours, theirs)}
    assert found == {
        ("Ann Lee", None, "is missing from the AI extraction"),
        ("Bo Chen", None, "was found only by the AI extraction"),
        ("Jane Smith", dt.date(2026, 3, 3), "the date is missing from the AI extraction"),
        ("Jane Smith", dt.date(2026, 3, 4), "the date was found only by the AI extraction"),
    }


def test_tolerance_is_one_cent():
    ours = [timecard("Jane Smith", entry("2026-03-02", "8", "200"))]
    assert compare_timecards(ours, [llm("Jane Smith", ("2026-03-02", Decimal("8.01"), Decimal("199.99")))]) == []
    assert len(compare_timecards(ours, [llm("Jane Smith", ("2026-03-02", Decimal("8.02"), 200))])) == 1


def test_many_differences_are_capped_with_a_summary():
    ours = [timecard(f"Person {n}", entry("2026-03-02", "8", "200")) for n in range(50)]
    issues = compare_timecards(ours, [])
    assert len(issues) == MAX_DISAGREEMENT_ISSUES
    assert issues[-1].message.startswith(f"{50 - MAX_DISAGREEMENT_ISSUES + 1} more differences")
    assert all(i.code == "EXTRACTION_DISAGREEMENT" and i.severity == "warning" for i in issues)
