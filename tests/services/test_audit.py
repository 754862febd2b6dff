"""Audit entries name a person: the API key's name beside its id, the CLI user's login."""

from __future__ import annotations

import getpass
import json

import typer
from typer.testing import CliRunner

from tests.api.conftest import api_keys, app, as_role, client  # noqa: F401 - fixtures for the API cases

REVIEWABLE = b"Employee,Date,Hours,Rate\nJane Smith,2026-03-02,8,5\n"  # 5.00 an hour: below the minimum


def key_id(secret: str) -> str:
    from store.apikeys import verify_api_key

    return verify_api_key(secret).key_id


def test_settings_change_over_the_api_records_the_key_name(as_role, api_keys):  # noqa: F811
    from store.settings import setting_history

    mutation = "mutation { updateSettings(input: {leaseSeconds: 40}) { __typename } }"
    assert as_role("admin").gql(mutation)["data"]["updateSettings"]["__typename"] == "Settings"
    assert setting_history("lease_seconds")[0].changed_by == f"key:{key_id(api_keys['admin'])} (test admin)"


def test_a_review_over_the_api_records_the_key_name(as_role, api_keys):  # noqa: F811
    from services.worker import WorkerPool
    from store import queue
    from store.reviews import job_reviews

    job_id = as_role("uploader").upload(REVIEWABLE)["body"]["data"]["uploadFile"]["job"]["id"]
    WorkerPool(poll_interval=0.05).run_job(queue.claim_next_job("test", 30), "test")
    mutation = 'mutation($id: ID!) { approveReview(jobId: $id, comment: "ok") { __typename } }'
    assert as_role("reviewer").gql(mutation, {"id": job_id})["data"]["approveReview"]["__typename"] == "Job"
    assert job_reviews(job_id)[0].reviewer == f"key:{key_id(api_keys['reviewer'])} (test reviewer)"


def test_cli_changes_record_the_login_not_just_cli(moto_store, monkeypatch):
    import cli.common
    import cli.jobs
    import cli.settings
    from store.jobs import list_events
    from store.settings import setting_history
    from store.uploads import register_upload

    for module in (cli.common, cli.jobs, cli.settings):
        monkeypatch.setattr(module, "open_store_or_exit", lambda: None)
    commands = typer.Typer()
    cli.settings.register(commands)
    cli.jobs.register(commands)
    runner = CliRunner()
    person = f"cli:{getpass.getuser()}"

    assert runner.invoke(commands, ["settings", "set", "lease_seconds", "40", "--json"]).exit_code == 0
    assert setting_history("lease_seconds")[0].changed_by == person
    job = register_upload("w.csv", REVIEWABLE, kind="timecard", file_format="csv", priority=2, uploaded_by="t").job
    cancelled = runner.invoke(commands, ["jobs", "cancel", job.job_id, "--json"])
    assert json.loads(cancelled.stdout)["status"] == "CANCELLED"
    assert list_events(job.job_id)[-1].message.endswith(f"by {person}")
