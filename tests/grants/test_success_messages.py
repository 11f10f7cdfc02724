"""Starting a grant application (its first step, which makes the draft) says it is saved as a draft; the double click
hears the same. Sending it leads to the receipt, itself a success alert ("Tak – din ansøgning er sendt"): no message."""

import pytest
from django.urls import reverse

from tests.idempotency_keys import hidden_key
from tests.success_messages import alerts, assert_told

pytestmark = pytest.mark.django_db

PROJECT = {
    "title": "Stemmeskole for nydanskere",
    "description": "To aftener på sprogskolen, hvor vi viser, hvordan man stemmer.",
    "target_groups": ["new_danes"],
}


def test_the_first_step_sent_twice(client, round, citizen):
    client.force_login(citizen)
    url = reverse("grants:start", args=["valgfremme"])
    form = {**PROJECT, "idempotency_key": hidden_key(client.get(url).text)}
    for _ in range(2):
        told = "Ansøgningen er gemt som kladde. Du kan gøre den færdig senere."
        assert_told(client.post(url, form, follow=True), told)


def test_sending_lands_on_the_receipt_without_a_second_message(client, draft, citizen):
    client.force_login(citizen)
    response = client.post(reverse("grants:submit", args=[draft.id]), follow=True)
    assert response.redirect_chain and "Tak – din ansøgning er sendt" in response.text
    assert alerts(response) == []
