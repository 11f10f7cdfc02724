"""Bad input gets a clear Danish error and changes nothing: registering twice or outside the window, dates in
the wrong order, fewer seats than people registered — through the services, the pages and the API."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, Registration
from notifications.models import Email
from tests.events.conftest import shift

pytestmark = pytest.mark.django_db


def error_of(action) -> dict:
    with pytest.raises(ValidationError) as raised:
        action()
    return raised.value.message_dict


def test_registering_twice_is_refused_and_stores_nothing(event, citizen):
    services.register(user=citizen, event=event)
    errors = error_of(lambda: services.register(user=citizen, event=event))
    assert errors == {"registration": ["Du er allerede tilmeldt dette arrangement."]}
    assert Registration.objects.filter(user=citizen).count() == 1
    assert Email.objects.filter(recipient=citizen).count() == 1


def test_registering_twice_for_the_waiting_list_says_so(make_event, citizen, other_citizen):
    event = make_event(capacity=1)
    services.register(user=other_citizen, event=event)
    services.register(user=citizen, event=event)
    errors = error_of(lambda: services.register(user=citizen, event=event))
    assert errors == {"registration": ["Du står allerede på ventelisten til dette arrangement."]}


def test_registering_after_registration_closed_is_refused(event, citizen):
    shift(event, days=-9.5)  # closed half a day ago; the event is tomorrow
    errors = error_of(lambda: services.register(user=citizen, event=event))
    assert errors["registration"][0].startswith("Tilmeldingen lukkede ")
    assert not Registration.objects.exists()


def test_registering_before_registration_opens_is_refused(make_event, citizen):
    now = timezone.now()
    event = make_event(registration_opens_at=now + timedelta(days=1))
    errors = error_of(lambda: services.register(user=citizen, event=event))
    assert errors["registration"][0].startswith("Tilmeldingen åbner ")


def test_an_event_without_registration_takes_none(make_event, citizen):
    event = make_event(capacity=None, registration_opens_at=None, registration_closes_at=None)
    errors = error_of(lambda: services.register(user=citizen, event=event))
    assert errors == {"registration": ["Der er ingen tilmelding til dette arrangement. Mød bare op."]}


def test_cancelling_without_a_registration_is_refused(event, citizen):
    errors = error_of(lambda: services.cancel_registration(user=citizen, event=event))
    assert errors == {"registration": ["Du er ikke tilmeldt dette arrangement."]}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"ends_at": "start"}, "ends_at", "Arrangementet skal slutte, efter det begynder."),
        ({"ends_at": "start-1h"}, "ends_at", "Arrangementet skal slutte, efter det begynder."),
        (
            {"registration_closes_at": "start+1h"},
            "registration_closes_at",
            "Tilmeldingen skal lukke, senest når arrangementet begynder.",
        ),
        ({"registration_closes_at": "opens"}, "registration_closes_at", "Tilmeldingen skal lukke, efter den åbner."),
        (
            {"registration_closes_at": None},
            "registration_closes_at",
            "Skriv både, hvornår tilmeldingen åbner, og hvornår den lukker – eller ingen af dem.",
        ),
        (
            {"address": "", "online_url": ""},
            "address",
            "Skriv en adresse eller et link til at deltage online (eller begge).",
        ),
        ({"online_url": "teams møde"}, "online_url", "Skriv et gyldigt link, der begynder med https://."),
        (
            {"capacity": 0},
            "capacity",
            "Antallet af pladser skal være mindst 1 (eller tomt, hvis der er plads til alle).",
        ),
        ({"title": "  "}, "title", "Skriv arrangementets titel."),
        ({"kind": "koncert"}, "kind", "Vælg, hvilken type arrangement det er."),
    ],
)
def test_wrong_event_fields_are_refused_on_create_and_update(make_event, organiser, family, changes, field, message):
    event = make_event()
    before = Event.objects.values().get(id=event.id)
    moments = {
        "start": event.starts_at,
        "start-1h": event.starts_at - timedelta(hours=1),
        "start+1h": event.starts_at + timedelta(hours=1),
        "opens": event.registration_opens_at,
    }
    values = {key: moments.get(value, value) if isinstance(value, str) else value for key, value in changes.items()}

    assert message in error_of(lambda: services.update_event(actor=organiser, event=event, **values))[field]
    assert Event.objects.values().get(id=event.id) == before
    with pytest.raises(ValidationError):
        make_event(**{"title": "Et andet", **values})
    assert Event.objects.count() == 1


def test_fewer_seats_than_registered_are_refused(event, organiser, citizens):
    for person in citizens(2):
        services.register(user=person, event=event)
    errors = error_of(lambda: services.update_event(actor=organiser, event=event, capacity=1))
    assert errors == {"capacity": ["Der er allerede 2 tilmeldte, så der skal være mindst 2 pladser."]}
    event.refresh_from_db()
    assert event.capacity == 2


def test_the_database_refuses_dates_in_the_wrong_order_even_without_the_service(event):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(id=event.id).update(ends_at=event.starts_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(id=event.id).update(registration_closes_at=event.ends_at)


def test_the_database_refuses_a_second_running_registration(event, citizen):
    from django.db import IntegrityError, transaction

    services.register(user=citizen, event=event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event, user=citizen, status="waiting", code="ZZZZZZ", queued_at=timezone.now()
        )


def test_the_form_shows_the_danish_error_and_stores_nothing(client, organiser, make_event):
    event = make_event()
    client.force_login(organiser)
    response = client.post(
        reverse("events:edit", args=[event.id]),
        {
            "title": "Borgermøde",
            "kind": "citizens_meeting",
            "starts_at": "2030-05-01T19:00",
            "ends_at": "2030-05-01T17:00",
            "address": "Holbæk Bibliotek",
        },
    )
    assert response.status_code == 400
    assert "Arrangementet skal slutte, efter det begynder." in response.content.decode()
    event.refresh_from_db()
    assert event.title == "Borgermøde om den nye dialogmodel"


def test_the_page_and_the_api_say_why_a_second_registration_is_refused(client, api, event, citizen):
    client.force_login(citizen)
    client.post(reverse("events:register", args=[event.id]))
    page = client.post(reverse("events:register", args=[event.id]), follow=True)
    assert "Du er allerede tilmeldt dette arrangement." in page.content.decode()
    response = api(citizen).post(f"/api/events/{event.id}/registration/")
    assert response.status_code == 400
    assert response.json()["registration"] == ["Du er allerede tilmeldt dette arrangement."]
    assert Registration.objects.filter(user=citizen).count() == 1
