"""Shared pieces of the benchmarks: a server process, open-loop load, percentiles."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], port: int | None = None) -> subprocess.Popen:
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DEMO": "1"})
    if port is not None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return process
            time.sleep(0.1)
        raise RuntimeError("server did not start")
    return process


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=20)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[float, int, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        payload, status = error.read(), error.code
    return time.perf_counter() - started, status, payload


def open_loop(send, *, rate: float, seconds: float) -> list:
    """Call send() at a fixed rate (not waiting for answers), like real arrivals; return the results."""
    count = int(rate * seconds)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=64) as pool:
        futures = []
        for index in range(count):
            delay = started + index / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(send))
        return [future.result() for future in futures]


def report(name: str, seconds: list[float]) -> tuple[float, float]:
    p50, p99 = percentile(seconds, 0.5) * 1000, percentile(seconds, 0.99) * 1000
    print(f"{name:<38} n={len(seconds):>5}  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms")
    return p50, p99
