"""ask through the real GraphQL schema (role from the caller's identity) and through the CLI."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from api.auth import Identity

QUERY = """query($q: String!, $today: Date) { ask(question: $q, today: $today) {
  __typename
  ... on AskAnswer { question today source columns { name type } rows notes
                     plan { text entity measure periodStart periodEnd periodWords groupBy having order limit
                            filters { name values } }
                     drawnOn { entity records periodStart periodEnd } }
  ... on CannotAnswer { code reason examples }
}}"""


def run(role: str | None, question: str, today: str | None = "2026-03-18"):
    from api.schema import schema

    identity = Identity(subject=f"key:{role}", role=role, method="api_key") if role else None
    return asyncio.run(schema.execute(QUERY, variable_values={"q": question, "today": today},
                                      context_value=SimpleNamespace(identity=identity)))


def test_graphql_answer_has_typed_columns_the_plan_and_what_it_drew_on(seeded_store):
    result = run("viewer", "Who went over 40 hours in the week of March 2?")
    assert result.errors is None, result.errors
    answer = result.data["ask"]
    assert answer["__typename"] == "AskAnswer" and answer["source"] == "parser" and answer["today"] == "2026-03-18"
    assert answer["columns"] == [{"name": "employee", "type": "TEXT"}, {"name": "hours", "type": "DECIMAL"}]
    assert answer["rows"] == [["Ana Lopez", "48.00"], ["Jane Smith", "45.00"]]
    plan = answer["plan"]
    assert (plan["entity"], plan["measure"], plan["periodStart"], plan["periodEnd"]) == (
        "timecard_entries", "hours", "2026-03-02", "2026-03-08")
    assert plan["groupBy"] == ["employee"] and plan["having"] == "hours > 40"
    assert "week of march 2" in plan["text"]
    # 5 + 4 + 6 entries that week (Jane, Bob, Ana); Bob's 32 h are read but not shown
    assert answer["drawnOn"] == {"entity": "timecard_entries", "records": 15, "periodStart": "2026-03-02",
                                 "periodEnd": "2026-03-08"}


def test_graphql_refusals_are_the_cannot_answer_member(seeded_store):
    for question, code in (("Delete last week's timecards", "WRITE_INTENT"), ("Jane Smith's SSN", "PROTECTED_DATA"),
                           ("Total pay last week", "OUTSIDE_ROLE"), ("What is the weather?", "UNSUPPORTED")):
        result = run("viewer", question)
        assert result.errors is None
        refused = result.data["ask"]
        assert refused["__typename"] == "CannotAnswer" and refused["code"] == code, question
        assert refused["reason"] and len(refused["examples"]) >= 5


def test_graphql_ask_needs_an_authenticated_caller(seeded_store):
    result = run(None, "Total hours last week")
    assert result.errors and "authenticate" in result.errors[0].message


def test_graphql_list_answers_carry_iso_times(seeded_store):
    result = run("viewer", "Which files are waiting for review?")
    answer = result.data["ask"]
    created = answer["columns"].index({"name": "created_at", "type": "DATETIME"})
    assert [row[created] for row in answer["rows"]] == ["2026-03-17T08:00:00Z", "2026-03-16T09:00:00Z"]


@pytest.fixture
def cli(seeded_store, monkeypatch):
    import cli.ask
    from main import app

    monkeypatch.setattr(cli.ask, "open_store_or_exit", lambda: None)  # the seeded store is already bound
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["ask", *args])


def test_cli_prints_the_table_the_plan_and_the_records(cli):
    result = cli("Total hours by employee last month", "--today", "2026-03-18")
    assert result.exit_code == 0, result.output
    assert "Ana Lopez" in result.output and "33.00" in result.output
    assert "plan: hours of timecard_entries, from 2026-02-01 to 2026-02-28" in result.output
    assert "drawn on 10 timecard entries" in result.output  # February: Bob 3, Jane 4, Ana 3 (her 03-01 is March)


def test_cli_json_and_refusal_exit_status(cli):
    result = cli("How many hires in 2022?", "--today", "2026-03-18", "--json")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["rows"] == [["3"]] and payload["columns"] == [{"name": "hires", "type": "integer"}]
    assert payload["plan"]["entity"] == "hires"
    refused = cli("Total pay last week", "--role", "viewer", "--json")
    assert refused.exit_code == 1
    assert json.loads(refused.output)["cannot_answer"]["code"] == "OUTSIDE_ROLE"
    assert cli("Total hours", "--today", "18/03/2026").exit_code == 2
    assert cli("Total hours", "--role", "root").exit_code == 2
