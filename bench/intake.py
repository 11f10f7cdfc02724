"""Complaint intake latency, and intake -> early-contact task latency, at a fixed request rate.

Baseline in the same run, on the same server and database: a bare Django view
that inserts one row. Needs DATABASE_URL and REDIS_URL (a scratch database:
the benchmark migrates it and adds rows).

    .venv/bin/python bench/intake.py [--rate 20] [--seconds 15]
"""

import argparse
import json
import sys
import time

from common import BIN, free_port, open_loop, post, report, setup_django, start, stop


def prepare() -> str:
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from accounts.models import Department, DepartmentMembership, User
    from bench.asgi import BASELINE_TABLE

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} (id bigserial primary key, created_at timestamptz)"
        )
    department, _ = Department.objects.get_or_create(slug="bench", defaults={"name": "Benchmarkafdelingen"})
    for index in range(5):
        worker, _ = User.objects.get_or_create(
            email=f"bench-sagsbehandler{index}@example.dk", defaults={"full_name": "B"}
        )
        DepartmentMembership.objects.get_or_create(user=worker, department=department)
    citizen, _ = User.objects.get_or_create(email="bench-borger@example.dk", defaults={"full_name": "Bench Borger"})
    return Token.objects.get_or_create(user=citizen)[0].key


def task_latencies(complaint_ids: list[int]) -> list[float]:
    from complaints.models import ContactTask

    tasks = ContactTask.objects.filter(complaint_id__in=complaint_ids, kind="early_contact").select_related("complaint")
    return [(task.created_at - task.complaint.created_at).total_seconds() for task in tasks]


def wait_routed(complaint_ids: list[int], timeout: float = 120) -> None:
    from complaints.models import ContactTask

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ContactTask.objects.filter(complaint_id__in=complaint_ids).count() == len(complaint_ids):
            return
        time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=20)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    setup_django()
    token = prepare()
    port = free_port()
    server = start(
        [str(BIN / "uvicorn"), "bench.asgi:application", "--port", str(port), "--log-level", "warning"], port
    )
    worker = start([str(BIN / "celery"), "-A", "config", "worker", "--loglevel", "WARNING", "--concurrency", "2"])
    base = f"http://127.0.0.1:{port}"
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
    try:
        post(base + "/bench/bare-insert/", b"", headers)  # warm up both paths and the worker
        wait_routed([json.loads(post(base + "/api/complaints/", complaint, headers)[2])["id"]])
        print(f"Open loop at {args.rate:g} requests/s for {args.seconds:g} s each\n")
        bare = open_loop(lambda: post(base + "/bench/bare-insert/", b"", headers), rate=args.rate, seconds=args.seconds)
        intake = open_loop(
            lambda: post(base + "/api/complaints/", complaint, headers), rate=args.rate, seconds=args.seconds
        )

        ids = [json.loads(body)["id"] for _, status, body in intake if status == 201]
        wait_routed(ids)
    finally:
        stop(server, worker)
    failures = sum(status != 201 for _, status, _ in bare + intake)
    bare_p50, bare_p99 = report("baseline: bare view inserting one row", [s for s, _, _ in bare])
    intake_p50, intake_p99 = report("complaint intake (POST /api/complaints/)", [s for s, _, _ in intake])
    routed = task_latencies(ids)
    report("intake -> early-contact task created", routed)
    print(f"\nratio intake/baseline: p50 {intake_p50 / bare_p50:.2f}x  p99 {intake_p99 / bare_p99:.2f}x")
    print(f"complaints routed: {len(routed)}/{len(ids)}; failed requests: {failures}")
    return 0 if failures == 0 and len(routed) == len(ids) else 1


if __name__ == "__main__":
    sys.exit(main())
