"""Server time of every GET page of the demo and of the writes people click, at the demo's data size.

Pages: each demo role (anonymous, citizens, caseworker, lead, secretary, citizen service, council chair,
administrator) crawls the demo from the home page, following the links of each HTML page (at most
--per-family addresses for each URL name, at most --pages addresses per role). Each address is then asked
--runs times through Django's handler with the full middleware (no network), timed, and once more with its
queries counted. Baseline, interleaved with every request: an address no view answers (a 404 through the same
middleware and session). Goal: every page ≤ 200 ms.

Writes: the writes the issue names (closing a complaint, publishing minutes, placing a proposal, supporting an
idea, reassigning a task) through their services as the page's POST calls them, on the demo's rows, each
followed by the work its transaction hands to commit (the hooks run, as a request runs them before it
answers), then rolled back so the next run finds the same rows. Goal: each ≤ 300 ms. Baseline: a bare
UPDATE of the same row.

Needs DATABASE_URL (a scratch database: it migrates and loads the demo) and REDIS_URL (a broker database no
worker reads).

    DEMO=1 .venv/bin/python bench/pages.py [--runs 5] [--repeat 3] [--only pages|writes]
"""

import argparse
import statistics
import time

from common import percentile, setup_django

ROLES = [
    None,
    "borger@example.dk",
    "borger2@example.dk",
    "paaroerende@example.dk",
    "sagsbehandler@example.dk",
    "leder@example.dk",
    "sekretaer@example.dk",
    "borgerservice@example.dk",
    "aeldreraad@example.dk",
    "admin@example.dk",
]
BASELINE_URL = "/bench-ingen-side-her/"
PAGE_GOAL_MS, WRITE_GOAL_MS = 200, 300


def client_for(email):
    from django.test import Client

    from accounts.models import User

    client = Client(raise_request_exception=False, HTTP_HOST="localhost")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def time_pages(args) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.crawl import crawl

    rows, baseline = [], []
    for email in ROLES:
        client = client_for(email)
        for url, name in crawl(client, pages=args.pages, per_family=args.per_family).items():
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                client.get(BASELINE_URL)
                baseline.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            rows.append((statistics.median(times), len(queries), email or "anonym", name, url))
    rows.sort(reverse=True)
    base = statistics.median(baseline)
    print(f"baseline (404 through the middleware): p50 {base:.1f} ms, n={len(baseline)}")
    medians = [row[0] for row in rows]
    print(
        f"{len(rows)} pages in {len({row[3] for row in rows})} families: p50 {statistics.median(medians):.1f} ms, "
        f"p99 {percentile(medians, 0.99):.1f} ms, max {medians[0]:.1f} ms; "
        f"over {PAGE_GOAL_MS} ms: {sum(m > PAGE_GOAL_MS for m in medians)}"
    )
    print("slowest (median of runs, queries, role, URL name, address):")
    for median, queries, role, name, url in rows[: args.show]:
        print(f"  {median:7.1f} ms  {median / base:5.1f}x  {queries:3d} q  {role:26s} {name:40s} {url}")


class Rollback(Exception):
    pass


def timed_write(action) -> float:
    """Milliseconds of `action()` and of the after-commit hooks it queued; everything rolled back."""
    from django.db import connection, transaction

    try:
        with transaction.atomic():
            started = time.perf_counter()
            with transaction.atomic():
                action()
            hooks = [hook for _sids, hook, _robust in connection.run_on_commit]
            connection.run_on_commit.clear()
            for hook in hooks:
                hook()
            elapsed = (time.perf_counter() - started) * 1000
            raise Rollback
    except Rollback:
        return elapsed


