"""One intake for every way in: with upload_size_limit_mb = 1, a 1.15 MB onboarding CSV is
refused with the same code and message by the API, the drop folder, ``enqueue`` and
``onboard --submit``, and nothing is stored by any of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.api.conftest import api_keys, app, as_role, client  # noqa: F401 - fixtures for the API way in
from tests.onboarding.conftest import customers_csv

CODE = "FILE_TOO_LARGE"
MESSAGE = "the file is larger than the 1 MB limit; split it or raise upload_size_limit_mb"


@pytest.fixture
def big_onboarding_csv() -> bytes:
    data = customers_csv([f"person{i:06d}@example.com" for i in range(31_000)])
    assert 1.1 * 1024 * 1024 < len(data) < 1.2 * 1024 * 1024  # the 1.15 MB file of the report
    return data


@pytest.fixture
def one_megabyte_limit(moto_store):
    from store.settings import update_settings

    update_settings({"upload_size_limit_mb": 1}, by="test")


@pytest.fixture
def cli(monkeypatch):
    import cli.common
    import cli.jobs
    import cli.onboard

    for module in (cli.common, cli.jobs):  # the moto store is already open
        monkeypatch.setattr(module, "open_store_or_exit", lambda: None)
    commands = typer.Typer()
    cli.jobs.register(commands)
    cli.onboard.register(commands)
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, dict]:
        result = runner.invoke(commands, list(args))
        return result.exit_code, json.loads(result.stdout)

    return invoke


def nothing_stored() -> bool:
    from store.models import FileRecord, Job

    return not list(Job.scan()) and not list(FileRecord.scan())


def test_api_refuses_the_file(one_megabyte_limit, as_role, big_onboarding_csv):  # noqa: F811
    answer = as_role("uploader").upload(big_onboarding_csv, name="customers.csv")["body"]["data"]["uploadFile"]
    assert (answer["__typename"], answer["code"], answer["message"]) == ("InvalidUpload", CODE, MESSAGE)
    assert nothing_stored()


def test_drop_folder_refuses_the_file(one_megabyte_limit, big_onboarding_csv):
    from services.drop.registration import Rejected, register_drop, too_large

    outcome = register_drop("incoming/customers.csv", big_onboarding_csv)
    assert isinstance(outcome, Rejected) and outcome.error == {"code": CODE, "message": MESSAGE}
    assert too_large(len(big_onboarding_csv)) == outcome  # S3's check before download says the same
    assert nothing_stored()


def test_enqueue_refuses_the_file(one_megabyte_limit, cli, tmp_path: Path, big_onboarding_csv):
    file = tmp_path / "customers.csv"
    file.write_bytes(big_onboarding_csv)
    code, payload = cli("enqueue", str(file), "--json")
    assert code == 2 and payload == {"error": {"code": CODE, "message": MESSAGE}}
    assert nothing_stored()


def test_onboard_submit_refuses_the_file(one_megabyte_limit, cli, tmp_path: Path, big_onboarding_csv):
    file = tmp_path / "customers.csv"
    file.write_bytes(big_onboarding_csv)
    code, payload = cli("onboard", str(file), "--submit", "--json")
    assert code == 2 and payload == {"error": {"code": CODE, "message": MESSAGE}}
    assert nothing_stored()


def test_a_file_under_the_limit_is_accepted_once_then_a_duplicate(moto_store):
    from services.intake import Accepted, Duplicate, submit_file

    data = customers_csv(["ann@example.com"])
    first = submit_file("cli", "customers.csv", data, kind=None, priority=None, by="test")
    again = submit_file("upload", "other-name.csv", data, kind=None, priority=None, by="someone")
    assert isinstance(first, Accepted) and first.job.kind == "onboarding"
    assert isinstance(again, Duplicate) and again.job.job_id == first.job.job_id


def test_an_omitted_priority_takes_default_job_priority(moto_store):
    from services.intake import submit_file
    from store.settings import update_settings

    update_settings({"default_job_priority": 4}, by="test")
    outcome = submit_file("upload", "week.csv", b"Employee,Date,Hours\nA B,2026-03-02,8\n", kind=None, priority=None,
                          by="test")
    assert int(outcome.job.priority) == 4


def test_api_upload_without_priority_takes_default_job_priority(moto_store, as_role):  # noqa: F811
    from store.settings import update_settings

    update_settings({"default_job_priority": 4}, by="test")
    uploader = as_role("uploader")
    omitted = uploader.upload(b"Employee,Date,Hours\nA B,2026-03-02,8\n")["body"]["data"]["uploadFile"]
    explicit = uploader.upload(b"Employee,Date,Hours\nA B,2026-03-03,8\n", priority="NORMAL")["body"]["data"]
    assert omitted["job"]["priority"] == "URGENT"
    assert explicit["uploadFile"]["job"]["priority"] == "NORMAL"
