"""Who has a socket open on a thread, kept in Redis so every server process agrees.

Each connection is a member `<user id>:<channel name>` of the thread's sorted
set, scored with its expiry; each process renews its sockets' members on one
heartbeat (`heartbeat`), so the connections of a process that died vanish by
themselves. A Lua script, so each
step is atomic whatever else runs at once, on Redis's clock, so processes on
different machines agree. (The flood limit is core.ratelimit's
"dialogue.message" bucket, counted in dialogue.services.post_message.)
"""

import asyncio
import logging
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import redis.asyncio
from django.conf import settings

from core.channels import LIVE_ERRORS

logger = logging.getLogger(__name__)

PRESENCE_TTL_SECONDS = 60
HEARTBEAT_SECONDS = 20

PRESENCE_SCRIPT = """
local now = tonumber(redis.call('TIME')[1])
local ttl = tonumber(ARGV[2])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
end
for i = 3, #ARGV do
  if ARGV[1] == 'leave' then
    redis.call('ZREM', KEYS[1], ARGV[i])
  else
    redis.call('ZADD', KEYS[1], now + ttl, ARGV[i])
  end
end
redis.call('EXPIRE', KEYS[1], ttl * 2)
return {expired, redis.call('ZRANGE', KEYS[1], 0, -1)}
"""


def presence_key(thread_id: int) -> str:
    return f"dialogue:presence:{thread_id}"


_async_scripts: WeakKeyDictionary = WeakKeyDictionary()


def _presence_script():
    """Async Redis connections belong to one event loop; each loop gets its own client."""
    loop = asyncio.get_running_loop()
    script = _async_scripts.get(loop)
    if script is None:
        # A burst of sockets opening at once waits for a free connection instead of failing; a Redis that does
        # not answer a connect within a second is away (presence degrades, the thread goes on).
        pool = redis.asyncio.BlockingConnectionPool.from_url(
            settings.REDIS_URL, max_connections=100, timeout=10, socket_connect_timeout=1
        )
        client = redis.asyncio.Redis(connection_pool=pool)
        script = _async_scripts[loop] = client.register_script(PRESENCE_SCRIPT)
    return script


@dataclass(frozen=True)
class PresenceChange:
    online: frozenset[int]  # users with a live socket on the thread now
    came_online: bool  # on join: this user had no other live socket on the thread
    gone: frozenset[int]  # users whose last socket left or expired with this step


def _user_of(member: bytes) -> int:
    return int(member.split(b":", 1)[0])


def member_of(*, user_id: int, channel_name: str) -> str:
    return f"{user_id}:{channel_name}"


async def update_presence(*, op: str, thread_id: int, user_id: int, channel_name: str) -> PresenceChange:
    """`op` is "join", "beat" (renew) or "leave" for the socket `channel_name` of `user_id`."""
    member = member_of(user_id=user_id, channel_name=channel_name)
    expired, live = await _presence_script()(keys=[presence_key(thread_id)], args=[op, PRESENCE_TTL_SECONDS, member])
    online = frozenset(_user_of(m) for m in live)
    others_of_user = [m for m in live if _user_of(m) == user_id and m != member.encode()]
    gone = {_user_of(m) for m in expired} - online
    if op == "leave" and user_id not in online:
        gone.add(user_id)
    return PresenceChange(online=online, came_online=op == "join" and not others_of_user, gone=frozenset(gone))


async def renew_presence(*, thread_id: int, members: list[str]) -> frozenset[int]:
    """Renew these sockets' members of the thread (one call for all of a process's sockets on it); returns the
    users whose last socket expired meanwhile (a process that died)."""
    expired, live = await _presence_script()(
        keys=[presence_key(thread_id)], args=["beat", PRESENCE_TTL_SECONDS, *members]
    )
    return frozenset({_user_of(m) for m in expired} - {_user_of(m) for m in live})


class Heartbeat:
    """The presence of every socket of this process, renewed together every HEARTBEAT_SECONDS: one Redis call per
    thread, not a task per socket (whose coroutine, task and timer were kept in memory for each idle socket).

    `on_gone(thread_id, user_ids)` is awaited for the users whose sockets expired. The task runs while there are
    sockets, on their event loop, and stops with the last one."""

    def __init__(self, on_gone) -> None:
        self.on_gone = on_gone
        self.sockets: dict[int, set[str]] = {}  # thread id -> members
        self.task: asyncio.Task | None = None

    def add(self, *, thread_id: int, user_id: int, channel_name: str) -> None:
        self.sockets.setdefault(thread_id, set()).add(member_of(user_id=user_id, channel_name=channel_name))
        loop = asyncio.get_running_loop()
        if self.task is None or self.task.done() or self.task.get_loop() is not loop:
            self.task = loop.create_task(self._run())

    def remove(self, *, thread_id: int, user_id: int, channel_name: str) -> None:
        members = self.sockets.get(thread_id)
        if members is not None:
            members.discard(member_of(user_id=user_id, channel_name=channel_name))
            if not members:
                del self.sockets[thread_id]
        if not self.sockets and self.task is not None:
            self.task.cancel()
            self.task = None

    async def _run(self) -> None:
        while self.sockets:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            await self.beat()

    async def beat(self) -> None:
        """Renew every socket's presence once; announce who vanished."""
        for thread_id, members in list(self.sockets.items()):
            try:
                gone = await renew_presence(thread_id=thread_id, members=sorted(members))
            except LIVE_ERRORS:  # Redis away for a moment: the next beat renews
                logger.warning("Presence heartbeat skipped (Redis unavailable)")
                return
            if gone:
                try:
                    await self.on_gone(thread_id, gone)
                except Exception:  # one announcement that failed must not stop every socket's heartbeat
                    logger.exception("Presence: announcing who left thread %s failed", thread_id)
