"""A double click on "Tilmeld mig" (the form's hidden key) or a retried API call (the Idempotency-Key header)
registers once and says the same again — not "Du er allerede tilmeldt"; a new event and a planned participant
sent twice are made once."""

import pytest
from django.urls import reverse

from events.models import Event, Participant, Registration
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db


def test_the_register_button_pressed_twice_registers_once_and_says_so_twice(client, event, citizen, other_citizen):
    client.force_login(citizen)
    form = {"idempotency_key": hidden_key(client.get(reverse("events:detail", args=[event.id])).content.decode())}
    url = reverse("events:register", args=[event.id])
    first = client.post(url, form, follow=True).content.decode()
    second = client.post(url, form, follow=True).content.decode()
    code = Registration.objects.get(event=event, user=citizen).code
    assert f"Du er tilmeldt. Din kode er {code}." in first and f"Du er tilmeldt. Din kode er {code}." in second
    assert "allerede tilmeldt" not in second
    # Another person's identical key registers her; without a key a repeat is told as before (no 500).
    client.force_login(other_citizen)
    assert client.post(url, form).status_code == 302
    assert Registration.objects.filter(event=event).count() == 2
    page = client.post(url, follow=True).content.decode()
    assert "Du er allerede tilmeldt dette arrangement." in page


def test_the_api_answers_a_repeated_key_with_the_first_registration(api, event, citizen, other_citizen):
    url = f"/api/events/{event.id}/registration/"
    first = api(citizen).post(url, HTTP_IDEMPOTENCY_KEY="register-1")
    again = api(citizen).post(url, HTTP_IDEMPOTENCY_KEY="register-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert api(other_citizen).post(url, HTTP_IDEMPOTENCY_KEY="register-1").status_code == 201
    assert Registration.objects.filter(event=event).count() == 2
    # Without a key the repeat is the service's refusal, a 400 (not a 500).
    assert api(citizen).post(url).status_code == 400


def test_a_new_event_and_a_participant_sent_twice_are_made_once(client, organiser, family, secretary):
    client.force_login(organiser)
    create = reverse("events:create")
    form = {
        "title": "Workshop om samskabelse",
        "kind": "workshop",
        "department": family.id,
        "starts_at": "2030-05-01T17:00",
        "ends_at": "2030-05-01T19:00",
        "address": "Kanalstræde 2, 4300 Holbæk",
        "idempotency_key": hidden_key(client.get(create).content.decode()),
    }
    first, second = client.post(create, form), client.post(create, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    event = Event.objects.get()

    planning = reverse("events:planning", args=[event.id])
    form = {
        "user": secretary.id,
        "role": Participant.Role.COUNCILLOR,
        "idempotency_key": hidden_key(client.get(planning).content.decode()),
    }
    for _ in range(2):
        assert client.post(planning, form).status_code == 302
    assert Participant.objects.filter(event=event).count() == 1
    # Another key is the service's "already planned", a 400 on the form (not a 500).
    assert client.post(planning, {**form, "idempotency_key": "another"}).status_code == 400
