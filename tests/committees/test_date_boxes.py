"""A meeting's start and end are DKFDS's date field and a time box (issue 9): the boxes are accepted and saved in
Europe/Copenhagen, and the meeting's edit page shows them again."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from committees.models import Meeting
from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_a_meeting_is_timed_in_boxes_and_its_edit_page_shows_them(client, secretary, committee):
    client.force_login(secretary)
    url = reverse("committees:meeting-create", args=[committee.slug])
    assert_boxes(client.get(url).content.decode(), "start", time=None)
    form = {**boxes("start", date(2030, 1, 7), time="17.00"), **boxes("end", date(2030, 1, 7), time="19.00")}
    assert client.post(url, {**form, "place": "lokale 1.D"}).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.start == datetime(2030, 1, 7, 17, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
    page = client.get(reverse("committees:meeting-edit", args=[meeting.id])).content.decode()
    assert_boxes(page, "start", shows=date(2030, 1, 7), time="17.00")
    assert_boxes(page, "end", shows=date(2030, 1, 7), time="19.00")
