"""Hiding a message on the thread's page says so (a success message on the page it leads back to)."""

import pytest
from django.urls import reverse

from tests.success_messages import assert_told

from .conftest import say

pytestmark = pytest.mark.django_db


def test_hiding_a_message(client, thread, citizen, caseworker):
    message = say(citizen, thread, "Mit CPR-nummer er 010203-1234")
    client.force_login(caseworker)
    response = client.post(
        reverse("dialogue:hide", args=[thread.id, message.id]), {"reason": "CPR-nummer"}, follow=True
    )
    assert_told(response, "Beskeden er skjult. Deltagerne ser begrundelsen i stedet.")
