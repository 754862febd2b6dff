"""The FastAPI application: /graphql (HTTP, multipart uploads, graphql-transport-ws and
graphql-ws), GET /health, GraphiQL at /graphiql and the web console at / (api/console.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter
from strawberry.types.unset import UNSET

from api.auth import authenticate_async
from api.console import mount_console
from api.context import AuthenticationRequired, Context, authentication_required_handler, get_context
from api.errors import Unauthenticated
from api.limits import BodySizeLimit
from api.live import LiveHubs
from api.schema import build_schema
from api.socket_auth import watch_socket
from api.threads import off_loop
from resolvers.health import check_health

GRAPHQL_PATH = "/graphql"
MAX_SUBSCRIPTIONS_PER_CONNECTION = 20


class PunchlineGraphQLRouter(GraphQLRouter):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - GraphQLRouter's own
        super().__init__(*args, **kwargs)
        self._socket_watchers: dict[int, asyncio.Task] = {}

    async def on_ws_connect(self, context: Context) -> dict[str, object]:
        """Browsers cannot set WebSocket headers: credentials come in ``connection_init``
        (``{"x-api-key": ...}`` or ``{"Authorization": "Bearer ..."}``); a non-browser client
        may have sent them as handshake headers instead. They are kept and verified again
        while the socket is open (``api.socket_auth``)."""
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        try:
            identity = await authenticate_async(params)
            credentials = params
            if identity is None and context.identity is not None and context.connection is not None:
                identity, credentials = context.identity, dict(context.connection.headers)
        except Unauthenticated as exc:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED", "message": exc.message}) from None
        if identity is None or identity.expired():
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED", "message": "send x-api-key in connection_init"})
        context.identity = identity
        context.credentials = credentials
        if isinstance(context.connection, WebSocket):
            self._socket_watchers[id(context.connection)] = asyncio.create_task(
                watch_socket(context, context.connection), name="socket-identity-watch")
        return {"role": identity.role}

    async def run(self, request, context=UNSET, root_value=UNSET):  # noqa: ANN001, ANN201 - GraphQLRouter's own
        try:
            return await super().run(request, context=context, root_value=root_value)
        finally:
            watcher = self._socket_watchers.pop(id(request), None)
            if watcher is not None:
                watcher.cancel()


def allowed_origins_from_env() -> list[str]:
    from core.config import get_config

    return [o.strip() for o in get_config().allowed_origins.split(",") if o.strip()]


async def upload_limit_mb() -> int:
    from store.settings import get_operational_settings

    return (await off_loop(get_operational_settings)).upload_size_limit_mb


def create_app(*, start_background: bool = False, allowed_origins: Sequence[str] | None = None) -> FastAPI:
    """The app; the store must be open. ``start_background`` starts the shared feed poller at
    start-up instead of on the first jobEvents/reviewQueueChanged subscriber."""
    origins = list(allowed_origins if allowed_origins is not None else allowed_origins_from_env())
    hubs = LiveHubs()

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI):
        if start_background:
            hubs.start_feed()
        yield
        await hubs.close()

    app = FastAPI(title="Punchline", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.hubs = hubs
    app.add_exception_handler(AuthenticationRequired, authentication_required_handler)
    graphql = PunchlineGraphQLRouter(
        build_schema(),
        path=GRAPHQL_PATH,
        context_getter=get_context,
        graphql_ide=None,
        allow_queries_via_get=False,
        multipart_uploads_enabled=True,
        allowed_origins=origins,
        max_subscriptions_per_connection=MAX_SUBSCRIPTIONS_PER_CONNECTION,
    )
    app.include_router(graphql)
    add_routes(app)
    app.add_middleware(BodySizeLimit, path=GRAPHQL_PATH, upload_limit_mb=upload_limit_mb)
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["x-api-key", "authorization", "content-type"], allow_credentials=False)
    return app


def add_routes(app: FastAPI) -> None:
    @app.get("/health", include_in_schema=False)
    async def health() -> JSONResponse:
        reachable, counts = await check_health()
        hubs: LiveHubs = app.state.hubs
        live = {"followed_jobs": len(hubs.jobs), "feed_running": hubs.feed is not None,
                "event_lag_ms": {"p50": hubs.latency.percentile(0.5), "p95": hubs.latency.percentile(0.95)}}
        body = {"status": "ok" if reachable else "unavailable", "store_reachable": reachable, "counts": counts,
                "live": live}
        return JSONResponse(body, status_code=200 if reachable else 503)

    # Last: the console's index fallback answers any GET path nothing above claimed.
    mount_console(app)


__all__ = ["GRAPHQL_PATH", "PunchlineGraphQLRouter", "create_app"]
