"""API fixtures: an app on the moto store, a key per role, and small helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

ROLES = ("viewer", "uploader", "reviewer", "admin")
CSV = b"Employee,Date,Hours,Rate\nJane Smith,2026-03-02,8,25\n"


@pytest.fixture
def api_keys(moto_store) -> dict[str, str]:
    from store.apikeys import create_api_key

    return {role: create_api_key(role, name=f"test {role}")[0] for role in ROLES}


@pytest.fixture
def app(moto_store):
    from api.app import create_app

    return create_app()


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


class Caller:
    """POSTs GraphQL as one role."""

    def __init__(self, client: TestClient, key: str | None):
        self.client = client
        self.key = key

    def headers(self) -> dict[str, str]:
        return {"x-api-key": self.key} if self.key else {}

    def post(self, query: str, variables: dict[str, Any] | None = None):
        return self.client.post("/graphql", json={"query": query, "variables": variables or {}},
                                headers=self.headers())

    def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.post(query, variables)
        assert response.status_code == 200, response.text
        return response.json()

    def upload(self, data: bytes, name: str = "week.csv", priority: str | None = None) -> dict[str, Any]:
        import json

        query = """mutation($file: Upload!, $priority: JobPriority) {
          uploadFile(file: $file, priority: $priority) {
            __typename
            ... on UploadAccepted { job { id status priority lastSeq } file { sha256 name size format kind } }
            ... on DuplicateFile { job { id status } file { sha256 name } }
            ... on InvalidUpload { code message }
          }
        }"""
        variables: dict[str, Any] = {"file": None}
        if priority:
            variables["priority"] = priority
        response = self.client.post(
            "/graphql",
            data={"operations": json.dumps({"query": query, "variables": variables}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (name, data, "text/csv")},
            headers=self.headers(),
        )
        return {"status": response.status_code, "body": response.json()}


@pytest.fixture
def as_role(client, api_keys):
    def make(role: str | None) -> Caller:
        return Caller(client, api_keys[role] if role else None)

    return make
