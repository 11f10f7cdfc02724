"""Which Redis database a pytest-xdist worker uses."""

from urllib.parse import urlsplit, urlunsplit


def worker_redis_url(url: str, worker: str) -> str:
    """The URL with its database number raised by the worker's index: ("redis://h:6379/3", "gw1") -> ".../4"."""
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    index = int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{base + index}"))
