"""A theme created twice by a double click (the form's hidden key) or a retried API call (the Idempotency-Key
header) is created once; the second is told the same instead of "the name is taken"."""

import re

import pytest
from django.urls import reverse

from themes.models import Theme

pytestmark = pytest.mark.django_db


def test_a_theme_sent_twice_is_created_once_on_the_page_and_the_api(client, api, secretary):
    client.force_login(secretary)
    url = reverse("themes:create")
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', client.get(url).content.decode()).group(1)
    form = {"name": "Affald", "description": "Skrald", "active": "on", "idempotency_key": key}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert Theme.objects.filter(name="Affald").count() == 1
    body = {"name": "Skole og SFO", "description": "Skoler"}
    sent = [api(secretary).post("/api/themes/", body, format="json", HTTP_IDEMPOTENCY_KEY="t-1") for _ in "ab"]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert api(secretary).post("/api/themes/", body, format="json").status_code == 400  # the name is taken
