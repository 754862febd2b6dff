"""Schema-level behaviour, executed against the schema directly (no HTTP)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from api.auth import Identity
from api.context import Context
from api.live import LiveHubs
from api.schema import MAX_ALIASES, MAX_DEPTH, build_schema
from store import queue
from store.uploads import register_upload
from tests.api.helpers import run_job_to


@pytest.fixture
def schema():
    return build_schema()


def run(schema, query: str, role: str = "admin", variables: dict[str, Any] | None = None, subject: str = "key:test"):
    context = Context(Identity(subject, role, "api_key"), LiveHubs())
    return asyncio.run(schema.execute(query, variable_values=variables, context_value=context))


def upload(name: str = "week.csv", data: bytes = b"Employee,Date,Hours\nA B,2026-03-02,8\n", priority: int = 2):
    return register_upload(name, data, kind="timecard", file_format="csv", priority=priority, uploaded_by="key:up")


def test_job_exposes_status_priority_and_stored_events(moto_store, schema):
    job = upload(priority=4).job
    result = run(schema, 'query($id: ID!) { job(id: $id) { id status priority progress stage attempts '
                         'events { seq type status } file { name format } } }', "viewer", {"id": job.job_id})
    assert result.errors is None
    data = result.data["job"]
    assert (data["status"], data["priority"], data["file"]["format"]) == ("PENDING", "URGENT", "csv")
    assert data["events"] == [{"seq": 1, "type": "created", "status": "PENDING"}]


def test_unknown_job_is_null(moto_store, schema):
    assert run(schema, '{ job(id: "nope") { id } }', "viewer").data == {"job": None}


def test_finished_job_exposes_issues_findings_and_timecards(moto_store, schema):
    job = upload().job
    run_job_to(job.job_id, "REVIEW")
    result = run(schema, 'query($id: ID!) { job(id: $id) { status decision issues { code severity } '
                         'findings timecards { employee employeeId totalHours entries { date hours pay } } } }',
                 "viewer", {"id": job.job_id})
    data = result.data["job"]
    assert data["status"] == "REVIEW" and data["decision"] == "review"
    assert data["issues"] == [{"code": "OVERTIME", "severity": "warning"}]
    assert data["findings"][0]["outcome"] == "INVALID"
    assert data["timecards"][0]["entries"] == [{"date": "2026-03-02", "hours": 46.5, "pay": 1000.0}]


def test_jobs_filters_and_paginates_with_the_store_cursor(moto_store, schema):
    ids = [upload(f"f{i}.csv", f"Employee,Date,Hours\nA B,2026-03-0{i + 1},8\n".encode(),
                  priority=3 if i % 2 else 2).job.job_id for i in range(5)]
    query = 'query($after: String) { jobs(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }'
    seen, after = [], None
    for _ in range(5):
        page = run(schema, query, "viewer", {"after": after}).data["jobs"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(ids) and len(seen) == 5
    high = run(schema, "{ jobs(priority: HIGH) { nodes { priority } } }", "viewer").data["jobs"]["nodes"]
    assert [n["priority"] for n in high] == ["HIGH", "HIGH"]
    none = run(schema, "{ jobs(status: [COMPLETED]) { nodes { id } } }", "viewer").data["jobs"]["nodes"]
    assert none == []
    files = run(schema, "{ jobs(first: 10) { nodes { file { name } } } }", "viewer").data["jobs"]["nodes"]
    assert sorted(n["file"]["name"] for n in files) == [f"f{i}.csv" for i in range(5)]


def test_bad_cursor_has_a_stable_code(moto_store, schema):
    result = run(schema, '{ jobs(after: "garbage") { nodes { id } } }', "viewer")
    assert result.errors[0].extensions["code"] == "BAD_CURSOR"


def test_cancel_then_cancel_again_is_an_invalid_transition(moto_store, schema):
    job = upload().job
    mutation = 'mutation($id: ID!) { cancelJob(id: $id) { __typename ... on Job { status } ' \
               '... on InvalidJobTransition { status action allowedFrom } } }'
    first = run(schema, mutation, "uploader", {"id": job.job_id}).data["cancelJob"]
    assert first == {"__typename": "Job", "status": "CANCELLED"}
    second = run(schema, mutation, "uploader", {"id": job.job_id}).data["cancelJob"]
    assert second["__typename"] == "InvalidJobTransition" and second["status"] == "CANCELLED"
    assert set(second["allowedFrom"]) == {"PENDING", "PROCESSING", "REVIEW"}


def test_retry_priority_and_delete_answer_with_union_members(moto_store, schema):
    job = upload().job
    set_priority = 'mutation($id: ID!) { setJobPriority(id: $id, priority: URGENT) { __typename ... on Job { priority } } }'
    assert run(schema, set_priority, "uploader", {"id": job.job_id}).data["setJobPriority"]["priority"] == "URGENT"
    retry = 'mutation($id: ID!) { retryJob(id: $id) { __typename } }'
    assert run(schema, retry, "uploader", {"id": job.job_id}).data["retryJob"]["__typename"] == "InvalidJobTransition"
    missing = run(schema, 'mutation { retryJob(id: "missing") { __typename ... on JobNotFound { jobId } } }', "uploader")
    assert missing.data["retryJob"] == {"__typename": "JobNotFound", "jobId": "missing"}
    delete = 'mutation($id: ID!) { deleteJob(id: $id) { __typename ... on DeletedJob { id } } }'
    assert run(schema, delete, "admin", {"id": job.job_id}).data["deleteJob"] == {"__typename": "DeletedJob", "id": job.job_id}
    gone = run(schema, 'query($id: ID!) { job(id: $id) { id } }', "viewer", {"id": job.job_id})
    assert gone.data["job"] is None


def test_delete_needs_admin(moto_store, schema):
    job = upload().job
    result = run(schema, 'mutation($id: ID!) { deleteJob(id: $id) { __typename } }', "reviewer", {"id": job.job_id})
    assert result.errors[0].extensions["code"] == "FORBIDDEN"


def test_approve_takes_the_reviewer_from_the_caller_and_writes_the_audit_trail(moto_store, schema):
    job = upload().job
    run_job_to(job.job_id, "REVIEW")
    approve = 'mutation($id: ID!) { approveReview(jobId: $id, comment: "looks right") { __typename ' \
              '... on Job { status reviews { decision reviewer comment fromStatus toStatus } events { type status } } } }'
    data = run(schema, approve, "reviewer", {"id": job.job_id}, subject="key:rev1").data["approveReview"]
    assert data["status"] == "COMPLETED"
    assert data["reviews"] == [{"decision": "approved", "reviewer": "key:rev1", "comment": "looks right",
                                "fromStatus": "REVIEW", "toStatus": "COMPLETED"}]
    assert data["events"][-1] == {"type": "review", "status": "COMPLETED"}


def test_reject_needs_a_comment_and_fails_the_job(moto_store, schema):
    job = upload().job
    run_job_to(job.job_id, "REVIEW")
    reject = 'mutation($id: ID!, $c: String!) { rejectReview(jobId: $id, comment: $c) { __typename ' \
             '... on Job { status error { code message } } } }'
    blank = run(schema, reject, "reviewer", {"id": job.job_id, "c": "  "})
    assert blank.errors[0].extensions["code"] == "COMMENT_REQUIRED"
    data = run(schema, reject, "reviewer", {"id": job.job_id, "c": "hours do not add up"}).data["rejectReview"]
    assert data == {"__typename": "Job", "status": "FAILED",
                    "error": {"code": "REJECTED_IN_REVIEW", "message": "hours do not add up"}}


def test_approving_a_job_not_in_review_is_an_invalid_transition(moto_store, schema):
    job = upload().job
    data = run(schema, 'mutation($id: ID!) { approveReview(jobId: $id) { __typename } }', "reviewer",
               {"id": job.job_id}).data
    assert data["approveReview"]["__typename"] == "InvalidJobTransition"


def test_update_settings_validates_and_keeps_history(moto_store, schema):
    update = 'mutation($input: SettingsInput!) { updateSettings(input: $input) { __typename ' \
             '... on Settings { overtimeThresholdHours reviewTriggers { highDailyRatesThreshold moreThan60HoursWeek } } ' \
             '... on InvalidSettings { problems { key message } } } }'
    bad = run(schema, update, "admin", {"input": {"maxConcurrentJobs": 99, "workweekStartDay": "someday"}})
    problems = {p["key"] for p in bad.data["updateSettings"]["problems"]}
    assert problems == {"max_concurrent_jobs", "workweek_start_day"}
    good = run(schema, update, "admin", {"input": {"overtimeThresholdHours": "38.5",
                                                   "reviewTriggers": {"highDailyRatesThreshold": "1500"}}},
               subject="key:adm").data["updateSettings"]
    assert good["overtimeThresholdHours"] == "38.5"
    assert good["reviewTriggers"] == {"highDailyRatesThreshold": "1500", "moreThan60HoursWeek": True}
    history = run(schema, '{ settingHistory(key: "overtime_threshold_hours") { oldValue newValue changedBy } }',
                  "viewer").data["settingHistory"]
    assert history == [{"oldValue": "40", "newValue": "38.5", "changedBy": "key:adm"}]
    assert run(schema, "{ settings { overtimeThresholdHours } }", "viewer").data["settings"] == {
        "overtimeThresholdHours": "38.5"}


def test_settings_changes_need_admin(moto_store, schema):
    result = run(schema, 'mutation { updateSettings(input: {maxConcurrentJobs: 2}) { __typename } }', "reviewer")
    assert result.errors[0].extensions["code"] == "FORBIDDEN"


def test_queue_stats_follow_the_product_formulas(moto_store, schema):
    done, failed, waiting = upload("a.csv", b"Employee,Date,Hours\nA,2026-03-02,1\n").job, \
        upload("b.csv", b"Employee,Date,Hours\nB,2026-03-02,2\n").job, upload("c.csv", b"Employee,Date,Hours\nC,2026-03-02,3\n").job
    run_job_to(done.job_id, "COMPLETED")
    claimed = queue.claim_next_job("w", 30)
    queue.fail_attempt(claimed, "w", {"code": "X", "message": "x"}, retryable=False, backoff_seconds=0)
    stats = run(schema, "{ queueStats { counts { pending completed failed } reviewQueueSize totalJobs successRate "
                        "jobsCreatedToday averageProcessingSeconds } }", "viewer").data["queueStats"]
    assert stats["counts"] == {"pending": 1, "completed": 1, "failed": 1}
    assert stats["successRate"] == 50.0 and stats["totalJobs"] == 3 and stats["jobsCreatedToday"] == 3
    assert stats["averageProcessingSeconds"] is not None
    assert {failed.job_id, waiting.job_id}  # both exist


def test_timecards_query_by_employee_and_range(moto_store, schema):
    import datetime as dt

    from store import queue
    from store.job_states import COMPLETED
    from store.records import EntryRow, save_timecard_entries
    from store.uploads import register_upload

    # Records are visible once their job ended COMPLETED: write them as a worker does.
    upload = register_upload("jane.csv", b"Employee,Date,Hours\nJane Smith,2026-03-02,8\n", kind="timecard",
                             file_format="csv", priority=2, uploaded_by="test")
    job = queue.claim_job(upload.job, "test-worker", 30)
    save_timecard_entries(job.job_id, [EntryRow("Jane Smith", "E1", dt.date(2026, 3, d), 8.0, 200.0)
                                       for d in range(2, 7)])
    queue.finish_job(job, "test-worker", COMPLETED, {})
    query = 'query($after: String) { timecards(employee: "jane  smith", first: 3, after: $after) ' \
            '{ nodes { date hours pay employeeId } pageInfo { endCursor hasNextPage } } }'
    first = run(schema, query, "viewer", {"after": None}).data["timecards"]
    assert [n["date"] for n in first["nodes"]] == ["2026-03-02", "2026-03-03", "2026-03-04"]
    second = run(schema, query, "viewer", {"after": first["pageInfo"]["endCursor"]}).data["timecards"]
    assert [n["date"] for n in second["nodes"]] == ["2026-03-05", "2026-03-06"]
    ranged = run(schema, '{ timecards(from: "2026-03-03", to: "2026-03-04") { nodes { date } } }', "viewer")
    assert [n["date"] for n in ranged.data["timecards"]["nodes"]] == ["2026-03-03", "2026-03-04"]
    unbounded = run(schema, "{ timecards { nodes { date } } }", "viewer")
    assert unbounded.errors[0].extensions["code"] == "BAD_FILTER"


def test_too_deep_query_is_refused_with_a_code(schema):
    deep = "{ jobs { nodes { " * 1 + "file { name } " + "} }"
    assert deep  # shallow enough
    nested = "query { " + "jobs { nodes { " * MAX_DEPTH + "id" + " } }" * MAX_DEPTH + " }"
    result = run(schema, nested, "viewer")
    assert result.errors and result.errors[0].extensions["code"] == "QUERY_TOO_DEEP"


def test_too_many_aliases_are_refused_with_a_code(schema):
    query = "{ " + " ".join(f"a{i}: health {{ ok }}" for i in range(MAX_ALIASES + 1)) + " }"
    result = run(schema, query, "viewer")
    assert result.errors[0].extensions["code"] == "TOO_MANY_ALIASES"


def test_too_many_tokens_are_refused_with_a_code(schema):
    query = "{ " + " ".join("health { ok }" for _ in range(2000)) + " }"
    result = run(schema, query, "viewer")
    assert result.errors[0].extensions["code"] == "TOO_MANY_TOKENS"


def test_unexpected_errors_are_masked(moto_store, schema, monkeypatch):
    import store.stats

    def broken():
        raise RuntimeError("secret detail: Jane Smith earns 12.00")

    monkeypatch.setattr(store.stats, "queue_stats", broken)
    result = run(schema, "{ queueStats { totalJobs } }", "viewer")
    error = result.errors[0]
    assert error.extensions["code"] == "INTERNAL_ERROR"
    assert "Jane" not in error.message
