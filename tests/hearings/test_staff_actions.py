"""Every staff write on a hearing that the public or the invited parties depend on leaves a row in the audit trail."""

import pytest

from hearings import services
from tests.hearings.conftest import conclude, past_deadline
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def _answer(hearing, citizen):
    return services.answer_hearing(author=citizen, hearing=hearing, body="Noget, der ikke hører hjemme her.")


def test_creating_changing_and_publishing_write_their_rows(make_hearing, staff):
    mark = last_action_id()
    hearing = make_hearing(publish=False)
    assert_recorded(since=mark, actor=staff, action="hearings.create_hearing", target=hearing)
    mark = last_action_id()
    services.update_hearing(actor=staff, hearing=hearing, title="Ny dialogmodel")
    row = assert_recorded(since=mark, actor=staff, action="hearings.update_hearing", target=hearing)
    assert row.details == {"changed": ["title"]}
    mark = last_action_id()
    services.publish_hearing(actor=staff, hearing=hearing)
    assert_recorded(since=mark, actor=staff, action="hearings.publish_hearing", target=hearing)


def test_hiding_and_unhiding_an_answer_write_their_rows(open_hearing, citizen, moderator):
    answer = _answer(open_hearing, citizen)
    mark = last_action_id()
    services.hide_answer(actor=moderator, answer=answer, reason="Indeholder personangreb.")
    row = assert_recorded(since=mark, actor=moderator, action="hearings.hide_answer", target=answer)
    assert row.details == {"reason": "Indeholder personangreb."}
    mark = last_action_id()
    services.unhide_answer(actor=moderator, answer=answer)
    assert_recorded(since=mark, actor=moderator, action="hearings.unhide_answer", target=answer)


def test_publishing_the_notat_writes_its_row(open_hearing, staff):
    hearing = past_deadline(open_hearing)
    mark = last_action_id()
    conclude(hearing, staff)
    assert_recorded(since=mark, actor=staff, action="hearings.publish_note", target=hearing)
