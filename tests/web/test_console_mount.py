"""api/console.py without a browser: which paths answer the console, GraphiQL, assets or 404,
the page headers, the page shown before a first build, and no other host in what is served."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.console import CONSOLE_CSP, mount_console


@pytest.fixture
def fake_dist(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<html>console</html>")
    (tmp_path / "graphiql.html").write_text("<html>graphiql</html>")
    (tmp_path / "assets" / "app-1a2b.js").write_text("console.log(1)")
    return tmp_path


def client_for(dist) -> TestClient:
    app = FastAPI()

    @app.get("/health")
    async def health():
        return {"ok": True}

    mount_console(app, dist)
    return TestClient(app)


def test_console_routes_fall_back_to_the_index_but_api_paths_do_not(fake_dist):
    client = client_for(fake_dist)
    for path in ("/", "/jobs", "/jobs/abc123", "/jobs/abc123/mapping", "/review", "/settings"):
        page = client.get(path)
        assert page.status_code == 200 and page.text == "<html>console</html>", path
        assert page.headers["content-security-policy"] == CONSOLE_CSP
    assert client.get("/graphiql").text == "<html>graphiql</html>"
    assert client.get("/health").json() == {"ok": True}
    for missing in ("/graphqlx", "/assets/nope.js", "/favicon.ico", "/static/playground.js"):
        assert client.get(missing).status_code == 404, missing


def test_assets_are_cached_for_good_and_the_old_playground_redirects(fake_dist):
    client = client_for(fake_dist)
    asset = client.get("/assets/app-1a2b.js")
    assert asset.status_code == 200 and "immutable" in asset.headers["cache-control"]
    moved = client.get("/playground", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/graphiql"


def test_before_a_build_the_pages_say_how_to_make_one(tmp_path):
    client = client_for(tmp_path / "not-built")
    for path in ("/", "/graphiql", "/jobs/x"):
        page = client.get(path)
        assert page.status_code == 503 and "web/build.sh" in page.text
    assert client.get("/assets/app.js").status_code == 404


def test_csp_allows_no_other_host_and_no_inline_script():
    directives = dict(part.strip().split(" ", 1) for part in CONSOLE_CSP.split(";"))
    assert directives["script-src"] == "'self'"
    assert "http" not in CONSOLE_CSP.replace("ws: wss:", "")


# A URL in these places makes the browser fetch it; elsewhere in a bundle (XML namespaces,
# links in error messages, licence comments) it is only text.
LOADING = re.compile(r"""(?:url\(\s*['"]?|src=['"]|href=['"]|@import\s+['"]|import\(\s*['"]|from\s*['"]|"""
                     r"""importScripts\(\s*['"]|new\s+Worker\(\s*['"]|fetch\(\s*['"])https?://""", re.IGNORECASE)


def test_the_build_serves_no_url_of_another_host(console_build):
    pages = list(console_build.glob("*.html")) + list(console_build.glob("assets/*.css"))
    assert pages
    for page in pages:
        assert not re.search(r"https?://", page.read_text()), f"{page.name} names another host"
    scripts = list(console_build.glob("assets/*.js"))
    assert scripts
    for script in scripts:
        found = LOADING.search(script.read_text(errors="replace"))
        assert found is None, f"{script.name} loads {found and found.group(0)}"
