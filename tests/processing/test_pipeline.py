from __future__ import annotations

import json

import pytest

from core.operational_settings import OperationalSettings
from processing.errors import InputError
from processing.llm.bedrock import LlmUnavailable
from processing.llm.schema import LlmEntry, LlmTimecard
from processing.model import Issue
from processing.pipeline import STAGES, process_file
from tests.processing.pipeline_fakes import (
    FakeReport,
    FakeStages,
    entry,
    extraction,
    timecard,
)

SETTINGS = OperationalSettings()
LLM_ON = OperationalSettings(llm_extraction_enabled=True)


def jane():
    return timecard("Jane Smith", entry("2026-03-02", "8", "200"), employee_id="E104")


class FakeLlm:
    def __init__(self, answer=None, error: str | None = None):
        self.answer, self.error, self.calls = answer or [], error, 0

    def extract_timecards(self, markdown):
        self.calls += 1
        if self.error:
            raise LlmUnavailable(self.error)
        return self.answer


def llm_card(name, day, hours, pay):
    return LlmTimecard(employee=name, entries=[LlmEntry(date=day, hours=hours, pay=pay)])


def test_stages_run_in_order_and_report_progress_after_each():
    stages = FakeStages(extraction(jane()))
    seen = []
    outcome = process_file("week12.xlsx", b"data", SETTINGS, on_stage=lambda s, p: seen.append((s, p)),
                           **stages.stage_kwargs())
    assert stages.calls == ["read", "extract", "evaluate"]
    assert seen == [("read", 20), ("extract", 60), ("validate", 85), ("done", 100)] == list(STAGES)
    assert list(outcome.stage_ms) == ["read", "extract", "validate", "done"]
    assert all(ms >= 0 for ms in outcome.stage_ms.values())


def test_outcome_carries_contract_result_decision_and_workbook_summary():
    report = FakeReport(issues=[Issue("OVERTIME", "warning", "46.5 hours", employee="Jane Smith")],
                        findings=[{"rule_id": "overtime", "outcome": "INVALID"}], decision="review")
    stages = FakeStages(extraction(jane()), report)
    outcome = process_file("week12.xlsx", b"data", SETTINGS, **stages.stage_kwargs())
    assert outcome.result["timecards"][0]["employee"] == "Jane Smith"
    assert outcome.decision == outcome.result["decision"] == "review"
    assert outcome.result["findings"] == report.findings
    assert outcome.workbook.name == "week12.xlsx" and outcome.workbook.size == 4
    assert outcome.workbook.sheets[0] == {"name": "Week 12", "rows": 2, "columns": 2, "hidden": False}
    assert outcome.extraction is stages.extracted
    stored = outcome.stored_result
    assert [h["stage"] for h in stored["history"]] == ["read", "extract", "validate", "done"]
    assert "markdown" in stored and "markdown" not in outcome.result
    json.dumps(stored)


def test_mappings_reach_the_extractor():
    stages = FakeStages(extraction(jane()))
    process_file("a.csv", b"x", SETTINGS, mappings={"fp": {"Emp": "employee"}}, **stages.stage_kwargs())
    assert stages.mappings_seen == {"fp": {"Emp": "employee"}}


def test_input_error_propagates_and_stops_before_any_progress():
    stages = FakeStages(extraction(), read_error=InputError("CORRUPT_FILE", "not a spreadsheet"))
    seen = []
    with pytest.raises(InputError) as caught:
        process_file("junk.xlsx", b"\x00\x01", SETTINGS, on_stage=lambda s, p: seen.append(s),
                     **stages.stage_kwargs())
    assert caught.value.code == "CORRUPT_FILE"
    assert stages.calls == ["read"] and seen == []


def test_llm_is_not_called_when_disabled():
    llm = FakeLlm([llm_card("Someone Else", "2026-03-02", 1, 1)])
    outcome = process_file("a.xlsx", b"x", SETTINGS, llm=llm, **FakeStages(extraction(jane())).stage_kwargs())
    assert llm.calls == 0
    assert outcome.decision == "approved"


