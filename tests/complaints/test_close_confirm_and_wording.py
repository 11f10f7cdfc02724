"""Issue 9, journeys 5 and 11 for the complaint: closing is confirmed on a page of its own; staff read the
timeline in staff wording, the citizen in hers."""

import pytest
from django.urls import reverse

from complaints import services
from complaints.models import Complaint

pytestmark = pytest.mark.django_db


def test_closing_asks_on_a_page_of_its_own_and_only_the_confirmation_closes(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    url = reverse("complaints:close", args=[routed_complaint.id])
    answer = {"outcome": "resolved_in_dialogue", "note": "Vi fandt en løsning sammen."}
    page = client.post(url, answer)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vil du afslutte klagen?" in html and "Det kan ikke fortrydes" in html
    assert "Løst i dialog" in html and 'name="confirm" value="1"' in html
    routed_complaint.refresh_from_db()
    assert routed_complaint.status != Complaint.Status.CLOSED
    assert client.post(url, {**answer, "confirm": "1"})["Location"] == reverse(
        "complaints:detail", args=[routed_complaint.id]
    )
    routed_complaint.refresh_from_db()
    assert routed_complaint.status == Complaint.Status.CLOSED


def test_a_bad_answer_goes_back_to_the_form_not_to_the_confirmation(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    response = client.post(reverse("complaints:close", args=[routed_complaint.id]), {"outcome": "x", "note": ""})
    assert response.status_code == 400
    assert "Vil du afslutte klagen?" not in response.content.decode()


def test_staff_see_staff_wording_and_the_citizen_hers(client, citizen, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    services.log_contact(
        actor=caseworker, task=task, channel="phone", contacted_at=task.created_at, summary="Talt sammen.",
        citizen_understood_decision="yes", next_steps="", themes=[],
    )  # fmt: skip
    detail = reverse("complaints:detail", args=[routed_complaint.id])
    client.force_login(caseworker)
    assert "Der er talt med borgeren" in client.get(detail).content.decode()
    assert "Sagsbehandleren har talt med dig" not in client.get(detail).content.decode()
    client.force_login(citizen)
    assert "Sagsbehandleren har talt med dig" in client.get(detail).content.decode()
