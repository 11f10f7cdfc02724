"""Complaint intake latency, and intake commit -> early-contact task -> the caseworker's inbox socket.

Baseline in the same run, on the same server, middleware and database: a bare
Django view that inserts one row. Intake and baseline requests are
interleaved in one open loop (each path at --rate requests/s), so both see the
same load at the same moment. The stack runs as in production: DEBUG off, the
Celery workers of config/celery.py (one per queue) and beat, and a trained
theme suggestion model on a generated municipality (made on first use), so
routing competes with theme suggestion, e-mail and the periodic jobs as it
would in real life. The caseworkers keep their inbox socket (ws/events/) open.

Routing is timed from the moment the complaint's transaction commits (noted
by bench/asgi.py) to the early-contact task row, and to the task's arrival on
a caseworker's open inbox socket. Worker CPU is the workers' user + system
CPU during the run, divided by the complaints filed.

Needs DATABASE_URL and REDIS_URL naming scratch servers (it migrates and adds rows).

    .venv/bin/python bench/intake.py [--rate 20] [--seconds 60] [--repeat 3]
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time

from common import (
    BIN,
    cpu_seconds,
    free_port,
    open_loop,
    post,
    report,
    setup_django,
    start,
    stop,
    summarise,
)

CASEWORKERS = 5


def prepare() -> tuple[str, list[str]]:
    """The bench department, its caseworkers' session cookies and a citizen's API token; a trained model."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import Department, DepartmentMembership, User
    from accounts.services import issue_api_token
    from bench.asgi import BASELINE_TABLE
    from demo.municipality import generate
    from themes.models import SuggestionModel
    from themes.services import train_suggestion_model

    call_command("migrate", verbosity=0)
    if not SuggestionModel.objects.exists():
        print("Generating a municipality of 4,000 complaints and training the theme suggestion (once) ...")
        generate(complaints=4000, ideas=500, supports=2000, years=3)
        train_suggestion_model()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} (id bigserial primary key, created_at timestamptz)"
        )
    department, _ = Department.objects.get_or_create(slug="bench", defaults={"name": "Benchmarkafdelingen"})
    cookies = []
    for index in range(CASEWORKERS):
        worker, _ = User.objects.get_or_create(
            email=f"bench-sagsbehandler{index}@example.dk", defaults={"full_name": f"Sagsbehandler {index}"}
        )
        DepartmentMembership.objects.get_or_create(user=worker, department=department)
        client = Client()
        client.force_login(worker)
        cookies.append(client.cookies["sessionid"].value)
    citizen, _ = User.objects.get_or_create(email="bench-borger@example.dk", defaults={"full_name": "Bench Borger"})
    return issue_api_token(user=citizen, device="bench")[1], cookies


def worker_commands() -> dict[str, list[str]]:
    """The product's workers by queue (config/celery.py); on a main from before queues existed, its one worker."""
    try:
        from config.celery import WORKERS, worker_command
    except ImportError:
        return {"all": [str(BIN / "celery"), "-A", "config", "worker", "--loglevel", "WARNING", "--concurrency", "2"]}
    return {queue: worker_command(queue, celery=str(BIN / "celery"), loglevel="WARNING") for queue in WORKERS}


class Inboxes:
    """The caseworkers' open inbox sockets, in a thread of their own; notes when each task arrives."""

    def __init__(self, port: int, cookies: list[str]):
        self.port, self.cookies = port, cookies
        self.arrived: dict[int, float] = {}
        self.ready = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(self.listen(),), daemon=True)
        self.thread.start()
        if not self.ready.wait(30):
            raise RuntimeError("inbox sockets did not open")

    async def listen(self):
        import websockets

        async def one(cookie: str, opened: asyncio.Event):
            async with websockets.connect(
                f"ws://127.0.0.1:{self.port}/ws/events/",
                origin=f"http://127.0.0.1:{self.port}",
                additional_headers={"Cookie": f"sessionid={cookie}"},
                max_queue=None,
            ) as socket:
                opened.set()
                try:
                    async for frame in socket:
                        event = json.loads(frame)
                        if event.get("kind") == "task":
                            self.arrived.setdefault(event["task_id"], time.time())
                except websockets.ConnectionClosed:
                    return  # the server stops at the end

        opened = [asyncio.Event() for _ in self.cookies]
        readers = [asyncio.create_task(one(cookie, event)) for cookie, event in zip(self.cookies, opened, strict=True)]
        await asyncio.gather(*(event.wait() for event in opened))
        self.ready.set()
        await asyncio.gather(*readers)


def routed(complaint_ids: list[int], arrived: dict[int, float]) -> tuple[list[float], list[float], int]:
    """(commit -> task row, commit -> inbox socket) in seconds, and how many tasks never reached a socket."""
    import redis
    from django.conf import settings

    from bench.asgi import COMMITS_KEY
    from complaints.models import ContactTask

    commits = {int(k): float(v) for k, v in redis.Redis.from_url(settings.REDIS_URL).hgetall(COMMITS_KEY).items()}
    to_row, to_socket, missing = [], [], 0
    for task in ContactTask.objects.filter(complaint_id__in=complaint_ids, kind="early_contact"):
        committed = commits[task.complaint_id]
        to_row.append(task.created_at.timestamp() - committed)
        if task.id in arrived:
            to_socket.append(arrived[task.id] - committed)
        else:
            missing += 1
    return to_row, to_socket, missing


