"""Identity on an open WebSocket: checked again for every operation, and watched while the
socket is open.

A socket authenticates once, in ``connection_init``, and may then stay open for hours. So the
credentials it gave are kept on its context and verified again (through the same short key
cache as HTTP) before each operation it starts, and a watcher closes the socket with 4403 when
they stop being valid (a revoked key, a token past its ``exp``): every SOCKET_RECHECK_SECONDS,
and at a token's expiry to the second. Closing the socket ends its subscriptions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Mapping
from typing import Any

from starlette.websockets import WebSocket, WebSocketState
from strawberry.extensions import SchemaExtension

from api.auth import Identity, authenticate_async
from api.errors import Unauthenticated

log = logging.getLogger("punchline.api.socket_auth")

SOCKET_RECHECK_SECONDS = 4.0
CLOSE_CODE = 4403
CLOSE_REASON = "credentials revoked or expired"


async def still_valid(credentials: Mapping[str, Any]) -> Identity | None:
    """The identity the socket's credentials give now; None when they no longer do."""
    try:
        identity = await authenticate_async(credentials)
    except Unauthenticated:
        return None
    if identity is None or identity.expired():
        return None
    return identity


async def close_socket(websocket: WebSocket) -> None:
    if websocket.application_state == WebSocketState.CONNECTED:
        with contextlib.suppress(RuntimeError, OSError):
            await websocket.close(code=CLOSE_CODE, reason=CLOSE_REASON)


def _open(websocket: WebSocket) -> bool:
    return (websocket.application_state == WebSocketState.CONNECTED
            and websocket.client_state == WebSocketState.CONNECTED)


async def watch_socket(context: Any, websocket: WebSocket) -> None:
    """Until the socket closes: re-verify its credentials, close it when they fail."""
    while _open(websocket):
        delay = SOCKET_RECHECK_SECONDS
        expires_at = context.identity.expires_at if context.identity is not None else None
        if expires_at is not None:
            delay = max(0.0, min(delay, expires_at - time.time()))
        await asyncio.sleep(delay)
        if not _open(websocket):
            return
        identity = await still_valid(context.credentials)
        if identity is None:
            context.identity = None
            log.info("closing a WebSocket: %s", CLOSE_REASON)
            await close_socket(websocket)
            return
        context.identity = identity  # a role change shows up too


class SocketIdentityCheck(SchemaExtension):
    """Before each operation on a socket: its credentials must still be valid. When they are
    not, the operation runs with no identity (every field answers UNAUTHENTICATED) and the
    socket is closed."""

    async def on_operation(self):  # noqa: ANN201 - an async generator hook
        context = self.execution_context.context
        credentials = getattr(context, "credentials", None)
        websocket = getattr(context, "connection", None)
        if credentials is not None and isinstance(websocket, WebSocket):
            identity = await still_valid(credentials)
            context.identity = identity
            if identity is None:
                close_soon(websocket)
        yield


_closing: set[asyncio.Task] = set()
REFUSAL_SEND_SECONDS = 0.25  # the refused operation's answer goes out first


def close_soon(websocket: WebSocket) -> None:
    async def close_after_refusal() -> None:
        await asyncio.sleep(REFUSAL_SEND_SECONDS)
        await close_socket(websocket)

    task = asyncio.get_running_loop().create_task(close_after_refusal())
    _closing.add(task)
    task.add_done_callback(_closing.discard)


__all__ = ["CLOSE_CODE", "SOCKET_RECHECK_SECONDS", "SocketIdentityCheck", "still_valid", "watch_socket"]
