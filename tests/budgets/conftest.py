"""Fixtures for participatory budgets: a budget that collects, its projects, and the same budget in its vote."""

from datetime import timedelta

import pytest
from django.utils import timezone

from budgets import services
from budgets.models import Budget, Project

KR = 100


@pytest.fixture
def staff(caseworker):
    """A municipal employee (staff review projects and run the budget)."""
    return caseworker


@pytest.fixture
def make_budget(committee, staff):
    def make(**overrides) -> Budget:
        today = timezone.localdate()
        fields = {
            "actor": staff,
            "committee": committee,
            "title": "Borgerbudget Holbæk By 2027",
            "slug": "holbaek-by-2027",
            "description": "Hvad skal 500.000 kr. bruges til i Holbæk By?",
            "total": 500_000 * KR,
            "voting_rule": Budget.VotingRule.KNAPSACK,
            "area": "Holbæk By",
            "eligible_postcodes": ["4300"],
            "collect_from": today - timedelta(days=5),
            "collect_until": today + timedelta(days=5),
            "vote_from": today + timedelta(days=10),
            "vote_until": today + timedelta(days=20),
            **overrides,
        }
        return services.create_budget(**fields)

    return make


@pytest.fixture
def budget(make_budget) -> Budget:
    return make_budget()


@pytest.fixture
def propose(budget, citizen):
    def make(title: str, estimate_kr: int, *, author=None, on=None) -> Project:
        return services.propose_project(
            author=author or citizen,
            budget=on or budget,
            title=title,
            description=f"{title}: et projekt, der gør Holbæk By bedre for alle.",
            estimated_cost=estimate_kr * KR,
        )

    return make


def to_vote(budget: Budget, staff, reviews: dict) -> Budget:
    """Review every project (project → municipal cost in kr., or None for unfeasible), publish, open the vote."""
    for project, cost in reviews.items():
        if cost is None:
            services.review_project(
                actor=staff, project=project, feasibility="unfeasible", reason="Ligger på privat grund."
            )
        else:
            services.review_project(actor=staff, project=project, feasibility="feasible", municipal_cost=cost * KR)
    services.close_phase(actor=staff, budget=budget)  # collecting → review
    services.publish_review(actor=staff, budget=budget)
    return services.close_phase(actor=staff, budget=budget)  # review → voting


@pytest.fixture
def voting(budget, propose, staff):
    """The budget in its vote: four feasible projects and one that is not."""
    projects = {
        "legeplads": propose("Ny legeplads i Ahorns Allé", 250_000),
        "bænke": propose("Bænke langs havnen", 60_000),
        "lys": propose("Lys på stien til stationen", 200_000),
        "cykler": propose("Cykelparkering ved biblioteket", 120_000),
        "bro": propose("Gangbro over fjorden", 450_000),
    }
    to_vote(
        budget,
        staff,
        {
            projects["legeplads"]: 300_000,
            projects["bænke"]: 50_000,
            projects["lys"]: 220_000,
            projects["cykler"]: 100_000,
            projects["bro"]: None,
        },
    )
    budget.refresh_from_db()
    return budget, projects


@pytest.fixture
def resident(citizen):
    citizen.postcode = "4300"
    citizen.save()
    return citizen


@pytest.fixture
def residents(db):
    from accounts.models import User

    made = []

    def make(n: int):
        start = len(made)
        made.extend(
            User.objects.create_user(
                f"beboer-{start + i}@example.dk", None, full_name=f"Beboer {start + i}", postcode="4300"
            )
            for i in range(n)
        )
        return made[start:]

    return make


@pytest.fixture
def make_user_admin(db):
    from tests.conftest import make_user

    return make_user("admin@example.dk", "Administrator", is_staff=True, is_superuser=True)
