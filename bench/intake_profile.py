"""Where a complaint intake's server CPU goes: POST /api/complaints/ through Django's handler in this process.

The bare insert view of bench/asgi.py (same middleware, session-less token auth, one INSERT) is the baseline,
its requests alternating with the intake's. Prints, per request: CPU of this process (every thread: the
commit hooks' broker publishes included), database statements, and the ratio; then the functions with the
most CPU of the intake (cProfile on the process's CPU clock, cumulative; its own overhead inflates the
times, so read them as shares) when `--profile` is given. No network, no server: what is left
is the product's own work per request. Needs DATABASE_URL and REDIS_URL naming scratch servers.

    .venv/bin/python bench/intake_profile.py [--requests 200] [--profile]
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
import time

from common import setup_django

BODY = {
    "kind": "case_handling",
    "department": "bench",
    "subject": "Lang ventetid",
    "description": "Jeg har ventet i otte uger på svar på min ansøgning om hjælp til min søn.",
    "contact_channel": "email",
}


def prepare() -> str:
    from django.core.management import call_command
    from django.db import connection

    from accounts.models import Department, User
    from accounts.services import issue_api_token, revoke_all_api_tokens
    from bench.asgi import BASELINE_TABLE

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {BASELINE_TABLE} (id bigserial primary key, created_at timestamptz)"
        )
    Department.objects.get_or_create(slug="bench", defaults={"name": "Benchmarkafdelingen"})
    citizen, _ = User.objects.get_or_create(email="bench-borger@example.dk", defaults={"full_name": "Bench Borger"})
    revoke_all_api_tokens(user=citizen)  # the last runs' tokens: a user has at most API_TOKENS_PER_USER
    return issue_api_token(user=citizen, device="bench-profile")[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    os.environ["RATE_LIMIT_COMPLAINTS"] = "1000000"  # one bench citizen files faster than a person may
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import bench.asgi  # noqa: F401 - the bare insert route

    token = prepare()
    client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Token {token}")
    body = json.dumps(BODY)
    paths = {
        "bare": lambda: client.post("/bench/bare-insert/", b"", content_type="application/json"),
        "intake": lambda: client.post("/api/complaints/", body, content_type="application/json"),
    }
    for send in paths.values():  # warm up: imports, the pool, the broker connection
        for _ in range(5):
            assert send().status_code == 201
    cpu = {name: 0.0 for name in paths}
    statements = {}
    profile = cProfile.Profile(time.process_time)  # CPU, as the figures above it (its default clock is wall time)
    for _ in range(args.requests):
        for name, send in paths.items():
            with CaptureQueriesContext(connection) as queries:
                started = time.process_time()
                if name == "intake" and args.profile:
                    profile.enable()
                response = send()
                profile.disable()
                cpu[name] += time.process_time() - started
            assert response.status_code == 201, response.content
            statements[name] = len(queries)
    per = {name: cpu[name] * 1000 / args.requests for name in paths}
    print(f"{args.requests} requests per path, alternating, through Django's handler in one process")
    for name in paths:
        print(f"  {name:7} CPU {per[name]:6.2f} ms per request, {statements[name]} statements")
    print(f"  ratio intake/bare: {per['intake'] / per['bare']:.1f}x")
    if args.profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
    return 0


if __name__ == "__main__":
    sys.exit(main())
