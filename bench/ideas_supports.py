"""Idea boards under load: what counting supports and locking the idea cost, each against a baseline.

Run by hand against a migrated scratch database (it creates and then deletes its own rows):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/borgerdialog_bench .venv/bin/python bench/ideas_supports.py

1. Board page query: the first page of a board of IDEAS ideas with SUPPORTERS supports each, most
   supported first (support counts counted in the query), against the baseline of the same page
   newest first without any counts.
2. Supports: THREADS people supporting one idea at once (each support locks the idea's row, so they
   queue), against the baseline of the same number of people each supporting a different idea.
"""

import os
import threading
import time
from datetime import timedelta

from common import setup_django

setup_django()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Committee, User  # noqa: E402
from ideas import services  # noqa: E402
from ideas.models import Board, Idea, Support  # noqa: E402
from ideas.selectors import ORDER_MOST_SUPPORTED, search_ideas  # noqa: E402

IDEAS = int(os.environ.get("IDEAS", "2000"))
SUPPORTERS = int(os.environ.get("SUPPORTERS", "25"))
THREADS = int(os.environ.get("THREADS", "16"))
ROUNDS = 20
PREFIX = f"bench-{os.getpid()}"


def best_of(rounds: int, action) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def at_once(actions) -> float:
    barrier = threading.Barrier(len(actions) + 1)

    def worker(action):
        barrier.wait()
        action()
        connection.close()

    threads = [threading.Thread(target=worker, args=(a,)) for a in actions]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def main() -> None:
    committee = Committee.objects.create(name=PREFIX, slug=PREFIX)
    today = timezone.localdate()
    board = Board.objects.create(
        title=PREFIX,
        slug=PREFIX,
        committee=committee,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        support_threshold=10**6,
    )
    try:
        people = User.objects.bulk_create(
            User(email=f"{PREFIX}-{i}@example.dk", full_name=f"Bench {i}") for i in range(max(SUPPORTERS, THREADS))
        )
        ideas = Idea.objects.bulk_create(
            Idea(board=board, author=people[0], title=f"Idé {i}", body="Tekst") for i in range(IDEAS)
        )
        Support.objects.bulk_create(
            Support(idea=idea, user=person) for idea in ideas for person in people[: SUPPORTERS - (idea.id % 5)]
        )
        anonymous = AnonymousUser()

        counted = best_of(
            ROUNDS, lambda: list(search_ideas(user=anonymous, board=board, order=ORDER_MOST_SUPPORTED)[:20])
        )
        baseline = best_of(ROUNDS, lambda: list(Idea.objects.filter(board=board).order_by("-created_at", "-id")[:20]))
        print(
            f"board page, {IDEAS} ideas x ~{SUPPORTERS} supports: counted {counted * 1000:.1f} ms, "
            f"baseline {baseline * 1000:.1f} ms, ratio {counted / baseline:.1f}"
        )

        fresh = Idea.objects.bulk_create(
            Idea(board=board, author=people[0], title=f"Ny {i}", body="Tekst") for i in range(THREADS + 1)
        )
        one = at_once([lambda p=p: services.support_idea(user=p, idea=fresh[0]) for p in people[:THREADS]])
        spread = at_once(
            [lambda p=p, i=i: services.support_idea(user=p, idea=fresh[i + 1]) for i, p in enumerate(people[:THREADS])]
        )
        print(
            f"{THREADS} supports at once: one idea {one * 1000:.1f} ms, {THREADS} ideas (baseline) "
            f"{spread * 1000:.1f} ms, ratio {one / spread:.1f}"
        )
        assert Support.objects.filter(idea=fresh[0]).count() == THREADS
    finally:
        Support.objects.filter(idea__board=board).delete()
        Idea.objects.filter(board=board).delete()
        board.delete()
        committee.delete()
        User.objects.filter(email__startswith=PREFIX).delete()


if __name__ == "__main__":
    main()
