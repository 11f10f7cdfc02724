"""The one rate limiter (core.ratelimit): counted in Redis for every process, refusing past the limit with the
time to wait, and failing safe — a Redis that is not there lets the write through."""

import time

import pytest

from core import ratelimit


@pytest.fixture
def bucket(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "test.bucket": (3, 60)}
    return "test.bucket"


def test_the_limit_refuses_the_attempt_past_it_with_the_seconds_to_wait(bucket):
    user_id = time.time_ns()  # a person no other test run has counted
    for _ in range(3):
        ratelimit.check(bucket=bucket, user_id=user_id)
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.check(bucket=bucket, user_id=user_id)
    assert 0 < refused.value.retry_after <= 60
    assert "Vent" in refused.value.messages[0]
    ratelimit.check(bucket=bucket, user_id=user_id + 1)  # each person has her own count


def test_a_redis_that_is_down_lets_every_attempt_through(bucket, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    for _ in range(10):
        ratelimit.check(bucket=bucket, user_id=1)
