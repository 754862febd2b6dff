"""`onboard`, `backup` and `restore` through a Typer app built here (main.py wires them too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.onboarding.conftest import SAMPLES, customers_csv


@pytest.fixture
def run_cli():
    import cli.backup
    import cli.onboard

    app = typer.Typer()
    cli.onboard.register(app)
    cli.backup.register(app)
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, list(args))
        return result.exit_code, result.stdout

    return invoke


@pytest.fixture
def store_for_cli(moto_store, monkeypatch):
    import cli.common

    monkeypatch.setattr(cli.common, "open_store_or_exit", lambda: None)  # the moto store is already open


def test_dry_run_prints_the_summary_and_never_opens_the_store(run_cli, monkeypatch):
    import cli.common

    def refuse():
        raise AssertionError("dry run opened the store")

    monkeypatch.setattr(cli.common, "open_store_or_exit", refuse)
    code, out = run_cli("onboard", str(SAMPLES / "projects.csv"), "--dry-run", "--json")
    payload = json.loads(out)
    assert code == 0
    assert {k: payload[k] for k in ("model", "rows", "valid", "invalid", "created")} == {
        "model": "Project", "rows": 5, "valid": 1, "invalid": 4, "created": 0}
    assert {(e["row"], e["code"]) for e in payload["errors"]} == {
        (3, "OUT_OF_RANGE"), (4, "INVALID_NUMBER"), (5, "OUT_OF_RANGE"), (6, "REQUIRED")}


def test_submit_creates_records_and_a_resubmitted_file_is_a_duplicate(run_cli, store_for_cli, tmp_path: Path):
    file = tmp_path / "customers.csv"
    file.write_bytes(customers_csv(["ann@example.com", "bob@example.com", "bad"]))
    code, out = run_cli("onboard", str(file), "--submit", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["created"] == 2 and payload["invalid"] == 1 and payload["status"] == "COMPLETED"
    from store.jobs import get_job, list_events

    assert get_job(payload["job_id"]).status == "COMPLETED"
    assert any(e.stage == "store" for e in list_events(payload["job_id"]))  # progress events were stored
    code, out = run_cli("onboard", str(file), "--submit", "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "DUPLICATE_FILE"


def test_submit_of_an_overlapping_file_reports_already_exists(run_cli, store_for_cli, tmp_path: Path):
    (tmp_path / "a.csv").write_bytes(customers_csv(["ann@example.com"]))
    (tmp_path / "b.csv").write_bytes(customers_csv(["zed@example.com", "Ann@Example.com"]))
    run_cli("onboard", str(tmp_path / "a.csv"), "--submit", "--json")
    code, out = run_cli("onboard", str(tmp_path / "b.csv"), "--submit", "--json")
    payload = json.loads(out)
    assert payload["created"] == 1
    assert [(e["row"], e["code"]) for e in payload["errors"]] == [(3, "ALREADY_EXISTS")]


def test_mode_and_detection_errors_exit_2_with_a_code(run_cli, tmp_path: Path):
    code, out = run_cli("onboard", str(SAMPLES / "customers.csv"), "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "MODE_REQUIRED"
    (tmp_path / "export.csv").write_bytes(b"1,Sales\n2,Legal\n")
    code, out = run_cli("onboard", str(tmp_path / "export.csv"), "--dry-run", "--json")
    error = json.loads(out)["error"]
    assert code == 2 and error["code"] == "AMBIGUOUS_MODEL" and "Department, JobTitle" in error["message"]
    code, out = run_cli("onboard", str(tmp_path / "export.csv"), "--dry-run", "--json", "--model", "JobTitle")
    assert code == 0 and json.loads(out)["model"] == "JobTitle"
    code, out = run_cli("onboard", str(tmp_path / "export.csv"), "--dry-run", "--json", "--model", "Invoice")
    assert code == 2 and json.loads(out)["error"]["code"] == "UNKNOWN_MODEL"


def test_list_models_needs_no_file(run_cli):
    code, out = run_cli("onboard", "--list-models", "--json")
    models = {m["name"]: m for m in json.loads(out)["models"]}
    assert code == 0 and set(models) == {"Customer", "Project", "Department", "JobTitle", "HiredEmployee"}
    assert "customerEmail" in next(f for f in models["Customer"]["fields"] if f["name"] == "email")["aliases"]


def test_backup_and_restore_commands(run_cli, store_for_cli):
    run_cli("onboard", str(SAMPLES / "departments.csv"), "--submit", "--json")
    code, out = run_cli("backup", "Department", "--json")
    backup = json.loads(out)
    assert code == 0 and backup["records"] == 12 and backup["key"].startswith("backups/department/")
    code, out = run_cli("restore", "Department", backup["key"], "--json")
    assert code == 0 and json.loads(out) == {"model": "Department", "key": backup["key"], "records": 12,
                                             "restored": 0, "already_present": 12, "conflicts": 0}
    code, out = run_cli("restore", "Department", "backups/department/missing.avro", "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "BACKUP_NOT_FOUND"
