"""A double click on "Send anmodningen" (the form's hidden key) or a retried API call (the Idempotency-Key header)
files one request for aktindsigt, with one deadline and one set of notices, and answers the first again."""

import pytest
from django.urls import reverse

from access_requests.models import AccessRequest
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

ASK = {"description": "Sager om aflastning i Familiecentret i 2025", "department": "familiecentret"}


def test_the_request_form_sent_twice_files_one_request(client, case, citizen, other_citizen):
    client.force_login(citizen)
    url = reverse("access_requests:create") + f"?complaint={case.id}"
    form = {"complaint": case.id, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert AccessRequest.objects.filter(requester=citizen).count() == 1
    # Without a key a second request is filed (as before): a person may ask again.
    assert client.post(url, {"complaint": case.id}).status_code == 302
    assert AccessRequest.objects.filter(requester=citizen).count() == 2


def test_the_api_answers_a_repeated_key_with_the_first_request(api, case, citizen, other_citizen, family):
    first = api(citizen).post("/api/access-requests/", ASK, format="json", HTTP_IDEMPOTENCY_KEY="ask-1")
    again = api(citizen).post("/api/access-requests/", ASK, format="json", HTTP_IDEMPOTENCY_KEY="ask-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    other = api(other_citizen).post("/api/access-requests/", ASK, format="json", HTTP_IDEMPOTENCY_KEY="ask-1")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    assert AccessRequest.objects.count() == 2
    bad = api(citizen).post("/api/access-requests/", ASK, format="json", HTTP_IDEMPOTENCY_KEY="æ" * 80)
    assert bad.status_code == 400 and "idempotency_key" in bad.json()
