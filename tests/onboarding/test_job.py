"""The onboarding job handler, run as a worker would run it (moto)."""

from __future__ import annotations

import pytest

from processing.errors import InputError
from store.onboarding_models import OnboardingRecord
from tests.onboarding.conftest import SAMPLES, customers_csv


def test_a_customer_file_creates_its_valid_rows_and_reports_the_rest(run_upload):
    outcome, reports, _ = run_upload((SAMPLES / "customers.csv").read_bytes())
    result = outcome.result
    assert outcome.status == "COMPLETED"
    assert {k: result[k] for k in ("model", "rows", "valid", "invalid", "created")} == {
        "model": "Customer", "rows": 7, "valid": 4, "invalid": 3, "created": 4}
    assert {(e["row"], e["field"], e["code"]) for e in result["errors"]} == {
        (6, "email", "INVALID_EMAIL"), (6, "signupDate", "INVALID_DATE"), (6, "phone", "INVALID_PHONE"),
        (7, "name", "REQUIRED"), (8, "email", "DUPLICATE_IN_FILE")}
    created = [r for r in result["results"] if r["status"] == "created"]
    assert [r["row"] for r in created] == [2, 3, 4, 5] and all(r["id"] for r in created)
    assert OnboardingRecord.count() == 4
    percents = [p for _, p in reports]
    assert percents == sorted(percents) and percents[-1] == 95 and ("validate", 15) in reports


def test_a_second_file_sharing_an_email_gets_already_exists_naming_the_record(run_upload):
    first, _, _ = run_upload(customers_csv(["ann@example.com", "bob@example.com"]), name="a.csv")
    ann_id = first.result["results"][0]["id"]
    second, _, _ = run_upload(customers_csv(["carl@example.com", "ANN@example.com"]), name="b.csv")
    assert second.result["created"] == 1 and second.result["invalid"] == 1
    [error] = second.result["errors"]
    assert (error["row"], error["field"], error["code"]) == (3, "email", "ALREADY_EXISTS")
    assert ann_id in error["message"]


def test_all_or_nothing_holds_back_a_file_with_an_invalid_row_for_review(run_upload):
    outcome, _, _ = run_upload(customers_csv(["ok@example.com", "broken"]), policy="all_or_nothing")
    assert outcome.status == "REVIEW" and outcome.result["created"] == 0
    assert {r["status"] for r in outcome.result["results"]} == {"held_back", "invalid"}
    assert OnboardingRecord.count() == 0


def test_all_or_nothing_holds_back_a_file_with_a_row_that_already_exists(run_upload):
    run_upload(customers_csv(["taken@example.com"]), name="a.csv")
    outcome, _, _ = run_upload(customers_csv(["new@example.com", "Taken@Example.com"]), name="b.csv",
                               policy="all_or_nothing")
    assert outcome.status == "REVIEW"
    assert [e["code"] for e in outcome.result["errors"]] == ["ALREADY_EXISTS"]
    assert OnboardingRecord.count() == 1


def test_all_or_nothing_creates_everything_when_every_row_is_good(run_upload):
    outcome, _, _ = run_upload(customers_csv(["a@example.com", "b@example.com"]), policy="all_or_nothing")
    assert outcome.status == "COMPLETED" and outcome.result["created"] == 2


def test_a_rolled_back_job_deletes_what_it_created_and_a_retry_recreates_it(run_upload):
    outcome, _, ctx = run_upload(customers_csv(["a@example.com", "b@example.com"]))
    assert OnboardingRecord.count() == 2
    for undo in ctx.rollbacks:
        undo()
    assert OnboardingRecord.count() == 0


def test_undetectable_files_fail_the_job_with_an_input_error(run_upload):
    with pytest.raises(InputError) as caught:
        run_upload(b"1,Sales\n2,Legal\n", name="export.csv")
    assert caught.value.code == "AMBIGUOUS_MODEL"


def test_the_model_can_be_forced_through_job_metadata(run_upload):
    outcome, _, _ = run_upload(b"1,Sales\n2,Legal\n", name="export.csv", model="JobTitle")
    assert outcome.result["model"] == "JobTitle" and outcome.result["created"] == 2


def test_row_errors_are_the_job_issues_over_graphql(moto_store):
    """The CLI listed every row error while GraphQL's Job.issues was empty for the same job."""
    import asyncio
    from types import SimpleNamespace

    from api.auth import Identity
    from api.schema import build_schema
    from services.intake import submit_file
    from services.worker import WorkerPool
    from store import queue

    accepted = submit_file("upload", "customers.csv", (SAMPLES / "customers.csv").read_bytes(), kind=None,
                           priority=None, by="test")
    WorkerPool(poll_interval=0.05).run_job(queue.claim_next_job("test", 30), "test")
    context = SimpleNamespace(identity=Identity(subject="key:viewer", role="viewer", method="api_key"))
    query = "query($id: ID!) { job(id: $id) { status issues { code severity message } } }"
    answer = asyncio.run(build_schema().execute(query, variable_values={"id": accepted.job.job_id},
                                                context_value=context))
    assert answer.errors is None, answer.errors
    job = answer.data["job"]
    assert job["status"] == "COMPLETED"
    assert {(i["code"], i["severity"]) for i in job["issues"]} == {
        ("INVALID_EMAIL", "error"), ("INVALID_DATE", "error"), ("INVALID_PHONE", "error"), ("REQUIRED", "error"),
        ("DUPLICATE_IN_FILE", "error")}
    assert {i["message"].split(":")[0] for i in job["issues"]} == {
        "row 6, email", "row 6, signupDate", "row 6, phone", "row 7, name", "row 8, email"}
