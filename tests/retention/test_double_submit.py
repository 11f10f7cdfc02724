"""A request to be erased sent twice (a double click: the form's hidden key) is one request, and the second click
lands on it too — not on "Du har allerede bedt om sletning i denne sag"."""

import pytest
from django.urls import reverse

from retention.models import ErasureRequest
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db


def test_an_erasure_request_sent_twice_is_one_request(client, closed_case, citizen):
    client.force_login(citizen)
    for url in (reverse("retention:erasure-create", args=[closed_case.id]), reverse("retention:erasure-create-all")):
        form = {"reason": "Jeg vil glemmes.", "idempotency_key": hidden_key(client.get(url).content.decode())}
        first, second = client.post(url, form), client.post(url, form)
        assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
        # Another key is the old refusal (400 with the message), never a 500.
        assert client.post(url, {**form, "idempotency_key": "another"}).status_code == 400
    assert ErasureRequest.objects.filter(citizen=citizen).count() == 2
