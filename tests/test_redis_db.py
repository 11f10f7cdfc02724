from tests.redis_db import worker_redis_url


def test_each_xdist_worker_takes_the_next_redis_database():
    assert worker_redis_url("redis://127.0.0.1:6379/3", "gw0") == "redis://127.0.0.1:6379/3"
    assert worker_redis_url("redis://127.0.0.1:6379/3", "gw1") == "redis://127.0.0.1:6379/4"
    assert worker_redis_url("redis://127.0.0.1:6380", "gw2") == "redis://127.0.0.1:6380/2"
