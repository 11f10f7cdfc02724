"""An event's times are DKFDS's date field and a time box (issue 9): a new event's boxes are accepted and saved in
Europe/Copenhagen, and the edit page shows them again."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.models import Event
from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_a_new_event_is_timed_in_boxes_and_its_edit_page_shows_them(client, organiser, family):
    client.force_login(organiser)
    assert_boxes(client.get(reverse("events:create")).content.decode(), "starts_at", time=None)
    form = {
        "title": "Workshop om samskabelse",
        "kind": "workshop",
        "department": family.id,
        **boxes("starts_at", date(2030, 5, 1), time="17.00"),
        **boxes("ends_at", date(2030, 5, 1), time="19:30"),
        "address": "Kanalstræde 2, 4300 Holbæk",
    }
    assert client.post(reverse("events:create"), form).status_code == 302
    event = Event.objects.get()
    copenhagen = ZoneInfo("Europe/Copenhagen")
    assert event.starts_at == datetime(2030, 5, 1, 17, 0, tzinfo=copenhagen)
    assert event.ends_at == datetime(2030, 5, 1, 19, 30, tzinfo=copenhagen)
    page = client.get(reverse("events:edit", args=[event.id])).content.decode()
    assert_boxes(page, "starts_at", shows=date(2030, 5, 1), time="17.00")
    assert_boxes(page, "ends_at", shows=date(2030, 5, 1), time="19.30")
