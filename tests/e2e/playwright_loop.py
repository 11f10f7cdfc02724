"""Where Playwright's event loop is seen: in the browser tests only.

Playwright's sync API runs its asyncio loop in a greenlet of the main thread and, between two of its calls,
leaves that loop marked as the thread's running loop (playwright/_impl/_greenlets.py, wait_for_future). A test
after a browser test on the same pytest-xdist worker would then find "a running event loop": pytest-asyncio's
runner refuses to start ("Runner.run() cannot be called from a running event loop"), asgiref's async_to_sync
refuses, and Django's async-unsafe guard refuses every ORM call. So the loop is marked running only during the
phases of a test that uses the browser (and Django's guard is relaxed only there: the test's own ORM calls are
sync, in a thread whose loop is Playwright's); every other test runs in a thread with no running loop, as if no
browser had started. Called around each phase by tests/conftest.py."""

import asyncio
import os
from contextlib import contextmanager

import pytest

_started: dict[str, asyncio.AbstractEventLoop] = {}


def started(loop: asyncio.AbstractEventLoop) -> None:
    """The browser fixture's loop (asyncio's running loop right after sync_playwright() started)."""
    _started["loop"] = loop


def shown() -> None:
    """Mark Playwright's loop running again before a Playwright call outside a browser test's phases (the browser
    fixture's teardown at the end of the session, in whichever test comes last)."""
    loop = _started.get("loop")
    if loop is not None and not loop.is_closed():
        asyncio._set_running_loop(loop)


@contextmanager
def seen_by(item: pytest.Item):
    loop = _started.get("loop")
    if "browser" in item.fixturenames:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # also for the fixtures set up after the browser starts
        shown()
        try:
            yield
        finally:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        return
    if loop is not None and asyncio._get_running_loop() is loop:
        asyncio._set_running_loop(None)
    try:
        yield
    finally:
        shown()  # as Playwright itself leaves it between calls; hidden again by the next phase of a non-browser test
