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


def test_seeding_again_changes_nothing(db):
    before = (Hearing.objects.count(), AgendaItemSource.objects.filter(kind="hearing").count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Hearing.objects.count(), AgendaItemSource.objects.filter(kind="hearing").count()) == before
