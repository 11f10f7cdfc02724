"""The live stack for end-to-end tests: a real ASGI server (uvicorn) and a real
Celery worker process, both on the test database and the test Redis."""

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import redis
from django.conf import settings

from tests.e2e import playwright_loop
from tests.e2e.live import LiveStack, live_database_url
from tests.identity.devidp_process import running_devidp


@pytest.fixture(scope="session")
def live_stack(django_db_setup, django_db_blocker):
    """uvicorn and a Celery worker on this test process's database and Redis database (under pytest-xdist, the
    worker's own: tests/settings.py). Tests using it need `transactional_db`."""
    redis.Redis.from_url(settings.REDIS_URL).flushdb()
    with django_db_blocker.unblock():
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": live_database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "DEMO": "1",
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # relaxed for the browser tests' own thread, not the server
    stack = LiveStack(env)
    # The local OpenID provider beside it, as `make run` has it: "Log ind med MitID" works in the browser.
    with running_devidp(stack.url) as devidp:
        stack.env["DEVIDP_URL"] = devidp.url
        stack.devidp = devidp
        stack.start_server()
        stack.start_worker()
        yield stack
        stack.stop_worker()
        stack.stop_server()


CHROMIUM = Path("/usr/bin/chromium")
AXE_DIR = Path(__file__).resolve().parents[2] / ".local" / "node"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


def skip_or_fail(message: str):
    """A browser test that cannot run skips and says why; under CI=true it fails instead."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (a skipped browser test is a failure under CI=true)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from the npm registry, installed once into .local/node."""
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if npm is None:
            skip_or_fail("accessibility test skipped: npm is not installed, so axe-core cannot be fetched")
        subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR), "axe-core@4"],
            check=True,
            timeout=300,
        )
    return AXE_SCRIPT.read_text()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright. Skips without Chromium, except under CI=true."""
    if not CHROMIUM.exists():
        skip_or_fail(f"browser test skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        # Its event loop is seen as running only while a browser test runs (tests/e2e/playwright_loop.py).
        playwright_loop.started(asyncio.get_running_loop())
        # expect() waits for what a page must show; 5 s (Playwright's default) was too short for a page still
        # loading after a click on a loaded machine.
        expect.set_options(timeout=15_000)
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        playwright_loop.shown()  # this teardown may come in a test that is not a browser test
        instance.close()
