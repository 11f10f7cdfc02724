"""Every staff write on a hearing that the public or the invited parties depend on leaves a row in the audit trail."""

import pytest

from accounts.models import StaffAction
from hearings import services
from tests.committees.conftest import pdf_upload
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


def test_the_draft_and_the_notat_leave_their_trail(make_hearing, staff, elder_council, disability_council):
    hearing = make_hearing(sections=1, publish=False)
    mark = last_action_id()
    section = services.add_section(actor=staff, hearing=hearing, title="Afsnit om tider", body="Tekst.")
    services.update_section(actor=staff, section=section, title="Afsnit om åbningstider", body="Ny tekst.")
    stored = services.add_file(actor=staff, hearing=hearing, title="Udkast", upload=pdf_upload())
    services.remove_file(actor=staff, stored=stored)
    services.remove_section(actor=staff, section=section)
    invitation = services.invite(actor=staff, hearing=hearing, council=elder_council)
    services.uninvite(actor=staff, invitation=invitation)
    services.invite(actor=staff, hearing=hearing, council=disability_council)
    services.publish_hearing(actor=staff, hearing=hearing)
    conclude(past_deadline(hearing), staff)
    rows = StaffAction.objects.filter(id__gt=mark).order_by("id")
    assert {(row.actor_id, row.target_type, row.target_id) for row in rows} == {
        (staff.id, "hearings.hearing", hearing.id)
    }
    assert [row.action for row in rows] == [
        "hearings.add_section",
        "hearings.update_section",
        "hearings.add_file",
        "hearings.remove_file",
        "hearings.remove_section",
        "hearings.invite",
        "hearings.uninvite",
        "hearings.invite",
        "hearings.publish_hearing",
        "hearings.write_note_summary",
        "hearings.write_section_note",
        "hearings.publish_note",
    ]
    assert rows.filter(action="hearings.uninvite").get().details == {"council": elder_council.id}
