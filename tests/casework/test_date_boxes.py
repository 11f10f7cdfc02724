"""The partshøring's deadline is DKFDS's date field (issue 9): pre-filled with the proposed deadline, its three boxes
accepted and saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Hearing
from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_the_deadline_is_typed_in_three_boxes(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    url = reverse("casework:hearing-create", args=[routed_complaint.id])
    proposed = timezone.localtime(services.default_hearing_deadline()).date()
    assert_boxes(client.get(url).content.decode(), "deadline", shows=proposed)
    wanted = proposed + timedelta(days=7)  # the same weekday, a working day as the proposal is
    response = client.post(
        url, {"kind": "partshoering", "facts": "Lægen skriver, at han sover.", **boxes("deadline", wanted)}
    )
    assert response.status_code == 302
    assert timezone.localtime(Hearing.objects.get().deadline).date() == wanted
