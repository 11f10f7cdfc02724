"""Asking to be erased (a case, or everything) and deciding it say what happened on the page they lead to."""

import pytest
from django.urls import reverse

from retention.models import ErasureRequest
from tests.idempotency_keys import hidden_key
from tests.success_messages import assert_told

pytestmark = pytest.mark.django_db

ASKED = "Din anmodning om sletning er modtaget. Du får besked, når den er afgjort."


def test_asking_twice_with_the_same_form_hears_the_same(client, closed_case, citizen):
    client.force_login(citizen)
    for url in (reverse("retention:erasure-create", args=[closed_case.id]), reverse("retention:erasure-create-all")):
        form = {"reason": "Jeg vil glemmes.", "idempotency_key": hidden_key(client.get(url).content.decode())}
        assert_told(client.post(url, form, follow=True), ASKED)
        assert_told(client.post(url, form, follow=True), ASKED)
    assert ErasureRequest.objects.filter(citizen=citizen).count() == 2


def test_deciding(client, closed_case, citizen, caseworker):
    client.force_login(citizen)
    client.post(reverse("retention:erasure-create", args=[closed_case.id]), {"reason": "Jeg vil glemmes."})
    erasure = ErasureRequest.objects.get()
    client.force_login(caseworker)
    url = reverse("retention:erasure-detail", args=[erasure.id])
    response = client.post(url, {"decision": "erase", "grounds": ""}, follow=True)
    assert_told(response, "Anmodningen er afgjort, og borgeren har fået besked.")
