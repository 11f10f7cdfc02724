"""Themed complaints and ideas at chosen times, a committee that follows themes, and people around it."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.models import Committee, CommitteeMembership, User
from complaints.models import Complaint
from demo.municipality import given_timestamps
from escalations.models import EscalationSettings
from ideas.models import Board, Idea
from tests.conftest import make_user
from themes.models import Theme

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=CPH)


def join(user: User, committee: Committee, role: str) -> User:
    CommitteeMembership.objects.create(user=user, committee=committee, role=role)
    return user


@pytest.fixture
def road(db) -> Theme:
    return Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")


@pytest.fixture
def waste(db) -> Theme:
    return Theme.objects.create(name="Affald og genbrug", slug="affald")


@pytest.fixture
def follows(committee, road, waste) -> EscalationSettings:
    """The committee follows roads and waste: 5 new complaints and ideas in 30 days, or twice the 30 days before."""
    settings = EscalationSettings.objects.create(committee=committee, threshold=5, window_days=30, rise_factor=2.0)
    settings.themes.set([road, waste])
    return settings


@pytest.fixture
def member(committee) -> User:
    return join(make_user("medlem@example.dk", "Peter Friis"), committee, "member")


@pytest.fixture
def other_committee(db) -> Committee:
    return Committee.objects.create(name="Økonomiudvalget", slug="okonomiudvalget", short_name="Økonomiudvalget")


@pytest.fixture
def other_secretary(other_committee) -> User:
    return join(make_user("sekretaer2@example.dk", "Ole Bach"), other_committee, "secretary")


@pytest.fixture
def board(committee) -> Board:
    return Board.objects.create(
        title="Idéer til byen", slug="ideer-til-byen", committee=committee, opens_on=date(2020, 1, 1),
        closes_on=date(2030, 12, 31), support_threshold=10,
    )  # fmt: skip


@pytest.fixture
def themed(family, citizen, board):
    """themed(theme, at, kind="complaint"|"idea", **fields): a complaint or idea whose theme staff confirmed."""

    def make(theme: Theme, at: datetime, kind: str = "complaint", *, person: User | None = None, **fields):
        person = person or citizen
        if kind == "idea":
            values = {"board": board, "author": person, "title": "Cykelsti til skolen",
                      "body": "Mange børn cykler til skole, og en cykelsti vil gøre vejen sikker."}  # fmt: skip
            with given_timestamps(Idea):
                item = Idea.objects.create(**(values | fields), created_at=at, updated_at=at)
        else:
            values = {"citizen": person, "department": family, "kind": "other", "subject": "Huller i vejen",
                      "description": "Der er store huller i asfalten, og bilerne kører for stærkt.",
                      "contact_channel": "email", "status": "in_dialogue"}  # fmt: skip
            with given_timestamps(Complaint):
                item = Complaint.objects.create(**(values | fields), created_at=at, updated_at=at)
        item.themes.add(theme)
        return item

    return make


def days_before(days: float) -> datetime:
    return NOW - timedelta(days=days)
