"""The demo hearings as a new user finds them after `make run`: one open for answers with the councils invited,
one concluded with its høringsnotat on an agenda item next to an item that warns of Ældrerådet not heard."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from committees.models import AgendaItemSource
from committees.selectors import open_agenda_warnings
from hearings import services
from hearings.models import Hearing
from tests.meetings import hold_meeting

pytestmark = pytest.mark.usefixtures("demo_municipality")


def test_the_dialogue_model_is_open_with_the_councils_invited(db):
    hearing = Hearing.objects.get(title="Forslag til ny dialogmodel")
    assert hearing.status == Hearing.Status.OPEN
    parties = {str(invitation.party) for invitation in hearing.invitations.all()}
    assert {"Ældrerådet", "Handicaprådet", "Integrationsrådet", "Folkeoplysningsudvalget"} <= parties
    member = User.objects.get(email="aeldreraad@example.dk")
    council = member.councils.get()
    answer = services.answer_hearing(
        author=member, hearing=hearing, council=council, section=hearing.sections.first(), body="Ældrerådet støtter."
    )
    assert answer.sender_name == "Ældrerådet"


def test_the_concluded_hearing_is_on_an_agenda_item_with_its_notat_and_the_warning_shows(db):
    hearing = Hearing.objects.get(title="Retningslinjer for inddragelse af Ældrerådet")
    assert hearing.status == Hearing.Status.CONCLUDED and hearing.agenda_status == "placed"
    source = AgendaItemSource.objects.get(kind="hearing", object_id=hearing.id)
    assert source.item.attachments.get().title == "Høringsnotat: Retningslinjer for inddragelse af Ældrerådet"
    [warning] = open_agenda_warnings(meeting=source.item.meeting)
    assert "Ældrerådet er ikke hørt" in warning.message


def test_a_new_user_writes_the_notat_of_the_hearing_whose_deadline_passed_and_the_answerers_hear_the_decision(db):
    """The journey of issue 14 on the demo: the department publishes the notat, the secretary puts it on the
    meeting that warns of Ældrerådet not heard, overrides that warning, publishes; the minutes tell the answerers."""
    from committees import services as committees
    from notifications.models import Email

    hearing = Hearing.objects.get(title="Forslag til Holbæk Borgerforum")
    assert hearing.status == Hearing.Status.AWAITING_CONCLUSION
    assert {answer.sender_name for answer in hearing.answers.all()} == {"Ældrerådet", "Mette Hansen"}
    staff = User.objects.get(email="sagsbehandler@example.dk")
    services.write_note_summary(actor=staff, hearing=hearing, note_summary="Rådet og en borger har svaret.")
    for section in hearing.sections.all():
        services.write_section_note(
            actor=staff, section=section, summary="Svaret bakker op.", comment="Fastholdes.", changes_draft=False
        )
    services.publish_note(actor=staff, hearing=hearing)
    secretary = User.objects.get(email="sekretaer@example.dk")
    meeting = AgendaItemSource.objects.get(kind="hearing", object_id=Hearing.objects.get(title__startswith="Retn").id)
    meeting = meeting.item.meeting
    committees.place_proposal(actor=secretary, meeting=meeting, kind="hearing", object_id=hearing.id)
    [warning] = open_agenda_warnings(meeting=meeting)
    item = meeting.items.get(id=warning.item_id)
    committees.override_warning(actor=secretary, item=item, code=warning.code, reason="Ældrerådet høres i januar.")
    committees.publish_agenda(actor=secretary, meeting=meeting)
    hold_meeting(meeting, by=secretary)
    for each in meeting.items.all():
        committees.record_decision(actor=secretary, item=each, decision="Forslaget vedtages.", outcome="decided")
    committees.publish_minutes(actor=secretary, meeting=meeting)
    told = Email.objects.filter(subject__startswith="Udvalget har besluttet", body__contains="Forslaget vedtages.")
    assert {"aeldreraad@example.dk", "borger@example.dk"} <= set(told.values_list("recipient__email", flat=True))


def test_seeding_again_changes_nothing(db):
    before = (Hearing.objects.count(), AgendaItemSource.objects.filter(kind="hearing").count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Hearing.objects.count(), AgendaItemSource.objects.filter(kind="hearing").count()) == before
