"""One rate limit for what people write: complaints, ideas, comments, hearing answers, applications, messages.

A service calls `check(bucket="complaints.file", user_id=…)` before it stores anything; past the bucket's limit
it raises `RateLimited`, a `ValidationError`, so every door answers it the way it answers bad input — a page
shows the message above the form, the API answers 429 with `Retry-After` (core.api), and the thread socket
sends a `rate_limited` frame and closes with 4429. The limits are in settings (`RATE_LIMITS`: bucket →
(attempts, window in seconds)).

Counted in Redis (a sliding window in a sorted set, one Lua script, Redis's clock), so every server process and
worker counts together. Redis that is down or slow fails safe: the write goes through, a warning is logged —
the database is the truth, and a citizen must not lose her complaint because a counter is away.
"""

import logging
import math
import uuid
from functools import cache

import redis
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Refused attempts are not counted: someone who waits gets through when the window has moved on.
SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(oldest[2] + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('EXPIRE', KEYS[1], math.ceil(window) + 1)
return '0'
"""

# A counter that does not answer within this is treated as away (the write goes through).
REDIS_TIMEOUT_SECONDS = 0.5


class RateLimited(ValidationError):
    """Too many attempts in the bucket's window; `retry_after` is the number of seconds until one is free."""

    def __init__(self, *, bucket: str, retry_after: int):
        self.bucket = bucket
        self.retry_after = retry_after
        super().__init__(
            _("Du har sendt for mange på kort tid. Vent %(seconds)d sekunder, og prøv igen.")
            % {"seconds": retry_after},
            code="rate_limited",
        )


def key(*, bucket: str, user_id: int) -> str:
    return f"ratelimit:{bucket}:{user_id}"


@cache
def _script(url: str):
    client = redis.Redis.from_url(
        url,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
    )
    return client.register_script(SCRIPT)


def check(*, bucket: str, user_id: int) -> None:
    """Count one attempt of the user in `bucket`; raises RateLimited (nothing counted) past the limit."""
    limit, window = settings.RATE_LIMITS[bucket]
    try:
        script = _script(settings.REDIS_URL)
        wait = float(script(keys=[key(bucket=bucket, user_id=user_id)], args=[window, limit, uuid.uuid4().hex]))
    except (redis.RedisError, OSError):
        logger.warning("Rate limit %s not counted (Redis unavailable); the attempt goes through", bucket)
        return
    if wait > 0:
        raise RateLimited(bucket=bucket, retry_after=max(1, math.ceil(wait)))
