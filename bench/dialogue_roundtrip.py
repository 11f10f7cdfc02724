"""Live threads: message round trip between two participants, and idle connections per server process.

1. Round trip: participant A sends a message on the thread socket and the time
   until participant B's socket receives it is measured, with 1, 50 and 200
   busy threads (the probe's thread plus N-1 others, in each of which one
   participant sends a message every second to another who is connected).
   Baseline in the same run, through the same uvicorn process, origin check,
   session authentication and Redis channel layer: a bare echo socket
   (bench/dialogue_asgi.py) that fans a frame out with no database and no
   checks. Echo and dialogue probes alternate, so both see the same load.
2. Idle connections: a fresh server process; authenticated thread sockets are
   opened in steps and held open; the process's resident memory is read from
   /proc after each step.

Needs DATABASE_URL and REDIS_URL pointing at scratch servers (it migrates and
adds rows). The load runs in a separate process from the probes.

    .venv/bin/python bench/dialogue_roundtrip.py [--samples 200] [--busy 1,50,200] [--idle 500,1000,2000]
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import sys
import time
import uuid

from common import (
    BIN,
    ROOT,
    cpu_seconds,
    free_port,
    percentile,
    raise_open_files_limit,
    setup_django,
    start,
    stop,
    summarise,
)

WAIT = 30


def prepare(*, busy: int, idle_users: int) -> dict:
    """Users, threads and session cookies: the probe pair, a pair per busy thread, department staff for idle sockets."""
    from django.core.management import call_command
    from django.test import Client

    from accounts.models import Department, DepartmentMembership, User
    from dialogue.models import Participant
    from dialogue.services import add_participant, create_thread

    call_command("migrate", verbosity=0)
    department, _ = Department.objects.get_or_create(slug="bench-dialog", defaults={"name": "Dialogbenchmark"})
    run = uuid.uuid4().hex[:8]
    made = iter(range(10**9))

    def user(name: str) -> User:
        return User.objects.create_user(f"{name}-{run}-{next(made)}@bench.example.dk", None, full_name=name)

    def cookie(person: User) -> str:
        client = Client()
        client.force_login(person)
        return client.cookies["sessionid"].value

    def pair(title: str) -> dict:
        thread = create_thread(title=title, department=department)
        citizen, caseworker = user("borger"), user("sagsbehandler")
        add_participant(thread=thread, user=citizen, role=Participant.Role.CITIZEN)
        add_participant(thread=thread, user=caseworker, role=Participant.Role.STAFF)
        return {"thread": thread.id, "a": cookie(citizen), "b": cookie(caseworker)}

    staff = []
    for index in range(idle_users):
        person = user(f"medarbejder{index}")
        DepartmentMembership.objects.create(user=person, department=department)
        staff.append(cookie(person))
    return {
        "probe": pair("Probe"),
        "busy": [pair(f"Travl samtale {index}") for index in range(busy - 1)],
        "idle_threads": [create_thread(title=f"Stille {i}", department=department).id for i in range(200)],
        "staff": staff,
    }


# Client side (asyncio, the `websockets` library)


def connect(port: int, path: str, cookie: str):
    import websockets

    return websockets.connect(
        f"ws://127.0.0.1:{port}{path}",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={cookie}"},
        open_timeout=WAIT,
        max_queue=None,
    )


async def drain(socket) -> None:
    async for _ in socket:
        pass


async def busy_thread(port: int, pair: dict, rate: float, stop, counts: dict) -> None:
    """A sends a message every 1/rate seconds until `stop` is set; B counts the messages it receives."""
    path = f"/ws/threads/{pair['thread']}/"
    async with connect(port, path, pair["a"]) as a, connect(port, path, pair["b"]) as b:
        counts["connected"] += 1

        async def receive():
            async for frame in b:
                if json.loads(frame).get("type") == "message":
                    counts["delivered"] += 1

        readers = [asyncio.create_task(drain(a)), asyncio.create_task(receive())]
        await asyncio.sleep(random.random() / rate)  # spread the senders over the second
        while not stop.is_set():
            frame = {"type": "message", "client_id": uuid.uuid4().hex, "body": "Travl besked"}
            await a.send(json.dumps(frame))
            counts["sent"] += 1
            counts["first_sent"] = min(counts["first_sent"], time.monotonic())
            counts["last_sent"] = time.monotonic()
            await asyncio.sleep(1 / rate)
        await asyncio.sleep(2)  # the last messages on their way
        for reader in readers:
            reader.cancel()


def run_load(port: int, pairs: list[dict], rate: float, ready, stop, results) -> None:
    """The busy threads, in their own process so that they do not slow the probes' client down.

    Puts on `results`: how many threads connected, failed (a socket refused or dropped), messages sent and
    messages B received, and the seconds the senders sent for."""

    async def main():
        counts = {"connected": 0, "sent": 0, "delivered": 0, "first_sent": float("inf"), "last_sent": 0.0}
        tasks = [asyncio.create_task(busy_thread(port, pair, rate, stop, counts)) for pair in pairs]
        ready.set()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        failures = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        results.put(
            {
                **counts,
                "failed": len(failures),
                "first_failure": repr(failures[0]) if failures else "",
                # The rate over the seconds the senders sent (not the connecting before): delivered/s then
                # equals the rate asked when everything arrived.
                "seconds": max(1e-9, counts["last_sent"] - counts["first_sent"] + 1 / rate),
            }
        )

    asyncio.run(main())


async def until(socket, match) -> None:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), WAIT))
        if match(frame):
            return


async def probe(port: int, probe_pair: dict, samples: int) -> tuple[list[float], list[float]]:
    """Alternating echo and dialogue round trips: A sends; the trip ends when B has it and A has its
    acknowledgement (the same frame, fanned out back to A)."""
    thread_path = f"/ws/threads/{probe_pair['thread']}/"
    echo_path = f"/ws/bench/echo/{probe_pair['thread']}/"
    echo, dialogue = [], []
    async with (
        connect(port, thread_path, probe_pair["a"]) as a,
        connect(port, thread_path, probe_pair["b"]) as b,
        connect(port, echo_path, probe_pair["a"]) as echo_a,
        connect(port, echo_path, probe_pair["b"]) as echo_b,
    ):
        for _ in range(samples):
            token = uuid.uuid4().hex
            await echo_a.send(json.dumps({"type": "echo", "token": token}))
            mine = lambda frame, token=token: frame.get("token") == token  # noqa: E731
            echo.append(await timed(until(echo_b, mine), until(echo_a, mine)))

            token = uuid.uuid4().hex
            await a.send(json.dumps({"type": "message", "client_id": token, "body": "Hvordan går det?"}))
            mine = lambda frame, token=token: frame.get("client_id") == token  # noqa: E731
            dialogue.append(await timed(until(b, mine), until(a, mine)))
            await asyncio.sleep(0.02)
    return echo, dialogue


async def timed(*arrivals) -> float:
    """Seconds until every arrival; a frame that has not come within WAIT counts as WAIT (so a saturated server
    shows in the tail and in the lost count, instead of ending the run)."""
    started = time.perf_counter()
    try:
        await asyncio.gather(*arrivals)
    except TimeoutError:
        return float(WAIT)
    return time.perf_counter() - started


def lost(seconds: list[float]) -> int:
    return sum(1 for value in seconds if value >= WAIT)


async def cpu_per_message(port: int, pid: int, probe_pair: dict, count: int) -> tuple[float, float]:
    """Server CPU (ms) per echo frame and per dialogue message, each path sent `count` times one after another."""
    thread_path = f"/ws/threads/{probe_pair['thread']}/"
    echo_path = f"/ws/bench/echo/{probe_pair['thread']}/"
    async with connect(port, thread_path, probe_pair["a"]) as a, connect(port, echo_path, probe_pair["a"]) as echo_a:
        results = []
        for socket, frame, key in (
            (echo_a, {"type": "echo"}, "token"),
            (a, {"type": "message", "body": "Hvordan går det?"}, "client_id"),
        ):
            before = cpu_seconds(pid)
            for _ in range(count):
                token = uuid.uuid4().hex
                await socket.send(json.dumps({**frame, key: token}))
                await until(socket, lambda got, token=token, key=key: got.get(key) == token)
            results.append((cpu_seconds(pid) - before) * 1000 / count)
    return results[0], results[1]


def round_trips(port: int, data: dict, busy: int, samples: int, rate: float) -> tuple[list, list, dict | None]:
    """Echo and dialogue round trips under `busy` threads of load; and what the load delivered."""
    context = multiprocessing.get_context("spawn")
    ready, stop, results = context.Event(), context.Event(), context.Queue()
    load = None
    if busy > 1:
        load = context.Process(target=run_load, args=(port, data["busy"][: busy - 1], rate, ready, stop, results))
        load.start()
        ready.wait(60)
        time.sleep(5)  # let every busy thread connect and start talking
    try:
        echo, dialogue = asyncio.run(probe(port, data["probe"], samples))
    finally:
        stop.set()
    if load is None:
        return echo, dialogue, None
    delivered = results.get(timeout=60)
    load.join(30)
    return echo, dialogue, delivered


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def hold_idle(port: int, pid: int, data: dict, steps: list[int]) -> list[tuple[int, int]]:
    """Open authenticated thread sockets up to each step; (connections held, RSS KiB) after each."""
    sockets = []
    threads, staff = data["idle_threads"], data["staff"]

    async def open_one(index: int):
        path = f"/ws/threads/{threads[index % len(threads)]}/"
        socket = await connect(port, path, staff[index % len(staff)]).__aenter__()
        await until(socket, lambda frame: frame["type"] == "presence")  # accepted, authenticated, let in
        return socket

    async with connect(port, f"/ws/threads/{threads[0]}/", staff[0]) as warm:  # load the code paths first
        await until(warm, lambda frame: frame["type"] == "presence")
    await asyncio.sleep(1)
    results = [(0, rss_kib(pid))]
    for target in steps:
        while len(sockets) < target:
            batch = [open_one(len(sockets) + i) for i in range(min(100, target - len(sockets)))]
            opened = await asyncio.gather(*batch, return_exceptions=True)
            failures = [error for error in opened if isinstance(error, BaseException)]
            sockets += [socket for socket in opened if not isinstance(socket, BaseException)]
            if failures:
                print(f"  {len(failures)} connections failed at {len(sockets)} open: {failures[0]!r}")
                results.append((len(sockets), rss_kib(pid)))
                return results
        await asyncio.sleep(2)
        results.append((len(sockets), rss_kib(pid)))
        print(f"  {len(sockets):>6} idle sockets open: server RSS {results[-1][1] / 1024:7.1f} MiB")
    for socket in sockets:
        await socket.close()
    return results


def server(port: int) -> "subprocess.Popen":  # noqa: F821 - for the reader
    """One server process, started as production starts each of its processes (config/server.py)."""
    try:
        from config.server import uvicorn_options
    except ImportError:  # a main from before config/server.py: its `make run` options
        options = ["--timeout-graceful-shutdown", "5"]
    else:
        options = uvicorn_options(workers=1)
    return start(
        [
            str(BIN / "uvicorn"),
            "bench.dialogue_asgi:application",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--ws-max-queue",
            "1024",
            *options,
        ],
        port,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=200, help="round trips per scenario and path")
    parser.add_argument("--busy", default="1,50,200", help="busy thread counts")
    parser.add_argument("--busy-rate", type=float, default=1.0, help="messages per second in each busy thread")
    parser.add_argument("--idle", default="500,1000,2000", help="idle socket counts to step through")
    parser.add_argument("--cpu-messages", type=int, default=300, help="messages sent to measure CPU per message")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    busy_counts = [int(n) for n in args.busy.split(",")]
    idle_steps = [int(n) for n in args.idle.split(",") if n]
    print(f"open files limit raised to {raise_open_files_limit()}")
    os.environ["DIALOGUE_FLOOD_LIMIT"] = "1000000"  # the probes send faster than a person may
    os.chdir(ROOT)
    setup_django()
    data = prepare(busy=max(busy_counts), idle_users=50)

    print(f"Round trip A -> B and A's acknowledgement, {args.samples} probes per path; busy threads send "
          f"{args.busy_rate:g} message/s each\n")  # fmt: skip
    runs = []
    for run in range(args.repeat):
        print(f"Run {run + 1} of {args.repeat}")
        print(f"{'busy threads':>12}  {'echo p50':>9} {'echo p99':>9}  {'dialogue p50':>12} {'dialogue p99':>12}  "
              f"ratio p50 / p99   busy load delivered")  # fmt: skip
        figures = {}
        port = free_port()
        process = server(port)
        try:
            for busy in busy_counts:
                echo, dialogue, load = round_trips(port, data, busy, args.samples, args.busy_rate)
                e50, e99 = percentile(echo, 0.5) * 1000, percentile(echo, 0.99) * 1000
                d50, d99 = percentile(dialogue, 0.5) * 1000, percentile(dialogue, 0.99) * 1000
                delivered = ""
                if load:
                    asked = (busy - 1) * args.busy_rate
                    figures[f"{busy} busy: delivered msg/s"] = load["delivered"] / load["seconds"]
                    figures[f"{busy} busy: delivered/sent"] = load["delivered"] / max(1, load["sent"])
                    figures[f"{busy} busy: failed sockets"] = load["failed"] + (busy - 1 - load["connected"])
                    delivered = (
                        f"{load['delivered'] / load['seconds']:.1f} of {asked:g} msg/s asked, "
                        f"{load['delivered']}/{load['sent']} delivered, "
                        f"{load['connected']}/{busy - 1} threads connected, {load['failed']} failed"
                        + (f" ({load['first_failure'][:80]})" if load["failed"] else "")
                    )
                    if load["delivered"] < load["sent"] or load["failed"] or load["connected"] < busy - 1:
                        delivered += "  LOAD NOT DELIVERED: the figures of this row understate the load"
                if lost(echo) or lost(dialogue):
                    delivered += (
                        f"  PROBES NOT BACK WITHIN {WAIT} s: echo {lost(echo)}, dialogue {lost(dialogue)} of "
                        f"{args.samples} (counted as {WAIT} s: the server is saturated)"
                    )
                print(f"{busy:>12}  {e50:7.1f}ms {e99:7.1f}ms  {d50:10.1f}ms {d99:10.1f}ms  "
                      f"{d50 / e50:5.1f}x / {d99 / e99:5.1f}x  {delivered}", flush=True)  # fmt: skip
                figures |= {
                    f"{busy} busy: echo p50 ms": e50,
                    f"{busy} busy: echo p99 ms": e99,
                    f"{busy} busy: dialogue p50 ms": d50,
                    f"{busy} busy: dialogue p99 ms": d99,
                    f"{busy} busy: ratio p50": d50 / e50,
                    f"{busy} busy: ratio p99": d99 / e99,
                    f"{busy} busy: probes lost (echo + dialogue)": lost(echo) + lost(dialogue),
                }
            echo_cpu, message_cpu = asyncio.run(cpu_per_message(port, process.pid, data["probe"], args.cpu_messages))
            print(f"server CPU per frame: echo {echo_cpu:.2f} ms, dialogue message {message_cpu:.2f} ms "
                  f"(ratio {message_cpu / echo_cpu:.1f}x)", flush=True)  # fmt: skip
            figures |= {"server CPU ms per echo": echo_cpu, "server CPU ms per message": message_cpu}
        finally:
            stop(process)
        runs.append(figures)
    summarise(runs)

    if idle_steps:
        print("\nIdle authenticated thread sockets held by one fresh server process")
        port = free_port()
        process = server(port)
        try:
            steps = asyncio.run(hold_idle(port, process.pid, data, idle_steps))
        finally:
            stop(process)
        (_, base), (held, top) = steps[0], steps[-1]
        if held:
            per_socket = (top - base) / held
            print(
                f"held {held} sockets; {per_socket:.1f} KiB per socket (RSS {base / 1024:.0f} -> {top / 1024:.0f} MiB)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
