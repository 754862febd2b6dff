"""The body cap counts bytes as they stream in, with or without a Content-Length."""

from __future__ import annotations

import asyncio

from api.limits import JSON_BODY_LIMIT, MULTIPART_MARGIN, BodySizeLimit


def call(headers: dict[str, str], chunks: list[bytes], limit_mb: int = 1):
    reached_app, sent, received = [], [], []
    queue = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def app(scope, receive, send):
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        reached_app.append(len(body))

    async def receive():
        message = queue.pop(0)
        received.append(message)
        return message

    async def send(message):
        sent.append(message)

    async def limit():
        return limit_mb

    scope = {"type": "http", "method": "POST", "path": "/graphql",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(BodySizeLimit(app, path="/graphql", upload_limit_mb=limit)(scope, receive, send))
    status = sent[0]["status"] if sent else None
    return status, reached_app, len(received)


MULTIPART = {"content-type": "multipart/form-data; boundary=x"}
CHUNK = b"x" * (256 * 1024)


def test_streamed_upload_past_the_cap_is_cut_off_without_reading_the_rest():
    chunks = [CHUNK] * 40  # 10 MB, no Content-Length
    status, reached_app, read = call(MULTIPART, chunks, limit_mb=1)
    assert status == 413 and reached_app == []
    assert read * len(CHUNK) <= 1024 * 1024 + MULTIPART_MARGIN + len(CHUNK)
    assert read < len(chunks)


def test_streamed_upload_under_the_cap_reaches_the_app_whole():
    chunks = [CHUNK] * 6  # 1.5 MB < 1 MB + margin
    status, reached_app, _ = call(MULTIPART, chunks, limit_mb=1)
    assert status is None and reached_app == [len(CHUNK) * 6]


def test_declared_length_past_the_cap_is_refused_before_reading():
    status, reached_app, read = call({**MULTIPART, "content-length": str(50 * 1024 * 1024)}, [b"x"], limit_mb=16)
    assert status == 413 and reached_app == [] and read == 0


def test_json_bodies_have_their_own_small_cap():
    status, _, _ = call({"content-type": "application/json"}, [b"x" * (JSON_BODY_LIMIT + 1)])
    assert status == 413
