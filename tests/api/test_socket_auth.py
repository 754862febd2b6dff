"""An open WebSocket loses its rights with its credentials: a revoked key's socket is closed
within 10 s, a token's socket at its expiry, and an operation sent after revocation is
refused. Real sockets against a live server."""

from __future__ import annotations

import contextlib
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

import api.auth
from core.config import AppConfig
from tests.api.helpers import PROTOCOL, ServerThread

FEED = "subscription { jobEvents { seq } }"


@pytest.fixture
def server(moto_store):
    from api.app import create_app

    with ServerThread(create_app()) as running:
        yield running


@contextlib.contextmanager
def open_socket(server, payload: dict):
    with connect(server.url.replace("http", "ws"), subprotocols=[PROTOCOL], open_timeout=10) as ws:
        ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(ws.recv(timeout=10))
        assert ack["type"] == "connection_ack", ack
        yield ws


def wait_closed(ws, timeout: float) -> tuple[float, int | None]:
    """Seconds until the server closed the socket, and its close code (pings answered)."""
    started = time.monotonic()
    try:
        while True:
            message = json.loads(ws.recv(timeout=timeout))
            if message.get("type") == "ping":
                ws.send(json.dumps({"type": "pong"}))
    except ConnectionClosed as closed:
        return time.monotonic() - started, closed.rcvd.code if closed.rcvd else None


def test_a_revoked_keys_socket_is_closed_within_10_seconds(server):
    from store.apikeys import create_api_key, revoke_api_key

    secret, item = create_api_key("admin")
    with open_socket(server, {"x-api-key": secret}) as ws:
        ws.send(json.dumps({"id": "feed", "type": "subscribe", "payload": {"query": FEED}}))
        time.sleep(0.5)
        assert revoke_api_key(item.key_id)
        elapsed, code = wait_closed(ws, timeout=15)
        assert code == 4403
        assert elapsed < 10, f"closed {elapsed:.1f} s after revocation"


def test_an_operation_after_revocation_is_refused_and_the_socket_closed(server):
    from store.apikeys import create_api_key, revoke_api_key

    secret, item = create_api_key("admin")
    with open_socket(server, {"x-api-key": secret}) as ws:
        revoke_api_key(item.key_id)
        api.auth.key_cache.clear()  # as if the key's cache entry had run out
        ws.send(json.dumps({"id": "s", "type": "subscribe", "payload": {"query": "{ settings { overtimeThresholdHours } }"}}))
        answer = json.loads(ws.recv(timeout=10))
        assert answer["type"] == "next" and answer["id"] == "s", answer
        assert answer["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert answer["payload"]["data"] is None
        _, code = wait_closed(ws, timeout=10)
        assert code == 4403


def test_a_tokens_socket_is_closed_at_its_expiry(server, monkeypatch):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    class Jwks:
        def get_signing_key_from_jwt(self, _token):
            return type("Key", (), {"key": private.public_key()})()

    monkeypatch.setattr(api.auth, "_jwks_client", lambda url: Jwks())
    monkeypatch.setattr(api.auth, "get_config", lambda: AppConfig(jwks_url="https://example.invalid/jwks.json"))
    expires = int(time.time()) + 3
    token = jwt.encode({"sub": "u1", "exp": expires, "cognito:groups": ["admin"]}, private, algorithm="RS256")
    with open_socket(server, {"Authorization": f"Bearer {token}"}) as ws:
        ws.send(json.dumps({"id": "feed", "type": "subscribe", "payload": {"query": FEED}}))
        _, code = wait_closed(ws, timeout=15)
        closed_at = time.time()
        assert code == 4403
        assert expires <= closed_at < expires + 1.5, f"closed {closed_at - expires:+.1f} s from the token's exp"


def test_a_valid_key_keeps_its_socket_open(server, monkeypatch):
    import api.socket_auth
    from store.apikeys import create_api_key

    monkeypatch.setattr(api.socket_auth, "SOCKET_RECHECK_SECONDS", 0.3)
    secret, _ = create_api_key("viewer")
    with open_socket(server, {"x-api-key": secret}) as ws:
        time.sleep(1.2)  # several re-checks
        ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": {"query": "{ health { ok } }"}}))
        answer = json.loads(ws.recv(timeout=10))
        assert answer["payload"] == {"data": {"health": {"ok": True}}}
