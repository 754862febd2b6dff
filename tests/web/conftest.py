"""Browser fixtures: the console built once per session (web/build.sh), the real app with the
console mounted on DynamoDB Local with a real worker pool, and the system Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.api.helpers import ServerThread

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("console_browser.mjs")
SCREENSHOTS = Path(__file__).with_name("screenshots")  # git-ignored: for a person to look at
LEGACY_PATHS = {"/", "/playground"}


def console_app(**kwargs):
    """create_app with the console mounted. Until api/app.py calls mount_console itself, the
    old playground routes it still registers are dropped here so the console answers / ."""
    from api.app import create_app
    from api.console import mount_console

    app = create_app(**kwargs)
    if not any(getattr(route, "name", "") == "console" for route in app.router.routes):
        app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in LEGACY_PATHS]
        mount_console(app)
    return app


@pytest.fixture(scope="session")
def console_build() -> Path:
    """Builds web/dist when its sources changed (a no-op otherwise). npm is part of the
    project's set-up (./dev installs it): a missing one fails here rather than skipping."""
    done = subprocess.run([str(ROOT / "web" / "build.sh")], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return ROOT / "web" / "dist"


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "the browser tests need Debian's chromium (apt-get install chromium)"
    return path


@pytest.fixture
def console_server(local_store, console_build):
    from services.worker import WorkerPool
    from store.apikeys import create_api_key

    keys = {role: create_api_key(role)[0] for role in ("viewer", "uploader", "reviewer", "admin")}
    pool = WorkerPool(poll_interval=0.2).start()
    try:
        with ServerThread(console_app(start_background=True)) as server:
            yield server.url.removesuffix("/graphql"), keys
    finally:
        pool.stop(timeout=10)


@pytest.fixture
def browser(chromium):
    """Runs one scenario of console_browser.mjs; returns what it saw, or fails with its reason."""
    def run(scenario: str, base: str, **config) -> dict:
        settings = {"base": base, "chromium": chromium, "screenshots": str(SCREENSHOTS), **config}
        done = subprocess.run(["node", str(SCRIPT), scenario, json.dumps(settings)], capture_output=True, text=True,
                              timeout=300, cwd=ROOT)
        assert done.returncode == 0, f"browser scenario {scenario} failed:\n{done.stderr[-4000:]}"
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["foreignRequests"] == [], "the page asked for another host"
        return seen

    return run
