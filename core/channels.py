"""Sending to channel-layer groups from synchronous code (services, tasks), through one loop per process.

`async_to_sync(layer.group_send)` outside a server builds an event loop, a thread
and a Redis connection for every send (12–28 ms on the development machine), and
inside the server it holds the calling thread — Channels' one database thread —
until Redis answers. Here a send is handed to one event loop per process, in a
thread of its own with the channel layer's connections on it, and the caller
goes on at once; sends leave in the order they were made. (Sending from the
ASGI server's own loop instead was tried in stop 22: a test's loop, which the
sender then borrowed, once never finished its teardown in CI, so it is not in.)

Best effort, like the channel layer itself (at most once): a send that fails is
logged, and the rows in the database stay the truth that clients catch up from.
"""

import asyncio
import collections
import logging
import os
import threading

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user
from django.http.cookie import parse_cookie
from redis import RedisError

logger = logging.getLogger(__name__)

# What Redis (the channel layer, presence) raises when it is down or slow.
LIVE_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


class _SessionOnly:
    """What django.contrib.auth.get_user reads of a request: its session."""

    def __init__(self, session) -> None:
        self.session = session


@database_sync_to_async
def session_user(scope: dict):
    """The user of the socket's session cookie (AnonymousUser without a valid one), as a page would find her."""
    from importlib import import_module

    cookies = {}
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            cookies = parse_cookie(value.decode("latin-1"))
            break
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return get_user(_SessionOnly(store(cookies.get(settings.SESSION_COOKIE_NAME))))


class SessionUserMiddleware:
    """scope["user"] for a socket, from the session cookie: what channels' AuthMiddlewareStack gives, in one
    layer that keeps only the user. The stack's three layers (cookies, session, user) each keep a copy of the
    scope and a waiting frame for the socket's whole life, and with them the parsed cookies and the decoded
    session, which a socket never reads again: about 4 KiB of every idle socket."""

    def __init__(self, inner) -> None:
        self.inner = inner

    async def __call__(self, scope, receive, send):
        return await self.inner({**scope, "user": await session_user(scope)}, receive, send)


async def best_effort(step, what: str):
    """Await a socket's step that needs Redis (the channel layer, presence); while Redis is away it is skipped
    and logged, and the socket goes on from the database (messages are stored and acknowledged; live fan-out
    and presence come back with Redis). Returns the step's result (True for a step that returns nothing), or
    False when it failed."""
    try:
        result = await step
    except LIVE_ERRORS:
        logger.warning("Live step skipped (Redis unavailable): %s", what)
        return False
    return True if result is None else result


class _LoopSends:
    """The sends waiting on one event loop, sent in order by one task that runs only while there are any (so a
    loop that ends, as each test's does, leaves no task behind)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.pending: collections.deque = collections.deque()
        self.draining = False

    def add(self, item: tuple) -> None:  # on the loop
        self.pending.append(item)
        if not self.draining:
            self.draining = True
            self.loop.create_task(self._drain())

    async def _drain(self) -> None:
        try:
            while self.pending:
                group, message, done = self.pending.popleft()
                if group is not None:
                    try:
                        await get_channel_layer().group_send(group, message)
                    except Exception:
                        logger.warning("Live send to %s failed", group, exc_info=True)
                if done is not None:
                    done.set()
        finally:
            self.draining = False


class _Sender:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._sends: _LoopSends | None = None

    def _started(self) -> _LoopSends:
        with self._lock:
            if self._pid != os.getpid() or self._sends is None:  # first use, or a forked child (Celery's prefork)
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="channel-layer-sender", daemon=True).start()
                self._pid, self._sends = os.getpid(), _LoopSends(loop)
            return self._sends

    def put(self, group: str | None, message: dict | None, done: threading.Event | None = None) -> None:
        sends = self._started()
        sends.loop.call_soon_threadsafe(sends.add, (group, message, done))


_sender = _Sender()


def send_to_group(group: str, message: dict) -> None:
    """Hand `message` to the channel layer for every socket in `group`; returns at once."""
    _sender.put(group, message)


def wait_for_sends(timeout: float = 5) -> bool:
    """Wait until every send handed over so far has left (for shutdown and tests); False on timeout."""
    done = threading.Event()
    _sender.put(None, None, done)
    return done.wait(timeout)
