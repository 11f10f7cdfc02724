"""The citizen downloads all her own data as one file (GDPR art. 15 and 20), from "Mine data" and over the API."""

import io
import json
import re
import zipfile

import pytest
from django.urls import reverse

from complaints import services as complaint_services
from dialogue.services import post_message
from hearings import services as hearing_services
from ideas import services as idea_services
from notifications.models import Email
from tests.grants.conftest import draft, draft_fields, pool, reviewer, round, second_reviewer, submitted  # noqa: F401
from tests.hearings.conftest import (  # noqa: F401
    disability_council,
    elder_council,
    make_hearing,
    open_hearing,
    staff,
)
from tests.ideas.conftest import board, idea  # noqa: F401

pytestmark = pytest.mark.django_db


def data_in(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.namelist() == ["mine-data.json"]
        return json.loads(archive.read("mine-data.json").decode("utf-8"))


@pytest.fixture
def her_data(request, client, citizen, caseworker, routed_complaint):
    """One of everything she can leave: a complaint and a message in its thread, an idea and a comment, a survey
    answer, a hearing answer, an application; and a caseworker's look at her complaint."""
    her_idea, hearing = request.getfixturevalue("idea"), request.getfixturevalue("open_hearing")
    request.getfixturevalue("submitted")
    post_message(author=citizen, thread=routed_complaint.thread, body="Tak for opkaldet i går.", client_id="x1")
    idea_services.post_comment(author=citizen, idea=her_idea, body="Også for dem på plejehjem.")
    hearing_services.answer_hearing(author=citizen, hearing=hearing, body="Jeg støtter den nye dialogmodel.")
    client.force_login(caseworker)
    client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    complaint_services.close_complaint(
        actor=caseworker, complaint=routed_complaint, outcome="decision_changed", note="Medhold."
    )
    body = Email.objects.get(recipient=citizen, subject__contains="afsluttet").body
    client.post(re.search(r"/undersoegelse/[^\s]+/", body).group(0), {"rating": "4", "understood_decision": "yes"})
    return routed_complaint


def test_the_archive_holds_everything_she_left_and_the_access_log(client, api, citizen, caseworker, her_data):
    client.force_login(citizen)
    assert reverse("personal-data-download") in client.get(reverse("access-log")).content.decode()
    data = data_in(client.get(reverse("personal-data-download")))
    assert data["konto"]["e-mail"] == citizen.email
    assert [c["sag"] for c in data["klager"]] == [her_data.reference]
    assert "Tak for opkaldet i går." in [m["tekst"] for m in data["beskeder"]]
    assert [i["overskrift"] for i in data["idéer"]] == ["Gratis bus til valgstederne"]
    assert [c["tekst"] for c in data["kommentarer"]] == ["Også for dem på plejehjem."]
    assert [s["vurdering"] for s in data["spørgeskemaer"]] == [4]
    assert [a["tekst"] for a in data["høringssvar"]] == ["Jeg støtter den nye dialogmodel."]
    assert len(data["ansøgninger"]) == 1 and data["ansøgninger"][0]["status"] == "submitted"
    assert {a["medarbejder"] for a in data["adgangslog"]} == {caseworker.full_name}

    assert data_in(api(citizen).get("/api/me/data/")).keys() == data.keys()


def test_nobody_gets_another_persons_data(client, api, other_citizen, her_data):
    client.force_login(other_citizen)
    data = data_in(client.get(reverse("personal-data-download")))
    assert data["konto"]["e-mail"] == other_citizen.email
    assert all(not rows for key, rows in data.items() if isinstance(rows, list))
    assert api().get("/api/me/data/").status_code in (401, 403)
    client.logout()
    assert client.get(reverse("personal-data-download")).status_code == 302
