"""Fixtures for grant pools: the valgfremme-pulje with an open round, two reviewers and a complete draft."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import DepartmentMembership
from grants import services
from grants.models import Criterion, Pool, Round
from ideas.models import Association, AssociationMembership
from tests.conftest import make_user

KR = 100  # øre per krone


@pytest.fixture
def reviewer(family):
    user = make_user("bedoemmer@example.dk", "Birthe Bedømmer")
    DepartmentMembership.objects.create(user=user, department=family)
    return user


@pytest.fixture
def second_reviewer(family):
    user = make_user("bedoemmer2@example.dk", "Bo Bedømmer")
    DepartmentMembership.objects.create(user=user, department=family)
    return user


@pytest.fixture
def pool(reviewer, second_reviewer) -> Pool:
    pool = Pool.objects.create(
        name="Puljen til valgfremme",
        slug="valgfremme",
        purpose="Projekter, der får flere til at stemme.",
        criteria="Projektet når unge, socialt udsatte eller nydanskere.",
        amount_per_round=75_000 * KR,
        max_per_application=25_000 * KR,
    )
    pool.reviewers.add(reviewer, second_reviewer)
    Criterion.objects.create(pool=pool, title="Når målgruppen", order=1)
    Criterion.objects.create(pool=pool, title="Realistisk budget", order=2)
    return pool


@pytest.fixture
def round(pool) -> Round:
    today = timezone.localdate()
    return Round.objects.create(
        pool=pool,
        title="Folketingsvalget 2027",
        election=Round.Election.GENERAL,
        election_date=today + timedelta(days=60),
        opens_on=today - timedelta(days=10),
        deadline=today + timedelta(days=30),
        amount=75_000 * KR,
    )


@pytest.fixture
def draft_fields():
    today = timezone.localdate()
    return {
        "title": "Stemmecafé for unge",
        "description": "En café på biblioteket, hvor unge kan møde kandidaterne og lære at stemme.",
        "target_groups": ["young"],
        "amount_applied": 20_000 * KR,
        "own_contribution": 2_000 * KR,
        "starts_on": today + timedelta(days=40),
        "ends_on": today + timedelta(days=59),
        "budget_lines": [
            services.BudgetLineInput(purpose="Leje af lokale", amount=5_000 * KR),
            services.BudgetLineInput(purpose="Kaffe og kage", amount=17_000 * KR),
        ],
    }


@pytest.fixture
def draft(citizen, round, draft_fields):
    return services.start_application(applicant=citizen, round=round, **draft_fields)


@pytest.fixture
def submitted(citizen, draft):
    return services.submit_application(actor=citizen, application=draft)


@pytest.fixture
def association(other_citizen) -> Association:
    association = Association.objects.create(name="Holbæk Ungdomsråd", slug="holbaek-ungdomsraad")
    AssociationMembership.objects.create(association=association, user=other_citizen)
    return association


GROUNDS = {
    "rules_applied": "Retningslinjerne for puljen til valgfremme, punkt 2 og 3.",
    "considerations": "Projektet når unge, men budgettet til forplejning er højt.",
    "facts": "Ansøgeren søger 20.000 kr., heraf 17.000 kr. til kaffe og kage.",
}
