"""Staff hiding a message in a thread leaves a row in the audit trail, with the reason."""

import pytest

from dialogue.services import hide_message, post_message
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_hiding_a_message_writes_its_row(thread, citizen, caseworker):
    message, _created = post_message(author=citizen, thread=thread, body="Min nabos CPR-nummer er ...", client_id="c")
    mark = last_action_id()
    hide_message(actor=caseworker, message=message, reason="Oplysninger om en anden borger")
    row = assert_recorded(since=mark, actor=caseworker, action="dialogue.hide_message", target=message)
    assert row.details == {"reason": "Oplysninger om en anden borger"}
