"""Who has a socket open on a thread, kept in Redis so every server process agrees.

Each connection is a member `<user id>:<channel name>` of the thread's sorted
set, scored with its expiry; sockets renew theirs on a heartbeat, so the
connections of a process that died vanish by themselves. A Lua script, so each
step is atomic whatever else runs at once, on Redis's clock, so processes on
different machines agree. (The flood limit is core.ratelimit's
"dialogue.message" bucket, counted in dialogue.services.post_message.)
"""

import asyncio
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import redis.asyncio
from django.conf import settings

PRESENCE_TTL_SECONDS = 60
HEARTBEAT_SECONDS = 20

PRESENCE_SCRIPT = """
local now = tonumber(redis.call('TIME')[1])
local ttl = tonumber(ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
end
if ARGV[1] == 'leave' then
  redis.call('ZREM', KEYS[1], ARGV[2])
else
  redis.call('ZADD', KEYS[1], now + ttl, ARGV[2])
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


async def update_presence(*, op: str, thread_id: int, user_id: int, channel_name: str) -> PresenceChange:
    """`op` is "join", "beat" (renew) or "leave" for the socket `channel_name` of `user_id`."""
    presence = _presence_script()
    member = f"{user_id}:{channel_name}"
    expired, live = await presence(keys=[presence_key(thread_id)], args=[op, member, PRESENCE_TTL_SECONDS])
    online = frozenset(_user_of(m) for m in live)
    others_of_user = [m for m in live if _user_of(m) == user_id and m != member.encode()]
    gone = {_user_of(m) for m in expired} - online
    if op == "leave" and user_id not in online:
        gone.add(user_id)
    return PresenceChange(online=online, came_online=op == "join" and not others_of_user, gone=frozenset(gone))
