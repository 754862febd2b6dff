"""`apikey create` through Typer, on the moto store."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from cli import apikey


@pytest.fixture
def cli_app(moto_store, monkeypatch):
    import store.bootstrap

    monkeypatch.setattr(store.bootstrap, "open_store", lambda *a, **k: None)  # moto_store is already open
    app = typer.Typer()
    app.command("noop")(lambda: None)
    apikey.register(app)
    return app


def test_create_json_prints_a_key_that_verifies_with_its_role(cli_app):
    from store.apikeys import verify_api_key

    result = CliRunner().invoke(cli_app, ["apikey", "create", "--role", "reviewer", "--name", "ops", "--json"])
    assert result.exit_code == 0, result.output
    key = json.loads(result.output)["key"]
    assert verify_api_key(key).role == "reviewer"


def test_unknown_role_is_refused(cli_app):
    result = CliRunner().invoke(cli_app, ["apikey", "create", "--role", "root"])
    assert result.exit_code == 2


def test_bootstrap_creates_an_admin_key_once(moto_store):
    from api.bootstrap_admin import ensure_admin_key
    from store.apikeys import verify_api_key

    secret = ensure_admin_key()
    assert secret and verify_api_key(secret).role == "admin"
    assert ensure_admin_key() is None


def test_list_shows_ids_and_roles_but_no_secret(cli_app):
    from store.apikeys import create_api_key, hash_key

    secret, item = create_api_key("uploader", name="scanner")
    result = CliRunner().invoke(cli_app, ["apikey", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["key_id"], r["role"], r["name"], r["revoked"]) for r in rows] == [
        (item.key_id, "uploader", "scanner", False)]
    assert secret not in result.output and hash_key(secret) not in result.output


def test_revoke_makes_the_key_fail_and_shows_in_the_list(cli_app):
    from store.apikeys import create_api_key, verify_api_key

    secret, item = create_api_key("admin")
    result = CliRunner().invoke(cli_app, ["apikey", "revoke", item.key_id])
    assert result.exit_code == 0, result.output
    assert verify_api_key(secret) is None
    listed = json.loads(CliRunner().invoke(cli_app, ["apikey", "list", "--json"]).output)
    assert listed[0]["revoked"] is True


def test_revoking_an_unknown_id_says_how_to_find_one(cli_app):
    result = CliRunner().invoke(cli_app, ["apikey", "revoke", "nope"])
    assert result.exit_code == 1
    assert "apikey list" in result.output
