from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

from processing.model import Issue
from processing.result import (
    build_result,
    build_stored_result,
    decide,
    json_number,
    merge_issues,
)
from tests.processing.pipeline_fakes import (
    FakeReport,
    entry,
    extraction,
    timecard,
    workbook,
)

CONTRACT_KEYS = ["file", "kind", "timecards", "issues", "decision", "findings"]


def result_for(*cards, report=None, extra_issues=(), **kwargs):
    return build_result(workbook(data=b"0123456789"), extraction(*cards, **kwargs), report or FakeReport(),
                        extra_issues)


def test_contract_keys_come_first_in_contract_order():
    result = result_for(timecard("Jane Smith", entry("2026-03-02", "8", "200")))
    assert list(result)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert result["kind"] == "timecard"


def test_file_record_carries_name_hash_size_and_format():
    result = result_for()
    assert result["file"] == {"name": "week12.xlsx", "sha256": hashlib.sha256(b"0123456789").hexdigest(),
                              "size": 10, "format": "xlsx"}


def test_timecard_numbers_are_floats_rounded_to_cents_and_totals_summed():
    card = timecard("Jane Smith", entry("2026-03-03", "7.555", "188.875"), entry("2026-03-02", "8", "200"),
                    employee_id="E104")
    [record] = result_for(card)["timecards"]
    assert record == {
        "employee": "Jane Smith",
        "employee_id": "E104",
        "entries": [{"date": "2026-03-02", "hours": 8.0, "pay": 200.0},
                    {"date": "2026-03-03", "hours": 7.56, "pay": 188.88}],
        "total_hours": 15.56,
        "total_pay": 388.88,
    }
    assert json.dumps(record["entries"][0]) == '{"date": "2026-03-02", "hours": 8.0, "pay": 200.0}'


def test_unknown_values_are_null_and_totals_null_when_no_entry_has_one():
    [record] = result_for(timecard("Day Rate", entry("2026-03-02", None, "250"), entry("2026-03-03")))["timecards"]
    assert record["entries"][0]["hours"] is None
    assert record["entries"][1] == {"date": "2026-03-03", "hours": None, "pay": None}
    assert record["total_hours"] is None
    assert record["total_pay"] == 250.0


def test_timecards_sorted_by_name_then_id():
    cards = [timecard("bob Young"), timecard("Ann Lee", employee_id="E2"), timecard("Ann Lee", employee_id="E1"),
             timecard("ZOE ADAMS")]
    names = [(t["employee"], t["employee_id"]) for t in result_for(*cards)["timecards"]]
    assert names == [("Ann Lee", "E1"), ("Ann Lee", "E2"), ("bob Young", None), ("ZOE ADAMS", None)]


def test_decision_is_review_on_error_or_warning_and_approved_on_info_only():
    assert decide([Issue("HOURS_ASSUMED", "info", "assumed 8 h")]) == "approved"
    assert decide([Issue("HOURS_ASSUMED", "info", "x"), Issue("OVERTIME", "warning", "y")]) == "review"
    assert decide([Issue("MIN_WAGE", "error", "z")]) == "review"
    assert decide([]) == "approved"


def test_decision_follows_issues_even_when_they_come_only_from_extraction_or_extras():
    reading = Issue("UNREADABLE_CELL", "warning", "a #REF! in row 4")
    assert result_for(issues=[reading])["decision"] == "review"
    assert result_for(extra_issues=[Issue("EXTRACTION_DISAGREEMENT", "warning", "differs")])["decision"] == "review"
    assert result_for()["decision"] == "approved"


def test_issues_merge_sources_once_each_with_most_severe_first():
    overtime = Issue("OVERTIME", "warning", "46.5 hours", employee="Jane Smith")
    assumed = Issue("HOURS_ASSUMED", "info", "assumed", employee="Ann Lee")
    wage = Issue("MIN_WAGE", "error", "below", employee="Jane Smith", date=dt.date(2026, 3, 2), rule_id="min_wage")
    result = result_for(issues=[overtime], report=FakeReport(issues=[assumed, overtime, wage]))
    assert [i["code"] for i in result["issues"]] == ["MIN_WAGE", "OVERTIME", "HOURS_ASSUMED"]
    assert result["issues"][0] == {"code": "MIN_WAGE", "severity": "error", "employee": "Jane Smith",
                                   "date": "2026-03-02", "message": "below", "rule_id": "min_wage"}
    assert len(merge_issues([overtime], [overtime])) == 1


def test_findings_pass_through_as_json_safe_values():
    finding = {"rule_id": "min_wage", "outcome": "VALID", "premises": {"wages": Decimal("300.50"),
                                                                        "hours": Decimal(40),
                                                                        "week": dt.date(2026, 3, 2)}}
    result = result_for(report=FakeReport(findings=[finding]))
    assert result["findings"] == [{"rule_id": "min_wage", "outcome": "VALID",
                                   "premises": {"wages": 300.5, "hours": 40, "week": "2026-03-02"}}]
    json.dumps(result)


def test_extras_are_small_and_stored_result_adds_schema_markdown_and_history():
    ex = extraction(timecard("Jane Smith", entry("2026-03-02", "8", "200")))
    result = build_result(workbook(), ex, FakeReport())
    assert result["period"] == {"start": "2026-03-02", "end": "2026-03-08"}
    assert result["extraction_method"] == "deterministic"
    assert result["sheets"] == [{"sheet": "Week 12", "hidden": False, "family": "wide_grid", "header_rows": [1],
                                 "data_rows": [2, 5], "confidence": 0.931, "method": "header",
                                 "reconciliation": None}]
    assert "markdown" not in result

    stored = build_stored_result(result, ex, {"read": 1.5, "extract": 2.0})
    assert stored["markdown"] == ex.markdown
    assert stored["sheets"][0]["columns"][0]["role"] == "employee"
    assert stored["history"] == [{"stage": "read", "ms": 1.5}, {"stage": "extract", "ms": 2.0}]
    assert list(stored)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    json.dumps(stored)


def test_json_number_rounds_half_up_and_keeps_none():
    assert json_number(Decimal("0.005")) == 0.01
    assert json_number(Decimal("-2.345")) == -2.35
    assert json_number(None) is None
    assert json_number(8) == 8.0 and isinstance(json_number(8), float)