def wait_routed(complaint_ids: list[int], timeout: float = 180) -> None:
    from complaints.models import ContactTask

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ContactTask.objects.filter(complaint_id__in=complaint_ids).count() >= len(complaint_ids):
            time.sleep(1)  # the last pushes
            return
        time.sleep(0.2)


def one_run(base: str, headers: dict, complaint: bytes, inboxes: Inboxes, workers: dict, args) -> dict[str, float]:
    """`workers`: queue (and "beat") -> process; their CPU is reported per queue, to show which kind of work
    spends it."""
    cpu_before = {name: cpu_seconds(worker.pid) for name, worker in workers.items()}
    results = open_loop(
        {
            "bare": lambda: post(base + "/bench/bare-insert/", b"", headers),
            "intake": lambda: post(base + "/api/complaints/", complaint, headers),
        },
        rate=args.rate,
        seconds=args.seconds,
    )
    ids = [json.loads(body)["id"] for _, status, body, _ in results["intake"] if status == 201]
    wait_routed(ids)
    cpu_by_queue = {name: cpu_seconds(worker.pid) - cpu_before[name] for name, worker in workers.items()}
    worker_cpu = sum(cpu_by_queue.values())
    per_complaint = {name: cpu * 1000 / max(1, len(ids)) for name, cpu in cpu_by_queue.items()}
    failures = sum(status != 201 for _, status, _, _ in results["bare"] + results["intake"])
    bare_p50, bare_p99 = report("baseline: bare view inserting one row", [r[0] for r in results["bare"]])
    intake_p50, intake_p99 = report("complaint intake (POST /api/complaints/)", [r[0] for r in results["intake"]])
    to_row, to_socket, missing = routed(ids, inboxes.arrived)
    row_p50, row_p99 = report("commit -> early-contact task row", to_row)
    socket_p50, socket_p99 = report("commit -> caseworker's inbox socket", to_socket)
    print(
        f"ratio intake/baseline: p50 {intake_p50 / bare_p50:.2f}x  p99 {intake_p99 / bare_p99:.2f}x; "
        f"routed {len(to_row)}/{len(ids)}, on a socket {len(to_socket)}, failed requests {failures}; "
        f"worker CPU {worker_cpu * 1000 / max(1, len(ids)):.1f} ms per complaint "
        f"({', '.join(f'{name} {ms:.1f}' for name, ms in per_complaint.items())})\n",
        flush=True,
    )
    return {
        "bare p50 ms": bare_p50,
        "bare p99 ms": bare_p99,
        "intake p50 ms": intake_p50,
        "intake p99 ms": intake_p99,
        "ratio p50": intake_p50 / bare_p50,
        "ratio p99": intake_p99 / bare_p99,
        "commit->row p50 ms": row_p50,
        "commit->row p99 ms": row_p99,
        "commit->socket p50 ms": socket_p50,
        "commit->socket p99 ms": socket_p99,
        "not routed": len(ids) - len(to_row),
        "not on a socket": missing,
        "failed requests": failures,
        "worker CPU ms/complaint": worker_cpu * 1000 / max(1, len(ids)),
        **{f"{name} CPU ms/complaint": ms for name, ms in per_complaint.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=20, help="requests per second on each path")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["RATE_LIMIT_COMPLAINTS"] = "1000000"  # one bench citizen files faster than a person may
    setup_django()
    token, cookies = prepare()
    port = free_port()
    server = start(
        [str(BIN / "uvicorn"), "bench.asgi:application", "--port", str(port), "--log-level", "warning"], port
    )
    schedule = f"{tempfile.mkdtemp(prefix='bench-beat-')}/schedule"
    workers = {queue: start(command) for queue, command in worker_commands().items()}
    beat = start([str(BIN / "celery"), "-A", "config", "beat", "--loglevel", "WARNING", "--schedule", schedule])
    workers["beat"] = beat
    base = f"http://127.0.0.1:{port}"
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"}
    complaint = json.dumps(
        {
            "kind": "case_handling",
            "department": "bench",
            "subject": "Lang ventetid",
            "description": "Jeg har ventet i otte uger på svar på min ansøgning om hjælp til min søn.",
            "contact_channel": "email",
        }
    ).encode()
    runs = []
    try:
        inboxes = Inboxes(port, cookies)
        for _ in range(5):  # warm up both paths, the workers and the model
            post(base + "/bench/bare-insert/", b"", headers)
            wait_routed([json.loads(post(base + "/api/complaints/", complaint, headers)[2])["id"]])
        time.sleep(10)  # beat's first runs of the periodic jobs happen at start; let them finish
        print(f"Open loop, interleaved: each path at {args.rate:g} requests/s for {args.seconds:g} s\n", flush=True)
        for run in range(args.repeat):
            print(f"Run {run + 1} of {args.repeat}")
            runs.append(one_run(base, headers, complaint, inboxes, workers, args))
    finally:
        stop(server, *workers.values())
    summarise(runs)
    ok = all(run["failed requests"] == 0 and run["not routed"] == 0 for run in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
