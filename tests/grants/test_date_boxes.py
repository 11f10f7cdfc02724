"""The project's dates in a grant application are DKFDS's date fields (issue 9): the money step shows the draft's
dates in the boxes and saves the boxes sent back."""

from datetime import date

import pytest
from django.urls import reverse

from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_the_money_step_takes_the_dates_in_boxes(client, citizen, draft):
    client.force_login(citizen)
    url = reverse("grants:step", args=[draft.id, 2])
    assert_boxes(client.get(url).content.decode(), "starts_on", shows=draft.starts_on)
    response = client.post(
        url,
        {
            "amount_applied": "12.000",
            "own_contribution": "0",
            **boxes("starts_on", date(2027, 2, 1)),
            **boxes("ends_on", date(2027, 2, 20)),
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0",
            "lines-0-purpose": "Lokale",
            "lines-0-amount": "12.000",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.starts_on, draft.ends_on) == (date(2027, 2, 1), date(2027, 2, 20))
