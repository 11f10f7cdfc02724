"""Which Redis database a pytest-xdist worker uses."""

from urllib.parse import urlsplit, urlunsplit


def worker_redis_url(url: str, worker: str) -> str:
    """The URL with its database number raised by the worker's index: ("redis://h:6379/3", "gw1") -> ".../4"."""
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    index = int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{base + index}"))


def parked_broker_url(url: str) -> str:
    """The test process's own Celery broker: the Redis database eight above its own, which no worker reads.

    A plain test that commits enqueues its tasks there, so the browser tests' live worker (on the process's own
    database, tests/e2e/conftest.py) never runs a task of a test that is not looking, on rows that test is about
    to flush. Eight above leaves room for four xdist workers within Redis's default sixteen databases."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) + 8}"))
