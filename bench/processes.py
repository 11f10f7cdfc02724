"""Throughput with 1, 2 and 4 ASGI processes (uvicorn --workers, as production runs; config/server.py).

For each process count, against one Redis and one PostgreSQL on this machine:
- intake: closed loop, --clients HTTP clients each posting a complaint as soon as the last one was answered,
  for --seconds; completed requests per second. Baseline in the same run and server: the same clients
  posting to the bare insert view (bench/asgi.py). No Celery workers run (routing is measured by
  intake.py); the queued tasks are dropped afterwards.
- dialogue: --pairs threads, in each of which A sends a message as soon as her last one came back
  acknowledged (B receives it too); messages acknowledged per second. Baseline: the bare echo socket
  (bench/dialogue_asgi.py) driven the same way.

Intake and baseline (and dialogue and echo) alternate in slices of --slice seconds, so both see the same
machine. Needs DATABASE_URL and REDIS_URL naming scratch servers.

    .venv/bin/python bench/processes.py [--processes 1,2,4] [--seconds 20] [--clients 16] [--pairs 32]
"""

import argparse
import asyncio
import http.client
import json
import os
import sys
import threading
import time
import uuid

from common import BIN, ROOT, free_port, raise_open_files_limit, setup_django, start, stop


def http_throughput(port: int, path: str, body: bytes, headers: dict, *, clients: int, seconds: float) -> float:
    done = [0] * clients
    stop_at = time.monotonic() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status == 201:
                done[index] += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


async def socket_throughput(port: int, pairs: list[dict], *, echo: bool, seconds: float) -> float:
    import websockets

    def connect(path: str, cookie: str):
        return websockets.connect(
            f"ws://127.0.0.1:{port}{path}",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": f"sessionid={cookie}"},
            open_timeout=60,
            max_queue=None,
        )

    acknowledged = 0
    stop_at = time.monotonic() + seconds

    async def one(pair: dict) -> None:
        nonlocal acknowledged
        path = f"/ws/bench/echo/{pair['thread']}/" if echo else f"/ws/threads/{pair['thread']}/"
        key = "token" if echo else "client_id"
        async with connect(path, pair["a"]) as a, connect(path, pair["b"]) as b:
            reader = asyncio.create_task(drain(b))
            while time.monotonic() < stop_at:
                token = uuid.uuid4().hex
                frame = {"type": "echo"} if echo else {"type": "message", "body": "Hvordan går det?"}
                await a.send(json.dumps({**frame, key: token}))
                while json.loads(await a.recv()).get(key) != token:
                    pass
                acknowledged += 1
            reader.cancel()

    started = time.monotonic()
    await asyncio.gather(*(one(pair) for pair in pairs))
    return acknowledged / (time.monotonic() - started)


async def drain(socket) -> None:
    async for _ in socket:
        pass


def alternate(measure_a, measure_b, *, seconds: float, slice_seconds: float) -> tuple[float, float]:
    """Mean throughput of a and b, measured in alternating slices."""
    a, b = [], []
    for _ in range(max(1, round(seconds / slice_seconds))):
        a.append(measure_a(slice_seconds))
        b.append(measure_b(slice_seconds))
    return sum(a) / len(a), sum(b) / len(b)


def measure(port: int, headers: dict, complaint: bytes, pairs: list[dict], args) -> tuple[float, ...]:
    def posting(path: str, body: bytes):
        return lambda s: http_throughput(port, path, body, headers, clients=args.clients, seconds=s)

    def talking(echo: bool):
        return lambda s: asyncio.run(socket_throughput(port, pairs, echo=echo, seconds=s))

    bare, intake = alternate(
        posting("/bench/bare-insert/", b""), posting("/api/complaints/", complaint), seconds=args.seconds,
        slice_seconds=args.slice,
    )  # fmt: skip
    echo, dialogue = alternate(talking(True), talking(False), seconds=args.seconds, slice_seconds=args.slice)
    return bare, intake, echo, dialogue


def server(port: int, processes: int):
    try:
        from config.server import uvicorn_options
    except ImportError:
        options = ["--workers", str(processes)] if processes > 1 else []
    else:
        options = uvicorn_options(workers=processes)
    command = [str(BIN / "uvicorn"), "bench.dialogue_asgi:application", "--port", str(port), "--log-level", "warning"]
    process = start([*command, *options], port)
    time.sleep(3 + processes)  # every process has set Django up and listens
    return process


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", default="1,2,4")
    parser.add_argument("--seconds", type=float, default=20, help="per path and process count")
    parser.add_argument("--slice", type=float, default=5)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--pairs", type=int, default=32)
    args = parser.parse_args()
    raise_open_files_limit()
    os.environ["DIALOGUE_FLOOD_LIMIT"] = "1000000"
    os.environ["RATE_LIMIT_COMPLAINTS"] = "1000000"
    os.chdir(ROOT)
    setup_django()
    sys.path.insert(0, str(ROOT / "bench"))
    from dialogue_roundtrip import prepare as prepare_threads
    from intake import prepare as prepare_intake

    token, _cookies = prepare_intake()
    pairs = prepare_threads(busy=args.pairs + 1, idle_users=0)["busy"]
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"}
    complaint = json.dumps(
        {
            "kind": "case_handling",
            "department": "bench",
            "subject": "Lang ventetid",
            "description": "Jeg har ventet i otte uger på svar på min ansøgning.",
            "contact_channel": "email",
        }
    ).encode()
    print(f"{os.cpu_count()} cores; closed loop, {args.clients} HTTP clients, {args.pairs} socket pairs; "
          f"{args.seconds:g} s per path in {args.slice:g} s slices\n")  # fmt: skip
    print(f"{'processes':>9}  {'bare req/s':>10} {'intake req/s':>12} {'ratio':>6}  {'echo msg/s':>10} "
          f"{'dialogue msg/s':>14} {'ratio':>6}")  # fmt: skip
    for processes in [int(n) for n in args.processes.split(",")]:
        port = free_port()
        process = server(port, processes)
        try:
            bare, intake, echo, dialogue = measure(port, headers, complaint, pairs, args)
        finally:
            stop(process)
        print(f"{processes:>9}  {bare:10.1f} {intake:12.1f} {intake / bare:6.2f}  {echo:10.1f} {dialogue:14.1f} "
              f"{dialogue / echo:6.2f}", flush=True)  # fmt: skip
    from celery import current_app

    current_app.control.purge()  # the routing and e-mail tasks no worker took
    return 0


if __name__ == "__main__":
    sys.exit(main())