def test_llm_agreement_keeps_the_job_approved_and_times_the_cross_check():
    llm = FakeLlm([llm_card("Smith, Jane", "2026-03-02", 8.004, 200)])
    seen = []
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=llm, on_stage=lambda s, p: seen.append((s, p)),
                           **FakeStages(extraction(jane())).stage_kwargs())
    assert llm.calls == 1
    assert outcome.result["issues"] == [] and outcome.decision == "approved"
    assert seen == list(STAGES)
    assert list(outcome.stage_ms) == ["read", "extract", "llm_cross_check", "validate", "done"]


def test_llm_disagreement_sends_the_job_to_review():
    llm = FakeLlm([llm_card("Jane Smith", "2026-03-02", 8, 180)])
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=llm, **FakeStages(extraction(jane())).stage_kwargs())
    [issue] = outcome.result["issues"]
    assert (issue["code"], issue["severity"], issue["employee"], issue["date"]) == (
        "EXTRACTION_DISAGREEMENT", "warning", "Jane Smith", "2026-03-02")
    assert "pay" in issue["message"] and "180" not in issue["message"]
    assert outcome.decision == "review"


def test_llm_unavailable_falls_back_to_deterministic_with_info():
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=FakeLlm(error="circuit open"),
                           **FakeStages(extraction(jane())).stage_kwargs())
    [issue] = outcome.result["issues"]
    assert (issue["code"], issue["severity"]) == ("LLM_UNAVAILABLE", "info")
    assert outcome.result["timecards"][0]["employee"] == "Jane Smith"
    assert outcome.decision == "approved"


def test_nothing_found_and_llm_unavailable_goes_to_review():
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=FakeLlm(error="circuit open"),
                           **FakeStages(extraction()).stage_kwargs())
    assert [(i["code"], i["severity"]) for i in outcome.result["issues"]] == [("LLM_UNAVAILABLE", "warning")]
    assert outcome.decision == "review"


def test_llm_only_timecards_are_used_and_evaluated_but_reviewed():
    stages = FakeStages(extraction())
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=FakeLlm([llm_card("Ann Lee", "2026-03-02", 8, 120)]),
                           **stages.stage_kwargs())
    assert stages.evaluated is not None and stages.evaluated.method == "llm"
    assert [t["employee"] for t in outcome.result["timecards"]] == ["Ann Lee"]
    assert outcome.result["extraction_method"] == "llm"
    assert ("LLM_ONLY_EXTRACTION", "warning") in [(i["code"], i["severity"]) for i in outcome.result["issues"]]
    assert outcome.decision == "review"


UNREADABLE_CSV = b"Widget,Colour\nsprocket,blue\ngear,red\n"  # no family can read this: UNRECOGNIZED_LAYOUT


def test_unrecognized_layout_is_handed_to_the_llm_when_it_is_enabled():
    llm = FakeLlm([llm_card("Ann Lee", "2026-03-02", 8, 160)])
    outcome = process_file("odd.csv", UNREADABLE_CSV, LLM_ON, llm=llm)
    assert llm.calls == 1
    assert [t["employee"] for t in outcome.result["timecards"]] == ["Ann Lee"]
    assert outcome.result["extraction_method"] == "llm"
    assert outcome.decision == "review"


def test_unrecognized_layout_with_the_llm_down_goes_to_review_not_approved():
    outcome = process_file("odd.csv", UNREADABLE_CSV, LLM_ON, llm=FakeLlm(error="circuit open"))
    assert outcome.result["timecards"] == []
    assert ("LLM_UNAVAILABLE", "warning") in [(i["code"], i["severity"]) for i in outcome.result["issues"]]
    assert outcome.decision == "review"


def test_unrecognized_layout_without_the_llm_is_still_refused():
    with pytest.raises(InputError) as caught:
        process_file("odd.csv", UNREADABLE_CSV, SETTINGS)
    assert caught.value.code == "UNRECOGNIZED_LAYOUT"


def test_an_uncertain_reading_with_the_llm_down_goes_to_review():
    uncertain = extraction(jane())
    uncertain.issues.append(Issue("LAYOUT_UNCERTAIN", "warning", "sheet 1 fits two layouts"))
    outcome = process_file("a.xlsx", b"x", LLM_ON, llm=FakeLlm(error="circuit open"),
                           **FakeStages(uncertain).stage_kwargs())
    assert ("LLM_UNAVAILABLE", "warning") in [(i["code"], i["severity"]) for i in outcome.result["issues"]]
    assert outcome.decision == "review"
