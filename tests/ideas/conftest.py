"""Fixtures for the idea boards: a collecting board of the committee, an idea, and people in every role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from ideas import services
from ideas.models import Association, AssociationMembership, Board


@pytest.fixture
def board(committee) -> Board:
    today = timezone.localdate()
    return Board.objects.create(
        title="Valgfremme – flere skal stemme",
        slug="valgfremme",
        committee=committee,
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=30),
        support_threshold=3,
    )


@pytest.fixture
def idea(board, citizen):
    return services.create_idea(
        author=citizen,
        board=board,
        title="Gratis bus til valgstederne",
        body="Lad busserne køre gratis på valgdagen, så flere kan komme til at stemme.",
    )


@pytest.fixture
def employee(moderator):
    """A member of staff with the moderation role, not in the board's committee."""
    return moderator


@pytest.fixture
def association(other_citizen) -> Association:
    association = Association.objects.create(name="Holbæk Ungdomsråd", slug="holbaek-ungdomsraad")
    AssociationMembership.objects.create(association=association, user=other_citizen)
    return association


@pytest.fixture
def citizens(db):
    """A factory of distinct citizens: citizens(5) makes five (no password: hashing is slow and not the point)."""
    made = []

    def make(n: int):
        start = len(made)
        made.extend(
            User.objects.create_user(f"borger-{start + i}@example.dk", None, full_name=f"Borger {start + i}")
            for i in range(n)
        )
        return made[start:]

    return make
