"""The meeting's state rule in one place: Meeting's state properties, which the services check, and
committees.selectors.meeting_steps, which the meeting page shows — so the page offers what the service allows."""

import pytest
from django.urls import reverse

from committees.selectors import meeting_steps

pytestmark = pytest.mark.django_db

STEPS = ["edit", "reschedule", "add_items", "mark_held", "decide", "remove_items"]
# The secretary's steps in each state (True in the order of STEPS).
BY_STATE = {
    "planned_meeting": [True, True, True, False, False, True],
    "published_meeting": [True, True, False, True, False, True],
    "held_meeting": [True, False, False, False, True, False],
    "minutes_meeting": [False, False, False, False, False, False],
}
BUTTONS = {  # a button of the page for each step
    "add_items": "Offentliggør dagsordenen",
    "mark_held": "Mødet er afholdt",
    "decide": "Offentliggør referatet",
    "reschedule": "Ret dato og sted",
    "remove_items": "Fjern fra dagsordenen",
    "edit": "Ret punktet",
}


@pytest.mark.parametrize("state", BY_STATE)
def test_the_secretary_is_offered_what_the_state_allows(request, client, secretary, member, state):
    meeting = request.getfixturevalue(state)
    steps = meeting_steps(user=secretary, meeting=meeting)
    assert [getattr(steps, name) for name in STEPS] == BY_STATE[state]
    assert not any(getattr(meeting_steps(user=member, meeting=meeting), name) for name in STEPS)
    client.force_login(secretary)
    page = client.get(reverse("committees:meeting", args=[meeting.id])).content.decode()
    offered = {name for name, button in BUTTONS.items() if button in page}
    assert offered == {name for name, allowed in zip(STEPS, BY_STATE[state], strict=True) if allowed}


def test_the_state_properties(planned_meeting, published_meeting):
    assert planned_meeting.takes_new_items and planned_meeting.is_upcoming and not planned_meeting.awaits_holding
    assert published_meeting.awaits_holding and published_meeting.is_upcoming
    assert not published_meeting.takes_new_items and not published_meeting.takes_decisions
