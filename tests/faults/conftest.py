"""Parts that can be stopped: a redis-server of the tests' own and a TCP gate in front of PostgreSQL, each on a
free port, and one live stack (uvicorn + a Celery worker) that uses both. The shared servers on 6379/6380/5432
are never stopped: the gate cuts the stack's connections (refused, open ones dropped — what a client of a
stopped PostgreSQL sees), and the redis-server here is this module's alone."""

import contextlib
import os
import selectors
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from tests.e2e.live import LiveStack, free_port, live_database_url


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="bd-fault-redis-")
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
                "--databases",
                "2",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping():
                    return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


class Gate:
    """A TCP relay to PostgreSQL that can be shut: shut, it refuses new connections and drops open ones."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def shut(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread (close alone does not)
            listener.close()
        with self.lock:
            pairs, self.pairs = self.pairs, []
        for pair in pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # shut
            try:
                server = socket.create_connection(self.upstream)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.pairs.append((client, server))
            threading.Thread(target=self._relay, args=(client, server), daemon=True).start()

    @staticmethod
    def _relay(client: socket.socket, server: socket.socket) -> None:
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ, server)
        selector.register(server, selectors.EVENT_READ, client)
        try:
            while True:
                for key, _events in selector.select():
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            selector.close()
            for end in (client, server):
                end.close()


@pytest.fixture(scope="module")
def own_redis():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def database_gate(django_db_setup):
    url = urlsplit(os.environ["DATABASE_URL"])
    gate = Gate((url.hostname or "127.0.0.1", url.port or 5432))
    gate.open()
    yield gate
    gate.shut()


@pytest.fixture(scope="module")
def fault_stack(django_db_setup, django_db_blocker, own_redis, database_gate):
    """uvicorn and a Celery worker on the test database through the gate, and on this module's redis-server."""
    with django_db_blocker.unblock():
        url = urlsplit(live_database_url())
    netloc = f"{url.username or 'postgres'}{':' + url.password if url.password else ''}@127.0.0.1:{database_gate.port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": urlunsplit(url._replace(netloc=netloc)),
        "REDIS_URL": own_redis.url,
        "DEMO": "1",
        "DEBUG": "0",  # the error pages as production shows them, on plain HTTP (no TLS in front here)
        "SECURE_SSL_REDIRECT": "0",
        "PYTHONUNBUFFERED": "1",
        "RATE_LIMIT_COMPLAINTS": "1000",  # the burst files faster than a person may
        # With PostgreSQL shut off, a request gives up on the pool after this long and answers 503: a second
        # instead of production's three, for each of the outage test's requests.
        "DB_POOL_TIMEOUT": "1",
    }
    stack = LiveStack(env)
    stack.start_server()
    stack.start_worker()
    yield stack
    stack.stop_worker()
    stack.stop_server()
