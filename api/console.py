"""The web console at / and GraphiQL at /graphiql: the Vite build of web/ (web/build.sh writes
web/dist), served by the app itself so both work with no network.

Everything the pages load is under /assets (hashed names, cached for a year); every other
GET that is not an API path answers the console's index.html, so the console's own routes
(/jobs/<id>, /review, ...) survive a reload. Without a build the pages say how to make one
instead of failing with a bare 404."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

CONSOLE_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
GRAPHIQL_PATH = "/graphiql"
# Paths the index fallback never answers: they belong to the API or are files that are missing.
RESERVED_PREFIXES = ("graphql", "health", "assets/", "static/")

# No inline scripts and no other host. Monaco (GraphiQL's editor) and Cloudscape insert <style>
# elements at run time, hence 'unsafe-inline' for styles only; Monaco's language workers are
# same-origin files, some started from blob: URLs.
CONSOLE_CSP = ("default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
               "font-src 'self' data:; img-src 'self' data: blob:; connect-src 'self' ws: wss:; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
PAGE_HEADERS = {"Content-Security-Policy": CONSOLE_CSP, "Cache-Control": "no-cache",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Punchline</title></head>
<body><h1>The console is not built</h1><p>Run <code>web/build.sh</code> (or <code>./dev serve</code>, which runs it),
then reload. The GraphQL API at <code>/graphql</code> works without it.</p></body></html>"""


class ImmutableAssets(StaticFiles):
    """Hashed file names change with their content, so a browser may keep them for good."""

    async def check_config(self) -> None:
        if Path(str(self.directory)).is_dir():  # before a first build: 404s, not a RuntimeError
            await super().check_config()

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            response.headers["X-Content-Type-Options"] = "nosniff"
        return response


def _page(dist: Path, name: str) -> Response:
    page = dist / name
    if not page.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503, headers=PAGE_HEADERS)
    return FileResponse(page, media_type="text/html", headers=PAGE_HEADERS)


def mount_console(app: FastAPI, dist: Path = CONSOLE_DIST) -> None:
    """Add /graphiql, /assets and the console's index fallback. Call it after the GraphQL router
    and every other route: the fallback answers any GET path nothing else claimed."""
    app.mount("/assets", ImmutableAssets(directory=dist / "assets", check_dir=False), name="console-assets")

    @app.get("/playground", include_in_schema=False)
    async def old_playground() -> Response:
        return RedirectResponse(GRAPHIQL_PATH, status_code=308)

    @app.get(GRAPHIQL_PATH, include_in_schema=False)
    async def graphiql() -> Response:
        return _page(dist, "graphiql.html")

    @app.get("/", include_in_schema=False)
    @app.get("/{client_route:path}", include_in_schema=False)
    async def console(client_route: str = "") -> Response:
        if client_route.startswith(RESERVED_PREFIXES) or "." in client_route.rsplit("/", 1)[-1]:
            return Response(status_code=404)
        return _page(dist, "index.html")


__all__ = ["CONSOLE_CSP", "CONSOLE_DIST", "GRAPHIQL_PATH", "mount_console"]
