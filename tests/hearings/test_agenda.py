"""A concluded hearing goes on its committee's agenda with the høringsnotat as a Bilag; the answerers who agreed
to hear are told the decision; a council with a duty that was not heard gives a warning before publishing."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from committees import services as committees
from committees.models import WarningOverride
from committees.selectors import open_agenda_warnings, proposal_queue
from hearings import services
from hearings.models import AgendaStatus, CouncilDuty, Hearing
from notifications.models import Email
from tests.documents import reading
from tests.hearings.conftest import conclude
from tests.meetings import hold_meeting
from themes.models import Theme


@pytest.fixture
def elderly(db) -> Theme:
    return Theme.objects.create(name="Ældre og pleje", slug="aeldre-og-pleje")


@pytest.fixture
def duty(elder_council, elderly) -> CouncilDuty:
    duty = CouncilDuty.objects.create(
        council=elder_council,
        rule="Ældrerådet skal høres om forslag, der vedrører ældre",
        legal_basis="retssikkerhedsloven § 30",
    )
    duty.themes.add(elderly)
    return duty


@pytest.fixture
def meeting(committee, secretary):
    return committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )


@pytest.fixture
def answered(open_hearing, citizen, other_citizen, elder_member, elder_council, staff):
    services.answer_hearing(
        author=citizen, hearing=open_hearing, body="Jeg vil gerne høre om udfaldet.", notify_about_decision=True
    )
    services.answer_hearing(author=other_citizen, hearing=open_hearing, body="Jeg vil ikke have besked.")
    services.answer_hearing(
        author=elder_member,
        hearing=open_hearing,
        council=elder_council,
        section=open_hearing.sections.get(number=1),
        body="Ældrerådet støtter afsnit 1.",
        notify_about_decision=True,
    )
    services.answer_hearing(
        author=citizen,
        hearing=open_hearing,
        body="CPR og helbred her, ikke til offentligheden",
        contains_sensitive=True,
    )
    return conclude(open_hearing, staff)


def _place(meeting, secretary, hearing):
    return committees.place_proposal(actor=secretary, meeting=meeting, kind="hearing", object_id=hearing.id)


def test_a_concluded_hearing_waits_in_its_committees_queue(answered, open_hearing, make_hearing, committee):
    make_hearing(title="Endnu åben")
    proposals = [p for p in proposal_queue(committee=committee) if p.kind == "hearing"]
    assert [(p.object_id, p.support_count) for p in proposals] == [(answered.id, 4)]


def test_the_item_refers_to_the_notat_and_carries_it_as_a_bilag(answered, meeting, secretary):
    item = _place(meeting, secretary, answered)
    assert "høringsnotatet, som er vedlagt som bilag" in item.description
    assert f"/hoeringer/{answered.id}/notat/" in item.description
    assert "Der er kommet 4 høringssvar, heraf 1 med følsomme personoplysninger" in item.description
    assert "Høringen fører til ændringer i disse afsnit: 1. Afsnit om emne 1." in item.description
    [attachment] = item.attachments.all()
    assert attachment.title == "Høringsnotat: Forslag til ny dialogmodel" and not attachment.is_internal
    assert attachment.mime_type == "application/pdf"
    text = "\n".join(reading.pages(attachment.file.open("rb").read()))
    assert "Ældrerådet støtter afsnit 1." in text
    assert "Svarene om afsnit 1 bakker op." in text and "Udkastet ændres." in text
    assert "CPR og helbred" not in text  # the sensitive answer is counted, never printed
    assert Hearing.objects.get(id=answered.id).agenda_status == AgendaStatus.PLACED


def test_the_answerers_who_agreed_hear_the_decision_once(
    answered, meeting, secretary, citizen, other_citizen, elder_member
):
    item = _place(meeting, secretary, answered)
    committees.publish_agenda(actor=secretary, meeting=meeting)
    assert Hearing.objects.get(id=answered.id).agenda_status == AgendaStatus.ON_AGENDA
    hold_meeting(meeting, by=secretary)
    for each in meeting.items.all():
        committees.record_decision(actor=secretary, item=each, decision="Dialogmodellen vedtages.", outcome="decided")
    committees.publish_minutes(actor=secretary, meeting=meeting)
    hearing = Hearing.objects.get(id=answered.id)
    assert hearing.agenda_status == AgendaStatus.DECIDED and hearing.decision == "Dialogmodellen vedtages."
    assert f"#punkt-{item.id}" in hearing.agenda_url
    told = Email.objects.filter(subject__startswith="Udvalget har besluttet i sagen")
    assert sorted(told.values_list("recipient__email", flat=True)) == sorted([citizen.email, elder_member.email])
    assert "Dialogmodellen vedtages." in told.first().body
    # The same decision heard again (a second run) tells nobody twice.
    services.tell_answerers_decided(hearing_ids=[hearing.id], decision="Dialogmodellen vedtages.", url="x")
    assert told.count() == 2
    assert not Email.objects.filter(recipient=other_citizen, subject__startswith="Udvalget").exists()


def test_taking_the_item_off_puts_the_hearing_back_in_the_queue(answered, meeting, secretary, committee):
    item = _place(meeting, secretary, answered)
    committees.remove_item(actor=secretary, item=item)
    assert Hearing.objects.get(id=answered.id).agenda_status == AgendaStatus.NONE
    assert [p.object_id for p in proposal_queue(committee=committee) if p.kind == "hearing"] == [answered.id]


# A council's duty to be heard


def _themed_item(meeting, secretary, theme):
    return committees.add_item(
        actor=secretary,
        meeting=meeting,
        title="Ny madordning på plejecentrene",
        item_type="decision",
        recommendation="Udvalget godkender ordningen.",
        description="Ordningen ændrer maden på plejecentrene.",
        themes=[theme],
    )


def test_an_item_on_a_duty_theme_without_the_council_heard_warns_and_stops_publishing(
    duty, elderly, meeting, secretary
):
    item = _themed_item(meeting, secretary, elderly)
    [warning] = open_agenda_warnings(meeting=meeting)
    assert warning.item_id == item.id and warning.code == f"council-duty-{duty.id}"
    assert "Ældrerådet er ikke hørt. Ældrerådet skal høres om forslag, der vedrører ældre" in warning.message
    assert "(retssikkerhedsloven § 30)" in warning.message and "Ældre og pleje" in warning.message
    with pytest.raises(ValidationError) as caught:
        committees.publish_agenda(actor=secretary, meeting=meeting)
    assert warning.message in caught.value.messages
    meeting.refresh_from_db()
    assert meeting.status == meeting.Status.PLANNED


def test_the_warning_is_overridden_with_a_reason_which_is_recorded(duty, elderly, meeting, secretary, citizen):
    item = _themed_item(meeting, secretary, elderly)
    code = f"council-duty-{duty.id}"
    with pytest.raises(PermissionDenied):
        committees.override_warning(actor=citizen, item=item, code=code, reason="Jeg bestemmer.")
    with pytest.raises(ValidationError):
        committees.override_warning(actor=secretary, item=item, code=code, reason="")
    with pytest.raises(ValidationError):
        committees.override_warning(actor=secretary, item=item, code="council-duty-0", reason="Ukendt advarsel.")
    assert not WarningOverride.objects.exists()
    override = committees.override_warning(
        actor=secretary, item=item, code=code, reason="Ældrerådet blev hørt på sit møde den 3. marts."
    )
    assert override.by == secretary and "Ældrerådet er ikke hørt" in override.message
    assert open_agenda_warnings(meeting=meeting) == []
    committees.publish_agenda(actor=secretary, meeting=meeting)


def test_a_hearing_of_the_council_on_the_item_means_no_warning(
    duty, elderly, make_hearing, elder_council, staff, meeting, secretary
):
    hearing = conclude(make_hearing(invite=[elder_council], themes=[elderly]), staff)
    item = _place(meeting, secretary, hearing)
    assert list(item.themes.all()) == [elderly]  # the item starts with the hearing's themes
    assert open_agenda_warnings(meeting=meeting) == []


def test_a_hearing_without_the_council_still_warns(
    duty, elderly, make_hearing, disability_council, staff, meeting, secretary
):
    hearing = conclude(make_hearing(invite=[disability_council], themes=[elderly]), staff)
    _place(meeting, secretary, hearing)
    assert [w.code for w in open_agenda_warnings(meeting=meeting)] == [f"council-duty-{duty.id}"]


def test_an_item_without_a_duty_theme_gives_no_warning(duty, meeting, secretary):
    other = Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    _themed_item(meeting, secretary, other)
    assert open_agenda_warnings(meeting=meeting) == []


def test_the_oparl_paper_carries_the_notat_beside_its_own_document(answered, meeting, secretary, client):
    from tests.committees.test_oparl import SCHEMAS, validate

    item = _place(meeting, secretary, answered)
    committees.update_item(actor=secretary, item=item, is_public=True)  # read by the secretary
    committees.publish_agenda(actor=secretary, meeting=meeting)
    paper = client.get(f"/oparl/v1.1/paper/{item.id}/").json()
    if SCHEMAS.is_dir():
        schemas = {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
        validate(paper, "Paper", schemas)
    assert [file["name"] for file in paper["auxiliaryFile"]] == ["Høringsnotat: Forslag til ny dialogmodel"]
    notat = client.get(paper["auxiliaryFile"][0]["downloadUrl"].removeprefix(settings.SITE_URL))
    assert "Ældrerådet støtter afsnit 1." in "\n".join(reading.pages(b"".join(notat.streaming_content)))
    main = client.get(paper["mainFile"]["downloadUrl"].removeprefix(settings.SITE_URL))
    text = " ".join(" ".join(reading.pages(b"".join(main.streaming_content))).split())
    assert "høringsnotatet, som er vedlagt som bilag" in text and "Høringsnotat: Forslag til ny dialogmodel" in text
