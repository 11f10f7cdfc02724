"""What every server process must agree on about live threads, kept in Redis.

- The flood limit: more than DIALOGUE_FLOOD_LIMIT messages within
  DIALOGUE_FLOOD_WINDOW_SECONDS from one person, counted over all her sockets,
  API calls and server processes (a sliding window in a sorted set).
- Presence: who has a socket open on a thread. Each connection is a member
  `<user id>:<channel name>` of the thread's sorted set, scored with its
  expiry; sockets renew theirs on a heartbeat, so the connections of a
  process that died vanish by themselves.

Both are Lua scripts, so each step is atomic whatever else runs at once, and
they use Redis's clock, so processes on different machines agree.
"""

import asyncio
import uuid
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

import redis
import redis.asyncio
from django.conf import settings

PRESENCE_TTL_SECONDS = 60
HEARTBEAT_SECONDS = 20

FLOOD_SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('EXPIRE', KEYS[1], math.ceil(window) + 1)
return redis.call('ZCARD', KEYS[1])
"""

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


def flood_key(user_id: int) -> str:
    return f"dialogue:flood:{user_id}"


def presence_key(thread_id: int) -> str:
    return f"dialogue:presence:{thread_id}"


@cache
def _flood_script():
    return redis.Redis.from_url(settings.REDIS_URL).register_script(FLOOD_SCRIPT)


_async_scripts: WeakKeyDictionary = WeakKeyDictionary()


def _scripts_for_this_loop():
    """Async Redis connections belong to one event loop; each loop gets its own client."""
    loop = asyncio.get_running_loop()
    scripts = _async_scripts.get(loop)
    if scripts is None:
        # A burst of sockets opening at once waits for a free connection instead of failing.
        pool = redis.asyncio.BlockingConnectionPool.from_url(settings.REDIS_URL, max_connections=100, timeout=10)
        client = redis.asyncio.Redis(connection_pool=pool)
        scripts = _async_scripts[loop] = (
            client.register_script(FLOOD_SCRIPT),
            client.register_script(PRESENCE_SCRIPT),
        )
    return scripts


def _flood_args() -> list:
    return [settings.DIALOGUE_FLOOD_WINDOW_SECONDS, uuid.uuid4().hex]


def count_message_attempt(*, user_id: int) -> bool:
    """Count one message from the user; True when that makes too many within the window (a door refuses it)."""
    return _flood_script()(keys=[flood_key(user_id)], args=_flood_args()) > settings.DIALOGUE_FLOOD_LIMIT


async def acount_message_attempt(*, user_id: int) -> bool:
    flood, _presence = _scripts_for_this_loop()
    return await flood(keys=[flood_key(user_id)], args=_flood_args()) > settings.DIALOGUE_FLOOD_LIMIT


@dataclass(frozen=True)
class PresenceChange:
    online: frozenset[int]  # users with a live socket on the thread now
    came_online: bool  # on join: this user had no other live socket on the thread
    gone: frozenset[int]  # users whose last socket left or expired with this step


def _user_of(member: bytes) -> int:
    return int(member.split(b":", 1)[0])


async def update_presence(*, op: str, thread_id: int, user_id: int, channel_name: str) -> PresenceChange:
    """`op` is "join", "beat" (renew) or "leave" for the socket `channel_name` of `user_id`."""
    _flood, presence = _scripts_for_this_loop()
    member = f"{user_id}:{channel_name}"
    expired, live = await presence(keys=[presence_key(thread_id)], args=[op, member, PRESENCE_TTL_SECONDS])
    online = frozenset(_user_of(m) for m in live)
    others_of_user = [m for m in live if _user_of(m) == user_id and m != member.encode()]
    gone = {_user_of(m) for m in expired} - online
    if op == "leave" and user_id not in online:
        gone.add(user_id)
    return PresenceChange(online=online, came_online=op == "join" and not others_of_user, gone=frozenset(gone))
