"""Request body caps, enforced while the body streams in, before GraphQL parses anything.

A multipart upload may carry ``upload_size_limit_mb`` (from settings) plus a small margin for
the operations and map parts; any other request at most ``JSON_BODY_LIMIT``. Past the cap
the request is answered 413 at once and the rest of the body is never read.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

JSON_BODY_LIMIT = 1024 * 1024
MULTIPART_MARGIN = 1024 * 1024


class BodyTooLarge(Exception):
    pass


async def send_too_large(send: Send, limit_mb: int) -> None:
    body = json.dumps({"errors": [{
        "message": f"the request is larger than the {limit_mb} MB upload limit; split the file or raise upload_size_limit_mb",
        "extensions": {"code": "FILE_TOO_LARGE"},
    }]}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """ASGI middleware for ``path``; ``upload_limit_mb`` returns the current setting."""

    def __init__(self, app: ASGIApp, *, path: str, upload_limit_mb: Callable[[], Awaitable[int]]):
        self.app = app
        self.path = path
        self.upload_limit_mb = upload_limit_mb

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        multipart = headers.get("content-type", "").startswith("multipart/")
        limit_mb = await self.upload_limit_mb() if multipart else 1
        limit = limit_mb * 1024 * 1024 + MULTIPART_MARGIN if multipart else JSON_BODY_LIMIT
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            await send_too_large(send, limit_mb)
            return
        messages: list[Message] = []
        total = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > limit:
                await send_too_large(send, limit_mb)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(messages, receive), send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed


__all__ = ["BodySizeLimit", "JSON_BODY_LIMIT", "MULTIPART_MARGIN"]
