"""Subscriptions over WebSocket (graphql-transport-ws) with the TestClient; a worker stand-in
moves jobs through the real queue API from the test thread."""

from __future__ import annotations

import threading
import time

import pytest

from store.uploads import register_upload
from tests.api.helpers import PROTOCOL, WsClient, run_job_to

PROGRESS = """subscription($id: ID!, $after: Int) {
  jobProgress(jobId: $id, afterSeq: $after) { seq type status progress stage at }
}"""


def new_job(data: bytes = b"Employee,Date,Hours\nA B,2026-03-02,8\n"):
    return register_upload("w.csv", data, kind="timecard", file_format="csv", priority=2, uploaded_by="key:t").job


def connect(client):
    return client.websocket_connect("/graphql", subprotocols=[PROTOCOL])


def test_connection_without_credentials_is_refused(client):
    with connect(client) as session:
        ws = WsClient(session)
        reply = ws.init({})
        assert reply == {"type": "closed", "code": 4403, "reason": "Forbidden"}


def test_connection_with_a_wrong_key_is_refused(client):
    with connect(client) as session:
        assert WsClient(session).init({"x-api-key": "pl_bad_bad"})["code"] == 4403


def test_subscribing_before_init_is_refused(client):
    with connect(client) as session:
        ws = WsClient(session)
        ws.subscribe("1", "subscription { jobEvents { seq } }")
        assert ws.receive()["code"] == 4401


def test_job_progress_replays_then_follows_live_until_review(client, api_keys, moto_store):
    job = new_job()
    with connect(client) as session:
        ws = WsClient(session)
        assert ws.init({"x-api-key": api_keys["viewer"]})["type"] == "connection_ack"
        ws.subscribe("p", PROGRESS, {"id": job.job_id})
        first = ws.receive()
        assert first["payload"]["data"]["jobProgress"]["type"] == "created"  # replayed
        worker = threading.Thread(target=run_job_to, args=(job.job_id, "REVIEW"))
        worker.start()
        events = [m["data"]["jobProgress"] for m in ws.collect("p")]
        worker.join()
    seqs = [e["seq"] for e in events]
    assert seqs == list(range(2, 2 + len(seqs))), "in order, without gaps or duplicates"
    assert [e["stage"] for e in events] == ["claimed", "read", "extract", "validate", "review"]
    assert events[-1]["status"] == "REVIEW" and events[-1]["progress"] == 100


def test_late_subscriber_gets_the_stored_events_after_its_seq_and_ends(client, api_keys, moto_store):
    job = new_job()
    run_job_to(job.job_id, "COMPLETED")
    with connect(client) as session:
        ws = WsClient(session)
        ws.init({"x-api-key": api_keys["viewer"]})
        ws.subscribe("p", PROGRESS, {"id": job.job_id, "after": 3})
        events = [m["data"]["jobProgress"] for m in ws.collect("p")]
    assert [e["seq"] for e in events] == [4, 5, 6]
    assert events[-1]["status"] == "COMPLETED"


def test_following_a_job_in_review_waits_for_the_decision(client, api_keys, moto_store):
    from store.reviews import approve_review

    job = new_job()
    run_job_to(job.job_id, "REVIEW")
    with connect(client) as session:
        ws = WsClient(session)
        ws.init({"x-api-key": api_keys["viewer"]})
        ws.subscribe("p", PROGRESS, {"id": job.job_id, "after": 6})
        timer = threading.Timer(0.5, approve_review, args=(job.job_id,), kwargs={"reviewer": "key:r"})
        timer.start()
        events = [m["data"]["jobProgress"] for m in ws.collect("p")]
        timer.join()
    assert [(e["seq"], e["type"], e["status"]) for e in events] == [(7, "review", "COMPLETED")]


def test_unknown_job_progress_is_an_error_with_a_code(client, api_keys, moto_store):
    with connect(client) as session:
        ws = WsClient(session)
        ws.init({"x-api-key": api_keys["viewer"]})
        ws.subscribe("p", PROGRESS, {"id": "missing"})
        message = ws.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "JOB_NOT_FOUND"


