"""A hearing's dates are DKFDS's date fields (issue 9): the edit page shows them in the boxes, and the boxes sent
back are saved."""

from datetime import date

import pytest
from django.urls import reverse

from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_the_edit_page_shows_and_takes_the_dates_in_boxes(client, staff, make_hearing):
    hearing = make_hearing(publish=False)
    client.force_login(staff)
    url = reverse("hearings:edit", args=[hearing.id])
    page = client.get(url).content.decode()
    assert_boxes(page, "starts_on", shows=hearing.starts_on)
    assert_boxes(page, "ends_on", shows=hearing.ends_on)
    edit = {"title": hearing.title, "summary": hearing.summary}
    edit.update({**boxes("starts_on", date(2030, 1, 1)), **boxes("ends_on", date(2030, 2, 1))})
    assert client.post(url, edit).status_code == 302
    hearing.refresh_from_db()
    assert (hearing.starts_on, hearing.ends_on) == (date(2030, 1, 1), date(2030, 2, 1))
