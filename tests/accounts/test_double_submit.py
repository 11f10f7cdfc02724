"""The claim code sent twice (a double click: the form's hidden key; a retry: the API's Idempotency-Key) claims
once and thanks twice — the second is not told "Koden er allerede brugt"."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_claim_sent_twice_thanks_twice(client, api, file_for_citizen, citizen):
    _complaint, code = file_for_citizen()
    client.force_login(citizen)
    page = client.get(reverse("claim")).content.decode()
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', page).group(1)
    for _ in range(2):
        response = client.post(reverse("claim"), {"code": code, "idempotency_key": key}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("complaints:list")
        assert "er nu dit" in response.content.decode()
    _other, other_code = file_for_citizen()
    sent = [
        api(citizen).post("/api/claims/", {"code": other_code}, format="json", HTTP_IDEMPOTENCY_KEY="claim-1")
        for _ in range(2)
    ]
    assert [response.json() for response in sent] == [{"claimed": True}, {"claimed": True}]
    # Without a key the repeat is the old answer: the code is used (400), not a 500.
    again = api(citizen).post("/api/claims/", {"code": other_code}, format="json")
    assert again.status_code == 400 and "Koden er allerede brugt" in str(again.json())
