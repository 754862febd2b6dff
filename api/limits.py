"""The gate in front of ``POST /graphql``: credentials first, then the body, streamed to a
spool file with a size cap and read timeouts, before GraphQL parses anything.

1. The caller is authenticated from the headers before one byte of the body is read: a
   request without valid credentials gets 401 and its body is never buffered.
2. The body streams into a spool file (in memory up to ``SPOOL_MEMORY_BYTES``, on disk past
   that), so twenty concurrent uploads hold about 20 MB of memory at most, not their size.
3. A body that stalls (no bytes for ``BODY_IDLE_TIMEOUT_SECONDS``) or takes longer than
   ``BODY_TOTAL_TIMEOUT_SECONDS`` in all, or that ends before its Content-Length, gets 408.
4. Past the cap (``upload_size_limit_mb`` plus a margin for multipart, ``JSON_BODY_LIMIT``
   otherwise) the answer is 413 ``FILE_TOO_LARGE``. A 413 first reads and drops what the
   client is still sending, up to ``DRAIN_MAX_BYTES`` within ``DRAIN_SECONDS``: a client still
   sending when the server closes gets a TCP reset instead of the answer, and uvicorn closes
   the connection as soon as a ``connection: close`` answer is sent. Nothing dropped is kept;
   a body declared larger than ``DRAIN_MAX_BYTES`` is refused at once. A 401 drains only a
   body declared at most ``JSON_BODY_LIMIT``: an unauthenticated upload is answered at once.

The verified identity is left in ``scope["state"]["identity"]`` for the context getter.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from collections.abc import Awaitable, Callable, Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import Identity, authenticate_async
from api.errors import Unauthenticated

JSON_BODY_LIMIT = 1024 * 1024
MULTIPART_MARGIN = 1024 * 1024
SPOOL_MEMORY_BYTES = 1024 * 1024
REPLAY_CHUNK_BYTES = 64 * 1024
BODY_IDLE_TIMEOUT_SECONDS = 10.0
BODY_TOTAL_TIMEOUT_SECONDS = 120.0
DRAIN_MAX_BYTES = 64 * 1024 * 1024
DRAIN_SECONDS = 10.0
AUTHENTICATE_HEADER = b'Bearer, ApiKey header="x-api-key"'


class BodyTimedOut(Exception):
    pass


class BodyDisconnected(Exception):
    pass


class BodyTooLarge(Exception):
    def __init__(self, ended: bool):
        super().__init__("body too large")
        self.ended = ended  # the client has sent all of it already


async def send_error(send: Send, status: int, code: str, message: str,
                     extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *(extra_headers or [])]})
    await send({"type": "http.response.body", "body": body})


def too_large_message(limit_mb: int, multipart: bool) -> str:
    if multipart:
        return f"the request is larger than the {limit_mb} MB upload limit; split the file or raise upload_size_limit_mb"
    return f"the request body is larger than {JSON_BODY_LIMIT // 1024} KB; send files as multipart uploads"


class BodySizeLimit:
    """ASGI middleware for ``path``; ``upload_limit_mb`` returns the current setting."""

    def __init__(self, app: ASGIApp, *, path: str, upload_limit_mb: Callable[[], Awaitable[int]],
                 authenticate: Callable[[Mapping[str, str]], Awaitable[Identity | None]] = authenticate_async):
        self.app = app
        self.path = path
        self.upload_limit_mb = upload_limit_mb
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if not await self._authenticated(scope, headers, receive, send):
            return
        multipart = headers.get("content-type", "").startswith("multipart/")
        limit_mb = await self.upload_limit_mb() if multipart else 1
        limit = limit_mb * 1024 * 1024 + MULTIPART_MARGIN if multipart else JSON_BODY_LIMIT
        declared = headers.get("content-length")
        declared_length = int(declared) if declared and declared.isdigit() else None
        if declared_length is not None and declared_length > limit:
            if declared_length <= DRAIN_MAX_BYTES:
                await drain(receive)
            await send_error(send, 413, "FILE_TOO_LARGE", too_large_message(limit_mb, multipart))
            return
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY_BYTES)  # noqa: SIM115 - closed below
        try:
            try:
                total = await read_body(receive, spool, limit)
            except BodyTimedOut:
                await send_error(send, 408, "REQUEST_TIMEOUT",
                                 f"the request body stalled for {BODY_IDLE_TIMEOUT_SECONDS:.0f} s or took longer than "
                                 f"{BODY_TOTAL_TIMEOUT_SECONDS:.0f} s; send it again")
                return
            except BodyDisconnected:
                return  # the client went away: nobody to answer
            except BodyTooLarge as too_large:
                if not too_large.ended:
                    await drain(receive)
                await send_error(send, 413, "FILE_TOO_LARGE", too_large_message(limit_mb, multipart))
                return
            if declared_length is not None and total != declared_length:
                await send_error(send, 400, "BAD_REQUEST", "the request body is shorter than its Content-Length")
                return
            spool.seek(0)
            await self.app(scope, replay(spool, receive), send)
        finally:
            spool.close()

    async def _authenticated(self, scope: Scope, headers: dict[str, str], receive: Receive, send: Send) -> bool:
        try:
            identity = await self.authenticate(headers)
        except Unauthenticated as exc:
            message = exc.message
            identity = None
        else:
            message = "send an x-api-key header or an Authorization: Bearer token"
        if identity is None:
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) <= JSON_BODY_LIMIT:
                await drain(receive)  # a small query: let the client read the 401
            await send_error(send, 401, "UNAUTHENTICATED", message, [(b"www-authenticate", AUTHENTICATE_HEADER)])
            return False
        scope.setdefault("state", {})["identity"] = identity
        return True


async def read_body(receive: Receive, spool, limit: int) -> int:  # noqa: ANN001 - a file object
    """Stream the body into ``spool`` and return its length; BodyTooLarge past ``limit``."""
    total = 0
    deadline = time.monotonic() + BODY_TOTAL_TIMEOUT_SECONDS
    while True:
        message = await receive_within(receive, min(BODY_IDLE_TIMEOUT_SECONDS, deadline - time.monotonic()))
        if message["type"] == "http.disconnect":
            raise BodyDisconnected
        chunk = message.get("body", b"")
        total += len(chunk)
        if total > limit:
            raise BodyTooLarge(ended=not message.get("more_body", False))
        spool.write(chunk)
        if not message.get("more_body", False):
            return total


async def receive_within(receive: Receive, seconds: float) -> Message:
    if seconds <= 0:
        raise BodyTimedOut
    try:
        return await asyncio.wait_for(receive(), seconds)
    except TimeoutError:
        raise BodyTimedOut from None


async def drain(receive: Receive) -> None:
    """Read and drop what the client is still sending (bounded), so it can read the answer."""
    dropped = 0
    deadline = time.monotonic() + DRAIN_SECONDS
    try:
        while dropped <= DRAIN_MAX_BYTES:
            message = await receive_within(receive, min(BODY_IDLE_TIMEOUT_SECONDS, deadline - time.monotonic()))
            if message["type"] != "http.request":
                return
            dropped += len(message.get("body", b""))
            if not message.get("more_body", False):
                return
    except BodyTimedOut:
        return


def replay(spool, receive: Receive) -> Receive:  # noqa: ANN001 - a file object
    """The spooled body, in chunks, then whatever the server sends next (a disconnect)."""
    done = False

    async def replayed() -> Message:
        nonlocal done
        if done:
            return await receive()
        chunk = spool.read(REPLAY_CHUNK_BYTES)
        more = len(chunk) == REPLAY_CHUNK_BYTES and spool.tell() < spool_size(spool)
        if not more:
            done = True
        return {"type": "http.request", "body": chunk, "more_body": more}

    return replayed


def spool_size(spool) -> int:  # noqa: ANN001
    position = spool.tell()
    spool.seek(0, 2)
    size = spool.tell()
    spool.seek(position)
    return size


__all__ = ["BODY_IDLE_TIMEOUT_SECONDS", "BodySizeLimit", "JSON_BODY_LIMIT", "MULTIPART_MARGIN"]
