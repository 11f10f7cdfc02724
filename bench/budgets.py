"""Participatory budgets under load: ballot submission and results computation, each against a baseline.

Run by hand against a migrated scratch database (it adds its rows under one bench budget and deletes them):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/borgerdialog_bench .venv/bin/python bench/budgets.py

Setting: a knapsack budget with PROJECTS feasible projects and BALLOTS ballots already cast (CHOICES
projects each, bulk-inserted).

1. Ballot submission: SAMPLES citizens vote one after another through `services.submit_ballot` (phase,
   eligibility and rule checks, insert-or-lock the ballot, replace its choices), p50/p99; baseline: the
   same rows (one ballot, CHOICES choices) written with bare `bulk_create` in a transaction, alternating
   with the service in the same run.
2. Results: `services.compute_results` (count online and paper votes, select the winners, store the table)
   RUNS times, each rolled back; baseline: the bare aggregate of the same choices (one GROUP BY).
"""

import os
import random
import time
from datetime import timedelta

from common import percentile, setup_django

setup_django()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Committee, User  # noqa: E402
from budgets import services  # noqa: E402
from budgets.models import Ballot, BallotChoice, Budget, Phase, Project  # noqa: E402
from ideas.models import Idea  # noqa: E402

PROJECTS = int(os.environ.get("PROJECTS", "200"))
BALLOTS = int(os.environ.get("BALLOTS", "50000"))
CHOICES = int(os.environ.get("CHOICES", "5"))
SAMPLES = int(os.environ.get("SAMPLES", "400"))
RUNS = int(os.environ.get("RUNS", "7"))
PREFIX = f"bench-{os.getpid()}"
KR = 100


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def line(label: str, timings: list[float], baseline: list[float] | None = None) -> None:
    text = f"{label:<52} p50 {ms(percentile(timings, 0.5))}  p99 {ms(percentile(timings, 0.99))}"
    if baseline:
        text += f"  ratio p50 {percentile(timings, 0.5) / percentile(baseline, 0.5):5.1f}×"
    print(text, flush=True)


def set_up() -> tuple[Budget, list[Project], list[User], User]:
    committee = Committee.objects.create(name=PREFIX, slug=PREFIX)
    staff = User.objects.create_user(f"{PREFIX}-staff@example.dk", None, full_name="Bench staff", is_staff=True)
    today = timezone.localdate()
    budget = services.create_budget(
        actor=staff,
        committee=committee,
        title=PREFIX,
        slug=PREFIX,
        description="Bench",
        total=PROJECTS * 100_000 * KR,
        voting_rule=Budget.VotingRule.KNAPSACK,
        collect_from=today,
        collect_until=today + timedelta(days=1),
        vote_from=today + timedelta(days=2),
        vote_until=today + timedelta(days=3),
    )
    author = User.objects.create_user(f"{PREFIX}-author@example.dk", None, full_name="Bench author")
    ideas = Idea.objects.bulk_create(
        Idea(board=budget.board, author=author, title=f"Projekt {i}", body="Et projekt til bench.")
        for i in range(PROJECTS)
    )
    projects = Project.objects.bulk_create(
        Project(
            budget=budget,
            idea=idea,
            estimated_cost=10_000 * KR,
            municipal_cost=random.randint(10, 400) * 1_000 * KR,
            feasibility=Project.Feasibility.FEASIBLE,
            feasibility_reason="",
        )
        for idea in ideas
    )
    Budget.objects.filter(id=budget.id).update(
        advanced_to=Phase.VOTING, review_published_at=timezone.now(), vote_until=today + timedelta(days=30)
    )
    budget.refresh_from_db()
    voters = User.objects.bulk_create(
        User(email=f"{PREFIX}-{i}@example.dk", full_name=f"Bench {i}", password="!")
        for i in range(BALLOTS + 2 * SAMPLES)
    )
    cast, fresh = voters[:BALLOTS], voters[BALLOTS:]
    started = time.perf_counter()
    for start in range(0, BALLOTS, 5000):
        ballots = Ballot.objects.bulk_create(Ballot(budget=budget, voter=voter) for voter in cast[start : start + 5000])
        BallotChoice.objects.bulk_create(
            BallotChoice(ballot=ballot, project=project)
            for ballot in ballots
            for project in random.sample(projects, CHOICES)
        )
    print(
        f"setting: {PROJECTS} projects, {BALLOTS} ballots × {CHOICES} choices inserted in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return budget, projects, fresh, staff


def cheap_choice(projects: list[Project]) -> list[int]:
    return [p.id for p in random.sample(projects, CHOICES)]


def bench_ballots(budget: Budget, projects: list[Project], fresh: list[User]) -> None:
    service, bare = [], []
    for voter_for_service, voter_for_bare in zip(fresh[:SAMPLES], fresh[SAMPLES:], strict=True):
        ids = cheap_choice(projects)
        started = time.perf_counter()
        services.submit_ballot(voter=voter_for_service, budget=budget, project_ids=ids)
        service.append(time.perf_counter() - started)
        ids = cheap_choice(projects)
        started = time.perf_counter()
        with transaction.atomic():
            [ballot] = Ballot.objects.bulk_create([Ballot(budget=budget, voter=voter_for_bare)])
            BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project_id=i) for i in ids)
        bare.append(time.perf_counter() - started)
    line("baseline: bare insert of a ballot and its choices", bare)
    line("services.submit_ballot (checks, lock, replace)", service, bare)
    changed = []
    for voter in fresh[:SAMPLES]:
        ids = cheap_choice(projects)
        started = time.perf_counter()
        services.submit_ballot(voter=voter, budget=budget, project_ids=ids)
        changed.append(time.perf_counter() - started)
    line("services.submit_ballot, changing a cast ballot", changed, bare)


def bench_results(budget: Budget, staff: User) -> None:
    Budget.objects.filter(id=budget.id).update(advanced_to=Phase.RESULTS)
    budget.refresh_from_db()
    bare, service = [], []
    for _run in range(RUNS):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.project_id, COUNT(*) FROM budgets_ballotchoice c JOIN budgets_ballot b ON b.id = c.ballot_id"
                " WHERE b.budget_id = %s GROUP BY c.project_id",
                [budget.id],
            )
            cursor.fetchall()
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        with transaction.atomic():
            services.compute_results(actor=staff, budget=budget)
            transaction.set_rollback(True)
        service.append(time.perf_counter() - started)
    count = BallotChoice.objects.filter(ballot__budget=budget).count()
    print(f"results over {count} choices of {budget.ballots.count()} ballots", flush=True)
    line("baseline: bare aggregate (GROUP BY project)", bare)
    line("services.compute_results (count, select, store)", service, bare)


def tear_down() -> None:
    budget = Budget.objects.filter(slug=PREFIX).first()
    if budget is not None:
        BallotChoice.objects.filter(ballot__budget=budget).delete()
        Ballot.objects.filter(budget=budget).delete()
        budget.results.all().delete()
        projects = list(budget.projects.values_list("idea_id", flat=True))
        budget.projects.all().delete()
        board = budget.board
        budget.delete()
        Idea.objects.filter(id__in=projects).delete()
        board.delete()
    User.objects.filter(email__startswith=f"{PREFIX}-").delete()
    Committee.objects.filter(slug=PREFIX).delete()


def main() -> None:
    random.seed(13)
    try:
        budget, projects, fresh, staff = set_up()
        bench_ballots(budget, projects, fresh)
        bench_results(budget, staff)
    finally:
        tear_down()


if __name__ == "__main__":
    main()
