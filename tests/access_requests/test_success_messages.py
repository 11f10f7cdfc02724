"""Every write through the aktindsigt pages says what happened (a success message on the page it leads to)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from access_requests import services
from access_requests.models import AccessRequest
from dialogue import services as dialogue
from tests.idempotency_keys import hidden_key
from tests.success_messages import assert_told

pytestmark = pytest.mark.django_db


def test_asking_and_asking_again_with_the_same_form(client, case, citizen):
    client.force_login(citizen)
    url = reverse("access_requests:create") + f"?complaint={case.id}"
    form = {"complaint": case.id, "idempotency_key": hidden_key(client.get(url).content.decode())}
    told = "Din anmodning om aktindsigt er modtaget. Du får besked, når den er afgjort."
    assert_told(client.post(url, form, follow=True), told)
    assert_told(client.post(url, form, follow=True), told)  # the double click hears the same
    assert AccessRequest.objects.filter(requester=citizen).count() == 1


def test_deciding(client, own_request, caseworker):
    client.force_login(caseworker)
    data = {"grounds": ""}
    for document in own_request.documents.all():
        data |= {
            f"document_{document.id}": "release",
            f"text_{document.id}": document.released_text,
            f"grounds_{document.id}": "",
        }
    response = client.post(reverse("access_requests:decide", args=[own_request.id]), data, follow=True)
    assert_told(response, "Anmodningen er afgjort, og anmoderen har fået besked.")


def test_naming_the_case(client, case, other_citizen, caseworker, family):
    access_request = services.request_access(
        requester=other_citizen, description="Sager om aflastning i 2026", department=family
    )
    client.force_login(caseworker)
    url = reverse("access_requests:identify-case", args=[access_request.id])
    response = client.post(url, {"complaint": case.id}, follow=True)
    assert_told(response, "Sagens dokumenter er hentet. Gennemgå dem, før du afgør anmodningen.")


def test_fetching_new_documents(client, case, own_request, caseworker):
    client.force_login(caseworker)
    url = reverse("access_requests:refresh", args=[own_request.id])
    assert_told(client.post(url, follow=True), "Der er ingen nye dokumenter i sagen.", variant="info")
    dialogue.post_message(author=caseworker, thread=case.thread, body="Vi ringer i morgen.", client_id="m1")
    assert_told(client.post(url, follow=True), "Ét nyt dokument er hentet fra sagen.")


def test_the_fristbrev(client, own_request, caseworker):
    client.force_login(caseworker)
    expected = (own_request.due_at + timedelta(days=10)).date().isoformat()
    response = client.post(
        reverse("access_requests:late-letter", args=[own_request.id]),
        {"reason": "Sagen har mange bilag.", "expected_by": expected},
        follow=True,
    )
    assert_told(response, "Fristbrevet er gemt. Det sendes til anmoderen, hvis fristen overskrides.")
