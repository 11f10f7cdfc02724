"""Shared pieces of the benchmarks: server processes, open-loop load, percentiles, repeated runs.

Every bench runs the product as production does: DEMO=1 only for the demo's
defaults (hosts, a secret key, generated people), but DEBUG off, so Django
keeps no query log and renders no debug pages.
"""

import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# What a bench server and worker see: demo defaults, but DEBUG off (no query log, no debug pages).
BENCH_ENV = {"DEMO": "1", "DEBUG": "0", "LOG_LEVEL": "WARNING"}


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    for name, value in BENCH_ENV.items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def raise_open_files_limit() -> int:
    """Lift this process's (and its children's) file descriptor limit to the hard limit; returns it."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def start(command: list[str], port: int | None = None, env: dict[str, str] | None = None) -> subprocess.Popen:
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **BENCH_ENV, "PYTHONPATH": str(ROOT), **(env or {})}
    )
    if port is not None:
        wait_for_port(port, process)
    return process


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its living descendants, and of its reaped children."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for child in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{child}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        # utime, stime, cutime, cstime are fields 14-17 of stat(5); here shifted by the two before ")"
        total += sum(int(value) for value in fields[11:15]) / ticks
    return total


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = []
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids += [int(kid) for kid in (task / "children").read_text().split()]
            except FileNotFoundError:
                continue
        found += kids
        todo += kids
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[float, int, bytes, float]:
    """(seconds, status, body, wall-clock time the answer arrived)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        payload, status = error.read(), error.code
    except OSError as error:
        payload, status = str(error).encode(), 0
    return time.perf_counter() - started, status, payload, time.time()


def open_loop(sends: dict, *, rate: float, seconds: float) -> dict[str, list]:
    """Call each of `sends` at `rate` per second (not waiting for answers, like real arrivals), interleaved:
    a, b, a, b … so that every path sees the same load at the same time. Returns each path's results."""
    names = list(sends)
    count = int(rate * seconds) * len(names)
    step = 1 / (rate * len(names))
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=128) as pool:
        futures: dict[str, list] = {name: [] for name in names}
        for index in range(count):
            delay = started + index * step - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            name = names[index % len(names)]
            futures[name].append(pool.submit(sends[name]))
        return {name: [future.result() for future in results] for name, results in futures.items()}


def ms(seconds: list[float]) -> tuple[float, float]:
    return percentile(seconds, 0.5) * 1000, percentile(seconds, 0.99) * 1000


def report(name: str, seconds: list[float]) -> tuple[float, float]:
    p50, p99 = ms(seconds)
    print(f"{name:<44} n={len(seconds):>5}  p50 {p50:8.1f} ms  p99 {p99:8.1f} ms", flush=True)
    return p50, p99


def summarise(runs: list[dict[str, float]], *, units: dict[str, str] | None = None) -> None:
    """Median and spread (min–max) over repeated runs of every figure the runs share."""
    units = units or {}
    print(f"\nOver {len(runs)} runs: median (min – max)")
    for key in runs[0]:
        values = [run[key] for run in runs if key in run]
        unit = units.get(key, "")
        print(
            f"  {key:<44} {statistics.median(values):9.2f}{unit}  ({min(values):.2f} – {max(values):.2f}){unit}",
            flush=True,
        )