def test_many_subscribers_share_one_poller_per_job(app, client, api_keys, moto_store):
    job = new_job()
    sessions = [connect(client) for _ in range(5)]
    clients = []
    try:
        for cm in sessions:
            ws = WsClient(cm.__enter__())
            ws.init({"x-api-key": api_keys["viewer"]})
            ws.subscribe("p", PROGRESS, {"id": job.job_id})
            assert ws.receive()["payload"]["data"]["jobProgress"]["seq"] == 1
            clients.append(ws)
        assert len(app.state.hubs.jobs) == 1
        assert len(app.state.hubs.jobs[job.job_id].queues) == 5
        run_job_to(job.job_id, "COMPLETED")
        for ws in clients:
            assert [m["data"]["jobProgress"]["seq"] for m in ws.collect("p")] == [2, 3, 4, 5, 6]
    finally:
        for cm in sessions:
            cm.__exit__(None, None, None)
    deadline = time.monotonic() + 5
    while app.state.hubs.jobs and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app.state.hubs.jobs == {}, "the poller stops when nobody listens"


def test_job_events_and_review_queue_changes_reach_dashboards(client, api_keys, moto_store):
    from store.reviews import reject_review

    with connect(client) as session:
        ws = WsClient(session)
        ws.init({"x-api-key": api_keys["viewer"]})
        ws.subscribe("feed", "subscription { jobEvents { jobId seq status } }")
        ws.subscribe("rq", "subscription { reviewQueueChanged { jobId change event { status } } }")
        time.sleep(0.5)  # both subscriptions registered
        job = new_job()
        run_job_to(job.job_id, "REVIEW")
        reject_review(job.job_id, reviewer="key:r", comment="wrong week")
        feed, changes = [], []
        deadline = time.monotonic() + 15
        while (len(feed) < 7 or len(changes) < 2) and time.monotonic() < deadline:
            message = ws.receive()
            if message.get("id") == "feed":
                feed.append(message["payload"]["data"]["jobEvents"])
            elif message.get("id") == "rq":
                changes.append(message["payload"]["data"]["reviewQueueChanged"])
    mine = [e["seq"] for e in feed if e["jobId"] == job.job_id]
    assert mine == [1, 2, 3, 4, 5, 6, 7]
    assert [(c["change"], c["event"]["status"]) for c in changes] == [("ENTERED", "REVIEW"), ("LEFT", "FAILED")]


def test_subscriptions_per_connection_are_limited(client, api_keys, moto_store):
    from api.app import MAX_SUBSCRIPTIONS_PER_CONNECTION

    job = new_job()
    run_job_to(job.job_id, "REVIEW")
    with connect(client) as session:
        ws = WsClient(session)
        ws.init({"x-api-key": api_keys["viewer"]})
        for i in range(MAX_SUBSCRIPTIONS_PER_CONNECTION + 1):
            ws.subscribe(f"s{i}", "subscription { jobEvents { seq } }")
        message = ws.receive()
        while message["type"] != "error":
            message = ws.receive()
    assert message["id"] == f"s{MAX_SUBSCRIPTIONS_PER_CONNECTION}"
    assert "limit" in message["payload"][0]["message"].lower()


@pytest.mark.parametrize("subprotocol", ["graphql-ws"])
def test_legacy_protocol_also_authenticates_in_connection_init(client, api_keys, moto_store, subprotocol):
    job = new_job()
    with client.websocket_connect("/graphql", subprotocols=[subprotocol]) as session:
        session.send_json({"type": "connection_init", "payload": {"x-api-key": api_keys["viewer"]}})
        ws = WsClient(session)
        assert ws.receive()["type"] == "connection_ack"
        session.send_json({"id": "1", "type": "start", "payload": {"query": PROGRESS, "variables": {"id": job.job_id}}})
        message = ws.receive()
        while message["type"] == "ka":
            message = ws.receive()
        assert message["type"] == "data" and message["payload"]["data"]["jobProgress"]["seq"] == 1
    with client.websocket_connect("/graphql", subprotocols=[subprotocol]) as session:
        session.send_json({"type": "connection_init", "payload": {}})
        reply = WsClient(session).receive()
        assert reply["type"] in ("connection_error", "closed")


def test_non_browser_clients_may_authenticate_with_handshake_headers(client, api_keys):
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL],
                                  headers={"x-api-key": api_keys["viewer"]}) as session:
        assert WsClient(session).init({})["type"] == "connection_ack"
