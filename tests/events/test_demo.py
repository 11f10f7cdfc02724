"""The demo events: the Folkemøde 2015 debates of punkt 121 (past, planned, one reported on) and an upcoming
borgermøde with one seat left; a new user takes the last seat and the next goes on the waiting list."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from events.models import Event, Participant, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_municipality, settings):
    settings.DEMO = True


def test_the_folkemode_debates_with_their_partners_planning_and_report(demo, client):
    partners = set(Event.objects.filter(kind="folkemode").values_list("contributors__name", flat=True))
    assert {"Mandag Morgen", "Landdistrikternes Fællesråd"} <= partners
    assert Event.objects.filter(starts_at__year=2015).count() == 4
    welfare = Event.objects.get(title__startswith="Fællesskabets velfærd")
    assert welfare.participants.filter(role=Participant.Role.COUNCILLOR, user__email="formand@example.dk").exists()
    page = client.get(reverse("events:detail", args=[welfare.id])).content.decode()
    assert "Mandag Morgen" in page and "Referat" in page and "Anne Lykke" in page
    assert "Paneldeltager" not in page  # the planning stays internal
    past = client.get(reverse("events:list") + "?tid=past&type=folkemode").content.decode()
    assert "Levende lokalområder i en presset økonomi" in past


def test_the_borgermode_fills_up_and_then_takes_a_waiting_list(demo, client):
    event = Event.objects.get(title="Borgermøde: Forslag til ny dialogmodel")
    assert event.registration_is_open() and event.capacity == 4
    assert event.registrations.filter(status="confirmed").count() == 3
    client.force_login(User.objects.get(email="borger@example.dk"))
    client.post(reverse("events:register", args=[event.id]))
    client.force_login(User.objects.get(email="borger2@example.dk"))
    client.post(reverse("events:register", args=[event.id]))
    statuses = dict(event.registrations.values_list("user__email", "status"))
    assert statuses["borger@example.dk"] == "confirmed" and statuses["borger2@example.dk"] == "waiting"
    ics = client.get(f"/events/{event.id}.ics")
    assert ics.status_code == 200 and b"Borgerm" in ics.content


def test_the_dialogue_meeting_reports_the_answers_given_there(demo, client):
    event = Event.objects.get(title="Dialogmøde: Retningslinjer for inddragelse af Ældrerådet")
    assert event.hearing.title == "Retningslinjer for inddragelse af Ældrerådet" and event.reported_at
    page = client.get(reverse("events:detail", args=[event.id])).content.decode()
    assert "Høringssvar fra arrangementet" in page
    assert "Ældrerådet holder møde én gang om måneden" in page and "Husk også de pårørende." in page


def test_seeding_again_changes_nothing(demo):
    counts = (Event.objects.count(), Registration.objects.count(), Participant.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Event.objects.count(), Registration.objects.count(), Participant.objects.count()) == counts
    manager = User.objects.get(email="faellesskaberne@example.dk")
    assert manager.department_memberships.get().department.name == "Fælles-skaberne"
