"""Settings changes: a nullable setting can be cleared, an unchanged value is a no-op, and the
compliance switches exist as settings (CLI and GraphQL alike)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.api.conftest import api_keys, app, as_role, client  # noqa: F401 - fixtures for the GraphQL cases

# 10 hours on one California day: daily overtime after 8 hours under state law.
CA_DAY = b"Employee,Employee ID,Date,Hours,Rate,State\nAna Ruiz,E1,2026-03-02,10,30,CA\n"


@pytest.fixture
def cli(moto_store, monkeypatch):
    import cli.common
    import cli.process
    import cli.settings

    for module in (cli.common, cli.settings):  # the moto store is already open
        monkeypatch.setattr(module, "open_store_or_exit", lambda: None)
    commands = typer.Typer()
    cli.settings.register(commands)
    cli.process.register(commands)
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, dict]:
        result = runner.invoke(commands, list(args))
        return result.exit_code, json.loads(result.stdout)

    return invoke


@pytest.mark.parametrize("cleared", [None, ""])
def test_default_work_state_can_be_cleared(moto_store, cleared):
    from store.settings import get_operational_settings, setting_history, update_settings

    update_settings({"default_work_state": "CA"}, by="test")
    assert update_settings({"default_work_state": cleared}, by="test").default_work_state is None
    assert get_operational_settings(fresh=True).default_work_state is None
    latest = setting_history("default_work_state")[0]
    assert (latest.old_value, latest.new_value) == ("CA", None)


def test_an_unchanged_value_writes_nothing_and_is_not_an_error(local_store):
    """On DynamoDB Local (moto accepts an empty transaction; DynamoDB refuses it)."""
    from store.settings import setting_history, update_settings

    update_settings({"lease_seconds": 45}, by="test")
    assert update_settings({"lease_seconds": 45}, by="test").lease_seconds == 45
    assert len(setting_history("lease_seconds")) == 1


def test_cli_clears_a_nullable_setting(cli):
    assert cli("settings", "set", "default_work_state", '"CA"', "--json") == (0, {"default_work_state": "CA"})
    assert cli("settings", "set", "default_work_state", "null", "--json") == (0, {"default_work_state": None})


def test_graphql_clears_a_nullable_setting_and_accepts_an_unchanged_one(as_role):  # noqa: F811
    mutation = """mutation($input: SettingsInput!) { updateSettings(input: $input) {
      __typename ... on Settings { defaultWorkState leaseSeconds } } }"""
    admin = as_role("admin")
    set_ca = admin.gql(mutation, {"input": {"defaultWorkState": "CA"}})["data"]["updateSettings"]
    assert set_ca["defaultWorkState"] == "CA"
    cleared = admin.gql(mutation, {"input": {"defaultWorkState": None}})["data"]["updateSettings"]
    assert (cleared["__typename"], cleared["defaultWorkState"]) == ("Settings", None)
    again = admin.gql(mutation, {"input": {"defaultWorkState": None}})
    assert "errors" not in again and again["data"]["updateSettings"]["defaultWorkState"] is None


def test_state_daily_overtime_can_be_switched_off(cli, tmp_path: Path):
    file = tmp_path / "ca.csv"
    file.write_bytes(CA_DAY)

    def codes() -> set[str]:
        code, result = cli("process", str(file), "--stored-settings", "--json")
        assert code == 0, result
        return {issue["code"] for issue in result["issues"]}

    state_daily = {"DAILY_OVERTIME", "DAILY_PREMIUM_UNPAID"}  # unpaid, or paid but unchecked
    assert codes() & state_daily
    assert cli("settings", "set", "state_daily_overtime_enabled", "false", "--json") == (
        0, {"state_daily_overtime_enabled": False})
    assert not codes() & state_daily


def test_graphql_settings_follow_the_model():
    """Settings and SettingsInput are derived from the model: every field, none hand-kept."""
    from api.schema import build_schema
    from core.operational_settings import OperationalSettings

    sdl = build_schema().as_str()

    def fields_of(kind: str, name: str) -> set[str]:
        block = sdl.split(f"{kind} {name} {{", 1)[1].split("}", 1)[0]
        return {line.split(":")[0].strip() for line in block.strip().splitlines()}

    def camel(snake: str) -> str:
        head, *rest = snake.split("_")
        return head + "".join(part.title() for part in rest)

    expected = {camel(name) for name in OperationalSettings.model_fields}
    assert "stateDailyOvertimeEnabled" in expected
    assert fields_of("type", "Settings") == expected == fields_of("input", "SettingsInput")

