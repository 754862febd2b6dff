"""The gate in front of POST /graphql: credentials before the body, the body spooled with a
cap, stalled and short bodies timed out. Unit tests on the middleware, then a live server
spoken to over raw sockets (the way a slow or hostile client behaves)."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import tracemalloc

import httpx
import pytest

import api.limits
from api.auth import Identity
from api.limits import JSON_BODY_LIMIT, BodySizeLimit
from tests.api.helpers import ServerThread

UPLOADER = Identity("key:test", "uploader", "api_key")


def call(headers: dict[str, str], chunks: list[bytes], limit_mb: int = 1, identity: Identity | None = UPLOADER):
    reached_app, sent, received = [], [], []
    queue = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def app(scope, receive, send):
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        reached_app.append((len(body), scope["state"]["identity"]))

    async def receive():
        message = queue.pop(0)
        received.append(message)
        return message

    async def send(message):
        sent.append(message)

    async def limit():
        return limit_mb

    async def authenticate(_headers):
        return identity

    scope = {"type": "http", "method": "POST", "path": "/graphql",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(BodySizeLimit(app, path="/graphql", upload_limit_mb=limit, authenticate=authenticate)(
        scope, receive, send))
    status = sent[0]["status"] if sent else None
    body = json.loads(sent[1]["body"]) if len(sent) > 1 else None
    return status, reached_app, len(received), body


MULTIPART = {"content-type": "multipart/form-data; boundary=x"}
CHUNK = b"x" * (256 * 1024)


def test_streamed_upload_past_the_cap_is_refused_and_never_reaches_the_app():
    chunks = [CHUNK] * 40  # 10 MB, no Content-Length
    status, reached_app, read, body = call(MULTIPART, chunks, limit_mb=1)
    assert status == 413 and reached_app == []
    assert body["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
    assert "1 MB upload limit" in body["errors"][0]["message"]
    assert read == len(chunks), "the rest is read and dropped, so the client can read the 413"


def test_streamed_upload_under_the_cap_reaches_the_app_whole_with_the_identity():
    chunks = [CHUNK] * 6  # 1.5 MB < 1 MB + margin
    status, reached_app, _, _ = call(MULTIPART, chunks, limit_mb=1)
    assert status is None and reached_app == [(len(CHUNK) * 6, UPLOADER)]


def test_declared_length_past_the_cap_is_refused_without_reaching_the_app():
    status, reached_app, _, _ = call({**MULTIPART, "content-length": str(50 * 1024 * 1024)}, [b"x"], limit_mb=16)
    assert status == 413 and reached_app == []


def test_json_bodies_have_their_own_small_cap():
    status, _, _, body = call({"content-type": "application/json"}, [b"x" * (JSON_BODY_LIMIT + 1)])
    assert status == 413 and "multipart" in body["errors"][0]["message"]


def test_without_credentials_the_body_is_not_kept():
    status, reached_app, _, body = call(MULTIPART, [CHUNK] * 4, identity=None)
    assert status == 401 and reached_app == []
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_large_upload_is_spooled_to_disk_not_held_in_memory():
    tracemalloc.start()
    try:
        received = []

        async def app(scope, receive, send):
            while True:
                message = await receive()
                received.append(len(message["body"]))
                if not message.get("more_body"):
                    return

        queue = [{"type": "http.request", "body": CHUNK, "more_body": i < 31} for i in range(32)]

        async def receive():
            return queue.pop(0)

        async def limit():
            return 16

        async def authenticate(_headers):
            return UPLOADER

        async def send(_message):
            pass

        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        scope = {"type": "http", "method": "POST", "path": "/graphql", "headers": list(MULTIPART_HEADERS)}
        asyncio.run(BodySizeLimit(app, path="/graphql", upload_limit_mb=limit, authenticate=authenticate)(
            scope, receive, send))
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert sum(received) == 32 * len(CHUNK)
    # The 8 MB of test chunks were allocated before the peak was reset; the spool keeps 1 MB.
    assert peak < 3 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB for an 8 MB body"


MULTIPART_HEADERS = [(b"content-type", b"multipart/form-data; boundary=x")]


# --- a live server, raw sockets -------------------------------------------------------------

@pytest.fixture
def live(moto_store):
    from api.app import create_app
    from store.apikeys import create_api_key

    key = create_api_key("uploader")[0]
    with ServerThread(create_app()) as server:
        yield server, key


def raw_request(port: int, headers: dict[str, str], body: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(head.encode() + b"\r\n" + body)
    return sock


def read_response(sock: socket.socket, timeout: float) -> tuple[int, dict]:
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body or b"{}")


def _length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def test_unauthenticated_upload_is_answered_401_before_its_body_is_sent(live):
    server, _ = live
    sock = raw_request(server.port, {"content-type": "multipart/form-data; boundary=x",
                                     "content-length": str(15 * 1024 * 1024)})
    try:
        started = time.monotonic()
        status, body = read_response(sock, timeout=api.limits.DRAIN_SECONDS + 5)
    finally:
        sock.close()
    assert status == 401 and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert time.monotonic() - started < 1, "answered without waiting for one byte of the body"


def test_a_stalled_body_is_dropped_within_the_idle_timeout(live, monkeypatch):
    server, key = live
    monkeypatch.setattr(api.limits, "BODY_IDLE_TIMEOUT_SECONDS", 1.0)
    sock = raw_request(server.port, {"content-type": "application/json", "content-length": "1000",
                                     "x-api-key": key}, b'{"query": "{ hea')
    try:
        started = time.monotonic()
        status, body = read_response(sock, timeout=10)
        elapsed = time.monotonic() - started
        sock.settimeout(5)
        assert sock.recv(1) == b"", "the connection is closed after the answer"
    finally:
        sock.close()
    assert status == 408 and body["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"
    assert 0.9 < elapsed < 3, elapsed


def test_a_slow_body_is_dropped_at_the_total_timeout(live, monkeypatch):
    server, key = live
    monkeypatch.setattr(api.limits, "BODY_TOTAL_TIMEOUT_SECONDS", 1.5)
    sock = raw_request(server.port, {"content-type": "application/json", "content-length": "1000",
                                     "x-api-key": key})
    try:
        started = time.monotonic()
        answered = None
        for _ in range(40):  # a byte every 0.1 s: never idle, never done
            try:
                sock.sendall(b" ")
            except OSError:
                break
            sock.settimeout(0.1)
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    answered = time.monotonic() - started
                    break
            except TimeoutError:
                pass
        status, body = read_response(sock, timeout=5)
    finally:
        sock.close()
    assert status == 408 and answered is not None and answered < 3, answered


def test_an_upload_over_the_limit_gets_a_readable_413(live):
    """A real client sending the whole body reads the JSON answer, not a connection reset."""
    server, key = live
    from store.settings import get_operational_settings

    limit_mb = get_operational_settings().upload_size_limit_mb
    data = b"Employee,Date,Hours\n" + b"x" * ((limit_mb + 2) * 1024 * 1024)
    operations = json.dumps({"query": "mutation($file: Upload!) { uploadFile(file: $file) { __typename } }",
                             "variables": {"file": None}})
    response = httpx.post(server.url, headers={"x-api-key": key}, timeout=60,
                          data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
                          files={"0": ("big.csv", data, "text/csv")})
    assert response.status_code == 413
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "FILE_TOO_LARGE" and f"{limit_mb} MB" in error["message"]



def test_a_streamed_upload_over_the_limit_gets_a_readable_413(live):
    """No Content-Length (chunked): the cap is found while reading, the client is still sending."""
    server, key = live

    def body():
        yield b"--x\r\nContent-Disposition: form-data; name=\"0\"; filename=\"big.csv\"\r\n\r\n"
        for _ in range(40 * 4):
            yield b"y" * (256 * 1024)

    response = httpx.post(server.url, headers={"x-api-key": key, "content-type": "multipart/form-data; boundary=x"},
                          content=body(), timeout=60)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "FILE_TOO_LARGE"
