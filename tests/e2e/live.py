"""Helpers for end-to-end tests."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.db import connection

from accounts.services import issue_api_token
from config.celery import WORKERS
from config.server import uvicorn_options


def wait_until(predicate, timeout: float = 60, interval: float = 0.1):
    """Poll until predicate() is truthy; return its value, or fail after `timeout` seconds (generous: a passing
    test returns as soon as it holds, and on a loaded machine the worker's task took more than 20 s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_database_url() -> str:
    """DATABASE_URL with the database swapped for the test database, for the server and worker processes."""
    url = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(url._replace(path="/" + connection.settings_dict["NAME"]))


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited early with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


class LiveStack:
    def __init__(self, env: dict[str, str]):
        # Celery runs Django's system checks as each worker starts (2-3 s of CPU here); the suite runs them once
        # itself (tests/test_platform.py), so the tests' workers skip them.
        self.env = {**env, "CELERY_SKIP_CHECKS": "1"}
        self.port = free_port()
        self.server: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def call(self, method: str, path: str, user=None, payload=None) -> tuple[int, dict | str]:
        """One JSON API request to the live server (as `user`, by token): its status and decoded body.

        Tests whose tasks the live worker must run act through the server: the test process's own broker is
        one no worker reads (tests/redis_db.py)."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if user is not None:
            headers["Authorization"] = f"Token {issue_api_token(user=user, device='test')[1]}"
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body, status = response.read().decode(), response.status
        except urllib.error.HTTPError as error:
            body, status = error.read().decode(), error.code
        try:
            return status, json.loads(body)
        except json.JSONDecodeError:
            return status, body

    def start_server(self) -> None:
        self.server = subprocess.Popen(
            [
                str(BIN / "uvicorn"),
                "config.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                *uvicorn_options(),
            ],
            cwd=ROOT,
            env=self.env,
        )
        wait_for_port(self.port, self.server)

    def stop_server(self) -> None:
        stop(self.server)
        self.server = None

    def start_worker(self) -> None:
        self.worker = subprocess.Popen(
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "worker",
                "--queues",
                ",".join(WORKERS),  # one worker for every queue
                "--pool",
                "threads",
                "--concurrency",
                "2",
                "--loglevel",
                "WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=self.env,
        )

    def stop_worker(self) -> None:
        stop(self.worker)
        self.worker = None


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def follow(page, selector: str) -> None:
    """Click something that loads a new page, and wait until the new page is there."""
    with page.expect_navigation():
        page.click(selector)
