"""The per-request context: the caller's identity and the process's live-event hubs.

The getter runs for HTTP and WebSocket alike. An HTTP request without valid credentials is
refused before any GraphQL runs (401); a WebSocket authenticates in ``connection_init``
(see ``api.app.PunchlineGraphQLRouter.on_ws_connect``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fastapi.responses import JSONResponse
from starlette.requests import HTTPConnection
from strawberry.fastapi import BaseContext

from api.auth import Identity, authenticate_async
from api.errors import Unauthenticated
from api.loaders import events_loader, file_loader, reviews_loader

if TYPE_CHECKING:
    from api.live import LiveHubs


class Context(BaseContext):
    """``connection``: the request or WebSocket; ``credentials``: what a socket authenticated
    with, kept so that ``api.socket_auth`` can verify it again while the socket is open."""

    def __init__(self, identity: Identity | None, hubs: LiveHubs, connection: HTTPConnection | None = None):
        super().__init__()
        self.identity = identity
        self.hubs = hubs
        self.connection = connection
        self.credentials: Mapping[str, Any] | None = None
        self.files = file_loader()
        self.events = events_loader()  # (job id, after seq, limit) -> events
        self.reviews = reviews_loader()  # job id -> reviews


class AuthenticationRequired(Exception):
    """Raised by the context getter; ``api.app`` answers it with 401 and a GraphQL-shaped body."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def unauthenticated_response(message: str) -> AuthenticationRequired:
    return AuthenticationRequired(message)


async def authentication_required_handler(_request, exc: AuthenticationRequired) -> JSONResponse:
    body = {"errors": [{"message": exc.message, "extensions": {"code": "UNAUTHENTICATED"}}]}
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": 'Bearer, ApiKey header="x-api-key"'})


async def get_context(connection: HTTPConnection) -> Context:
    hubs = connection.app.state.hubs
    verified = connection.scope.get("state", {}).get("identity")
    if verified is not None:  # api.limits checked the headers before reading the body
        return Context(verified, hubs, connection)
    try:
        identity = await authenticate_async(connection.headers)
    except Unauthenticated as exc:
        if connection.scope["type"] == "websocket":
            identity = None  # connection_init may still carry good credentials
        else:
            raise unauthenticated_response(exc.message) from None
    if identity is None and connection.scope["type"] != "websocket":
        raise unauthenticated_response("send an x-api-key header or an Authorization: Bearer token")
    return Context(identity, hubs, connection)


__all__ = ["AuthenticationRequired", "Context", "authentication_required_handler", "get_context"]
