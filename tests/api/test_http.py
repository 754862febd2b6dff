"""Over HTTP with the TestClient: authentication, roles, uploads and refusals."""

from __future__ import annotations

from store.settings import update_settings
from tests.api.conftest import CSV

XLSX_HEAD = b"PK\x03\x04"


def test_no_key_is_refused_before_graphql_runs(as_role):
    response = as_role(None).post("{ health { ok } }")
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_wrong_key_is_refused(client):
    response = client.post("/graphql", json={"query": "{ health { ok } }"}, headers={"x-api-key": "pl_nope_nope"})
    assert response.status_code == 401


def test_revoked_key_is_refused(client, moto_store):
    from api.auth import key_cache
    from store.apikeys import create_api_key, revoke_api_key

    secret, item = create_api_key("admin")
    assert client.post("/graphql", json={"query": "{ health { ok } }"}, headers={"x-api-key": secret}).status_code == 200
    revoke_api_key(item.key_id)
    key_cache.clear()
    assert client.post("/graphql", json={"query": "{ health { ok } }"}, headers={"x-api-key": secret}).status_code == 401


def test_get_queries_are_not_served(client, api_keys):
    response = client.get("/graphql", params={"query": "{ health { ok } }"}, headers={"x-api-key": api_keys["admin"]})
    assert response.status_code in (400, 404, 405)
    assert "data" not in response.text


def test_viewer_cannot_upload(as_role):
    result = as_role("viewer").upload(CSV)
    assert result["body"]["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert as_role("admin").gql("{ jobs { nodes { id } } }")["data"]["jobs"]["nodes"] == []


def test_uploader_cannot_review(as_role):
    accepted = as_role("uploader").upload(CSV)["body"]["data"]["uploadFile"]
    body = as_role("uploader").gql('mutation($id: ID!) { approveReview(jobId: $id) { __typename } }',
                                   {"id": accepted["job"]["id"]})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_upload_then_same_bytes_again_is_a_duplicate(as_role):
    uploader = as_role("uploader")
    first = uploader.upload(CSV, priority="HIGH")["body"]["data"]["uploadFile"]
    assert first["__typename"] == "UploadAccepted"
    assert first["job"]["status"] == "PENDING" and first["job"]["priority"] == "HIGH"
    assert first["file"]["kind"] == "timecard" and first["file"]["format"] == "csv"
    second = uploader.upload(CSV, name="renamed.csv")["body"]["data"]["uploadFile"]
    assert second["__typename"] == "DuplicateFile"
    assert second["job"]["id"] == first["job"]["id"] and second["file"]["name"] == "week.csv"


def test_upload_records_the_uploader_identity(as_role, api_keys, moto_store):
    from store.apikeys import verify_api_key
    from store.models import Job

    accepted = as_role("uploader").upload(CSV)["body"]["data"]["uploadFile"]
    key_id = verify_api_key(api_keys["uploader"]).key_id
    assert Job.get(accepted["job"]["id"]).created_by == f"key:{key_id}"


def test_oversized_upload_gets_file_too_large_and_stores_nothing(as_role, moto_store):
    update_settings({"upload_size_limit_mb": 1}, by="test")
    big = b"Employee,Date,Hours\n" + b"A B,2026-03-02,8\n" * 70_000  # ~1.2 MB
    result = as_role("uploader").upload(big)
    assert result["body"]["data"]["uploadFile"]["code"] == "FILE_TOO_LARGE"
    assert as_role("admin").gql("{ queueStats { totalJobs } }")["data"]["queueStats"]["totalJobs"] == 0


def test_far_oversized_request_is_cut_off_while_streaming(as_role, moto_store):
    update_settings({"upload_size_limit_mb": 1}, by="test")
    huge = b"x" * (3 * 1024 * 1024)
    result = as_role("uploader").upload(huge)
    assert result["status"] == 413
    assert result["body"]["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
    assert as_role("admin").gql("{ health { ok } }")["data"]["health"]["ok"] is True


def test_wrong_type_is_refused_with_a_code(as_role):
    pdf = as_role("uploader").upload(b"%PDF-1.7\x00\x01binary", name="scan.pdf")
    assert pdf["body"]["data"]["uploadFile"]["code"] == "UNSUPPORTED_FORMAT"
    empty = as_role("uploader").upload(b"", name="empty.csv")
    assert empty["body"]["data"]["uploadFile"]["code"] == "EMPTY_FILE"


def test_too_deep_query_is_refused_and_the_server_keeps_serving(as_role):
    viewer = as_role("viewer")
    nested = "query { " + "jobs { nodes { " * 12 + "id" + " } }" * 12 + " }"
    body = viewer.gql(nested)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"
    assert "data" not in body or body["data"] is None
    assert viewer.gql("{ health { ok storeReachable } }")["data"]["health"] == {"ok": True, "storeReachable": True}


def test_oversized_json_body_is_refused(as_role):
    response = as_role("viewer").post("{ health { ok } }" + " " * (1024 * 1024 + 10))
    assert response.status_code == 413


def test_health_endpoint_reports_store_and_counts(client, as_role):
    as_role("uploader").upload(CSV)
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["store_reachable"] is True and body["counts"]["PENDING"] == 1


def test_bearer_token_from_jwks_is_accepted_with_its_group_role(client, monkeypatch):
    import api.auth

    monkeypatch.setattr(api.auth, "identity_from_jwt",
                        lambda token: api.auth.Identity("jwt:abc", "reviewer", "jwt") if token == "good" else None)
    ok = client.post("/graphql", json={"query": "{ health { ok } }"}, headers={"Authorization": "Bearer good"})
    assert ok.status_code == 200
    bad = client.post("/graphql", json={"query": "{ health { ok } }"}, headers={"Authorization": "Bearer bad"})
    assert bad.status_code == 401


def test_background_feed_starts_with_the_app_and_health_shows_it(moto_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(start_background=True)) as test_client:
        live = test_client.get("/health").json()["live"]
    assert live["feed_running"] is True and live["followed_jobs"] == 0
    with TestClient(create_app()) as test_client:
        assert test_client.get("/health").json()["live"]["feed_running"] is False


def test_cross_origin_websocket_is_refused_unless_allowed(moto_store, api_keys):
    import pytest
    from fastapi.testclient import TestClient
    from starlette.websockets import WebSocketDisconnect

    from api.app import create_app

    init = {"type": "connection_init", "payload": {"x-api-key": api_keys["viewer"]}}

    def open_socket(test_client, origin):
        return test_client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"],
                                             headers={"origin": origin})

    with TestClient(create_app()) as test_client, pytest.raises(WebSocketDisconnect), \
            open_socket(test_client, "https://evil.example") as session:
        session.send_json(init)
        session.receive_json()
    with TestClient(create_app(allowed_origins=["https://ops.example"])) as test_client, \
            open_socket(test_client, "https://ops.example") as session:
        session.send_json(init)
        assert session.receive_json()["type"] == "connection_ack"
