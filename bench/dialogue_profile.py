"""Where a dialogue message's server CPU goes: the real thread consumer, in this process, profiled.

Two participants' sockets (channels' WebsocketCommunicator against the product's own consumer, the real
database and the Redis channel layer, DEBUG off as in production); A sends `--messages` messages one after
another, each done when B has it and A has its acknowledgement. The same through the bench's bare echo
socket (bench/dialogue_asgi.py) is the baseline: the communicators, the channel layer and the event loop
cost the same in both, so the difference is the product's own work per message. Prints, per message: CPU of
this process (every thread), database statements (each `execute` on a psycopg cursor, the pool's checks
included; BEGIN is implicit in psycopg and not counted, COMMIT is), Redis commands; then the functions
with the most CPU (yappi, every thread) when `--profile` is given.

Needs DATABASE_URL and REDIS_URL pointing at scratch servers (it migrates and adds rows).

    .venv/bin/python bench/dialogue_profile.py [--messages 300] [--profile]
"""

import argparse
import asyncio
import collections
import json
import os
import sys
import time
import uuid

from common import ROOT, setup_django

COUNTS: collections.Counter = collections.Counter()


def count_round_trips() -> None:
    """Count database statements and Redis commands, whichever thread or event loop sends them."""
    import psycopg
    import redis.asyncio.client
    import redis.client

    def counting(cls, name, key):
        original = getattr(cls, name)

        def wrapper(self, *args, **kwargs):
            COUNTS[key] += 1
            return original(self, *args, **kwargs)

        async def async_wrapper(self, *args, **kwargs):
            COUNTS[key] += 1
            return await original(self, *args, **kwargs)

        setattr(cls, name, async_wrapper if asyncio.iscoroutinefunction(original) else wrapper)

    counting(psycopg.Cursor, "execute", "sql")
    counting(psycopg.Cursor, "executemany", "sql")
    counting(psycopg.Connection, "commit", "sql")
    counting(psycopg.Connection, "rollback", "sql")
    counting(redis.client.Redis, "execute_command", "redis")
    counting(redis.asyncio.client.Redis, "execute_command", "redis")


def prepare() -> dict:
    from django.core.management import call_command

    from accounts.models import Department, User
    from dialogue.models import Participant
    from dialogue.services import add_participant, create_thread

    call_command("migrate", verbosity=0)
    department, _ = Department.objects.get_or_create(slug="bench-dialog", defaults={"name": "Dialogbenchmark"})
    run = uuid.uuid4().hex[:8]
    citizen = User.objects.create_user(f"borger-{run}@bench.example.dk", None, full_name="Borger")
    caseworker = User.objects.create_user(f"sagsbehandler-{run}@bench.example.dk", None, full_name="Sagsbehandler")
    thread = create_thread(title="Profil", department=department)
    add_participant(thread=thread, user=citizen, role=Participant.Role.CITIZEN)
    add_participant(thread=thread, user=caseworker, role=Participant.Role.STAFF)
    # What core.channels.SessionUserMiddleware puts in the scope: the user as loaded from the session.
    return {"thread": thread.id, "a": User.objects.get(id=citizen.id), "b": User.objects.get(id=caseworker.id)}


async def open_socket(router, path: str, user):
    from channels.testing import WebsocketCommunicator

    communicator = WebsocketCommunicator(router, path)
    communicator.scope["user"] = user
    connected, _ = await communicator.connect(timeout=10)
    assert connected, path
    return communicator


async def until(communicator, match) -> None:
    while True:
        frame = json.loads(await communicator.receive_from(timeout=10))
        if match(frame):
            return


async def trips(a, b, frame: dict, key: str, count: int) -> tuple[float, float, dict]:
    """`count` round trips; (CPU seconds, wall seconds, counts) for all of them."""
    COUNTS.clear()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(count):
        token = uuid.uuid4().hex
        await a.send_to(text_data=json.dumps({**frame, key: token}))
        mine = lambda got, token=token: got.get(key) == token  # noqa: E731
        await asyncio.gather(until(a, mine), until(b, mine))
    return time.process_time() - cpu, time.perf_counter() - wall, dict(COUNTS)


async def measure(data: dict, count: int, profile: bool, save: str | None) -> None:
    from channels.routing import URLRouter
    from django.urls import path

    from bench.dialogue_asgi import EchoConsumer
    from config.routing import websocket_urlpatterns

    router = URLRouter([*websocket_urlpatterns, path("ws/bench/echo/<str:room>/", EchoConsumer.as_asgi())])
    thread_path, echo_path = f"/ws/threads/{data['thread']}/", f"/ws/bench/echo/{data['thread']}/"
    a, b = await open_socket(router, thread_path, data["a"]), await open_socket(router, thread_path, data["b"])
    echo_a, echo_b = await open_socket(router, echo_path, data["a"]), await open_socket(router, echo_path, data["b"])
    for socket in (a, b):
        await until(socket, lambda frame: frame["type"] == "presence")
    message = {"type": "message", "body": "Hvordan går det?"}
    await trips(a, b, message, "client_id", 30)  # warm: code paths, pool connections, Redis connections
    await trips(echo_a, echo_b, {"type": "echo"}, "token", 30)
    if profile:
        import yappi

        yappi.set_clock_type("cpu")
        yappi.start(builtins=False, profile_threads=True)
    results = {}
    for name, (x, y, frame, key) in {
        "echo": (echo_a, echo_b, {"type": "echo"}, "token"),
        "message": (a, b, message, "client_id"),
    }.items():
        results[name] = await trips(x, y, frame, key, count)
    if profile:
        yappi.stop()
    for socket in (a, b, echo_a, echo_b):
        await socket.disconnect()

    print(f"{count} round trips each, in one process (client and server), DEBUG off")
    for name, (cpu, wall, counts) in results.items():
        print(
            f"  {name:>8}: CPU {cpu * 1000 / count:6.2f} ms, wall {wall * 1000 / count:6.2f} ms, "
            f"database statements {counts.get('sql', 0) / count:5.1f}, "
            f"Redis commands {counts.get('redis', 0) / count:5.1f}"
        )
    extra = (results["message"][0] - results["echo"][0]) * 1000 / count
    print(f"  the product's own CPU per message (message - echo): {extra:.2f} ms")
    if profile:
        stats = yappi.get_func_stats()
        if save:
            stats.save(save, type="pstat")
        per = 1000 / (2 * count)  # both paths ran while profiling; the echo's share is small
        rows = [(s.ttot, s.tsub, s.ncall, f"{s.module.split('site-packages/')[-1]}:{s.lineno} {s.name}") for s in stats]
        print("\nInclusive CPU, top 45 (ms per round trip, both paths)")
        for ttot, _tsub, ncall, name in sorted(rows, reverse=True)[:45]:
            print(f"  {ttot * per:7.3f}  {ncall:>7}  {name[-110:]}")
        print("\nOwn CPU, top 30")
        for _ttot, tsub, ncall, name in sorted(rows, key=lambda row: row[1], reverse=True)[:30]:
            print(f"  {tsub * per:7.3f}  {ncall:>7}  {name[-110:]}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--save", help="with --profile: also write the profile here (pstats format)")
    args = parser.parse_args()
    os.environ["DIALOGUE_FLOOD_LIMIT"] = "1000000"  # the probe sends faster than a person may
    os.chdir(ROOT)
    setup_django()
    count_round_trips()
    data = prepare()
    asyncio.run(measure(data, args.messages, args.profile, args.save))
    return 0


if __name__ == "__main__":
    sys.exit(main())