def writes() -> list[tuple[str, object, object]]:
    """(name, action, baseline action) on the demo's rows."""
    from django.core.exceptions import ValidationError
    from django.db.models import Exists, OuterRef

    from accounts.models import DepartmentMembership, User
    from committees import services as committees
    from committees.models import AgendaItem, Meeting
    from committees.permissions import can_manage_meeting
    from committees.selectors import proposal_queue
    from complaints import services as complaints
    from complaints.models import Complaint, ContactTask
    from ideas import services as ideas
    from ideas.models import Idea, Support

    def user(email):
        return User.objects.get(email=email)

    caseworker, lead, secretary, citizen = (
        user(e) for e in ("sagsbehandler@example.dk", "leder@example.dk", "sekretaer@example.dk", "borger2@example.dk")
    )
    found = []
    complaint = (
        Complaint.objects.exclude(status=Complaint.Status.CLOSED)
        .filter(department__memberships__user=caseworker)
        .order_by("id")
        .first()
    )
    found.append(
        (
            "close a complaint",
            lambda: complaints.close_complaint(
                actor=caseworker, complaint=complaint, outcome=Complaint.Outcome.values[0], note="Tak for snakken."
            ),
            lambda: Complaint.objects.filter(id=complaint.id).update(outcome_note="x"),
        )
    )
    task = ContactTask.objects.filter(status=ContactTask.Status.OPEN, department__memberships__user=lead).first()
    other = (
        DepartmentMembership.objects.filter(department_id=task.department_id).exclude(user=task.assignee).first().user
    )
    found.append(
        (
            "reassign a task",
            lambda: complaints.reassign_task(actor=lead, task=task, assignee=other),
            lambda: ContactTask.objects.filter(id=task.id).update(assignee=other),
        )
    )
    candidates = (
        Idea.objects.filter(~Exists(Support.objects.filter(idea=OuterRef("pk"), user=citizen)))
        .exclude(author=citizen)
        .order_by("-id")[:50]
    )
    for idea in candidates:  # one on a board still open for support
        try:
            timed_write(lambda idea=idea: ideas.support_idea(user=citizen, idea=idea))
        except ValidationError:
            continue
        found.append(
            (
                "support an idea",
                lambda idea=idea: ideas.support_idea(user=citizen, idea=idea),
                lambda idea=idea: Idea.objects.filter(id=idea.id).update(title=idea.title),
            )
        )
        break
    for meeting in Meeting.objects.filter(status=Meeting.Status.PLANNED).order_by("-start"):
        if can_manage_meeting(secretary, meeting):
            queued = next(iter(proposal_queue(committee=meeting.committee)), None)
            if queued is not None:
                found.append(
                    (
                        "place a proposal",
                        lambda m=meeting, p=queued: committees.place_proposal(
                            actor=secretary, meeting=m, kind=p.kind, object_id=p.object_id
                        ),
                        lambda m=meeting: Meeting.objects.filter(id=m.id).update(status=m.status),
                    )
                )
                break
    meeting = (
        Meeting.objects.filter(status=Meeting.Status.MINUTES_PUBLISHED, items__isnull=False).order_by("-start").first()
    )

    def publish_minutes():
        # The meeting as it was the moment before its minutes went out (rolled back with the rest).
        Meeting.objects.filter(id=meeting.id).update(status=Meeting.Status.HELD)
        AgendaItem.objects.filter(meeting=meeting, decision="").update(decision="Taget til efterretning.")
        committees.publish_minutes(actor=secretary, meeting=Meeting.objects.get(id=meeting.id))

    found.append(
        (
            "publish minutes",
            publish_minutes,
            lambda: Meeting.objects.filter(id=meeting.id).update(status=meeting.status),
        )
    )
    return found


def time_writes(args) -> None:
    for name, action, baseline in writes():
        spans, bases = [], []
        for _ in range(args.runs):
            spans.append(timed_write(action))
            bases.append(timed_write(baseline))
        median, base = statistics.median(spans), statistics.median(bases)
        verdict = "ok" if median <= WRITE_GOAL_MS else "OVER"
        print(
            f"  {name:20s} p50 {median:7.1f} ms (min {min(spans):.1f}, max {max(spans):.1f})  "
            f"baseline {base:5.1f} ms  ratio {median / base:6.1f}x  goal {WRITE_GOAL_MS} ms: {verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="timed requests per address or write")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=120, help="addresses per role")
    parser.add_argument("--per-family", type=int, default=2, help="addresses per URL name and role")
    parser.add_argument("--show", type=int, default=15)
    parser.add_argument("--only", choices=["pages", "writes"])
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    for run in range(1, args.repeat + 1):
        print(f"--- run {run} of {args.repeat}")
        if args.only != "writes":
            time_pages(args)
        if args.only != "pages":
            print("writes (service + its after-commit hooks, rolled back):")
            time_writes(args)


if __name__ == "__main__":
    main()
