"""The fristbrev's expected date is DKFDS's date field (issue 9): three boxes, accepted and saved."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_the_expected_date_is_typed_in_three_boxes(client, own_request, caseworker):
    client.force_login(caseworker)
    detail = client.get(reverse("access_requests:detail", args=[own_request.id])).content.decode()
    assert_boxes(detail, "expected_by")
    url = reverse("access_requests:late-letter", args=[own_request.id])
    expected = (own_request.due_at + timedelta(days=10)).date()
    response = client.post(url, {"reason": "Sagen har mange bilag.", **boxes("expected_by", expected)})
    assert response.status_code == 302
    own_request.refresh_from_db()
    assert own_request.expected_by == expected
