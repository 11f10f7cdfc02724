"""Fixtures for events: an organising department's staff, and events built through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.models import Event
from tests.conftest import make_user


@pytest.fixture
def organiser(caseworker):
    """A member of Familiecentret, the organising department of the events below."""
    return caseworker


@pytest.fixture
def administrator(db):
    return make_user("admin@example.dk", "Administrator", is_staff=True)


@pytest.fixture
def citizens(db):
    def make(n: int, start: int = 0):
        return [make_user(f"deltager{i}@example.dk", f"Deltager {i}") for i in range(start, start + n)]

    return make


@pytest.fixture
def make_event(organiser, family):
    """An event of Familiecentret through the service; keyword arguments override the defaults."""

    def make(**overrides) -> Event:
        now = timezone.now()
        fields = {
            "title": "Borgermøde om den nye dialogmodel",
            "kind": Event.Kind.CITIZENS_MEETING,
            "starts_at": now + timedelta(days=10),
            "ends_at": now + timedelta(days=10, hours=2),
            "address": "Holbæk Bibliotek, Klostergade 14, 4300 Holbæk",
            "description": "Kom og hør om **dialogmodellen**.",
            "capacity": 2,
            "registration_opens_at": now - timedelta(days=1),
            "registration_closes_at": now + timedelta(days=9),
            "is_published": True,
            **overrides,
        }
        return services.create_event(actor=organiser, department=family, **fields)

    return make


@pytest.fixture
def event(make_event):
    return make_event()


def shift(event: Event, *, days: float) -> Event:
    """Move an event and its registration window in time (past events cannot be made through the service)."""
    delta = timedelta(days=days)
    Event.objects.filter(id=event.id).update(
        starts_at=event.starts_at + delta,
        ends_at=event.ends_at + delta,
        registration_opens_at=event.registration_opens_at + delta if event.registration_opens_at else None,
        registration_closes_at=event.registration_closes_at + delta if event.registration_closes_at else None,
    )
    event.refresh_from_db()
    return event
