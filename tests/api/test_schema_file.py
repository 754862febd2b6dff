"""The committed schema.graphql must be what the code builds (regenerate with
`python -m api.export_schema`)."""

from __future__ import annotations

from pathlib import Path

from api.schema import build_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_matches_the_code():
    committed = SCHEMA_FILE.read_text().strip()
    built = build_schema().as_str().strip()
    assert committed == built, (
        "schema.graphql is out of date: run `python -m api.export_schema` and commit it"
    )


def test_schema_has_the_operations_the_clients_use():
    sdl = SCHEMA_FILE.read_text()
    # Public signatures: new arguments may only be appended, optional (uploadFile gained `kind`).
    for operation in ("uploadFile(file: Upload!, priority: JobPriority = NORMAL", "jobProgress(jobId: ID!",
                      "approveReview(jobId: ID!", "rejectReview(jobId: ID!, comment: String!)",
                      "updateSettings(input: SettingsInput!)", "reviewQueueChanged", "jobEvents", "queueStats",
                      "timecards(", "cancelJob(id: ID!)", "deleteJob(id: ID!)"):
        assert operation in sdl, operation
