"""Hearings from draft to concluded: the lifecycle, answers, moderation, and the høringsnotat."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hearings import services
from hearings.models import Answer, Hearing, Section
from hearings.selectors import answer_counts, answers_for, public_answers
from tests.committees.conftest import pdf_upload
from tests.conftest import make_user
from tests.hearings.conftest import conclude, past_deadline


def test_the_status_follows_the_dates_between_the_two_acts(make_hearing, staff):
    today = timezone.localdate()
    hearing = make_hearing(publish=False, starts_on=today + timedelta(days=1), ends_on=today + timedelta(days=8))
    assert hearing.status == Hearing.Status.DRAFT
    hearing = services.publish_hearing(actor=staff, hearing=hearing)
    assert hearing.status == Hearing.Status.AWAITING_START
    assert hearing.status_on(today + timedelta(days=1)) == Hearing.Status.OPEN
    assert hearing.status_on(today + timedelta(days=8)) == Hearing.Status.OPEN
    assert hearing.status_on(today + timedelta(days=9)) == Hearing.Status.AWAITING_CONCLUSION
    hearing = conclude(hearing, staff)
    assert hearing.status == Hearing.Status.CONCLUDED


def test_dates_in_the_wrong_order_are_refused_and_nothing_is_made(make_hearing):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as caught:
        make_hearing(publish=False, sections=0, starts_on=today, ends_on=today - timedelta(days=1))
    assert caught.value.message_dict["ends_on"] == ["Høringsfristen skal ligge efter startdatoen."]
    assert not Hearing.objects.exists()


def test_bad_case_and_kle_numbers_are_refused(make_hearing):
    with pytest.raises(ValidationError) as caught:
        make_hearing(publish=False, sections=0, case_number="37262", kle_number="27-24")
    assert set(caught.value.message_dict) == {"case_number", "kle_number"}
    assert not Hearing.objects.exists()


def test_only_the_department_behind_it_writes_a_hearing(make_hearing, other_caseworker, citizen, committee, family):
    with pytest.raises(PermissionDenied):
        make_hearing(actor=other_caseworker, publish=False, sections=0)
    hearing = make_hearing(publish=False, sections=0)
    for outsider in (other_caseworker, citizen):
        with pytest.raises(PermissionDenied):
            services.add_section(actor=outsider, hearing=hearing, title="Nyt", body="Ny tekst her.")
        with pytest.raises(PermissionDenied):
            services.publish_hearing(actor=outsider, hearing=hearing)


def test_a_hearing_without_a_draft_cannot_be_published(make_hearing, staff):
    hearing = make_hearing(publish=False, sections=0)
    with pytest.raises(ValidationError) as caught:
        services.publish_hearing(actor=staff, hearing=hearing)
    assert "intet udkast" in caught.value.messages[0]
    hearing.refresh_from_db()
    assert hearing.published_at is None


def test_the_draft_is_fixed_once_the_hearing_is_open(open_hearing, staff):
    section = open_hearing.sections.get(number=1)
    with pytest.raises(ValidationError):
        services.update_section(actor=staff, section=section, title="Ny titel", body="Ny tekst")
    with pytest.raises(ValidationError):
        services.add_section(actor=staff, hearing=open_hearing, title="Ny", body="Ny tekst")
    with pytest.raises(ValidationError):
        services.update_hearing(actor=staff, hearing=open_hearing, starts_on=timezone.localdate())
    section.refresh_from_db()
    assert section.title == "Afsnit om emne 1"
    # The deadline may move (not into the past).
    later = open_hearing.ends_on + timedelta(days=7)
    assert services.update_hearing(actor=staff, hearing=open_hearing, ends_on=later).ends_on == later


def test_removing_a_section_renumbers_the_rest(make_hearing, staff):
    hearing = make_hearing(publish=False, sections=3)
    services.remove_section(actor=staff, section=hearing.sections.get(number=1))
    assert list(hearing.sections.values_list("number", "title")) == [(1, "Afsnit om emne 2"), (2, "Afsnit om emne 3")]


def test_uploaded_draft_files_are_checked_like_agenda_attachments(make_hearing, staff):
    hearing = make_hearing(publish=False, sections=0)
    stored = services.add_file(actor=staff, hearing=hearing, title="Udkast til dialogmodel", upload=pdf_upload())
    assert stored.mime_type == "application/pdf" and stored.file_name == "bilag.pdf"
    fake = SimpleUploadedFile("udkast.pdf", b"<html>ikke en pdf</html>" * 10, content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        services.add_file(actor=staff, hearing=hearing, title="Falsk", upload=fake)
    assert "PDF" in caught.value.message_dict["file"][0]
    assert hearing.files.count() == 1
    services.publish_hearing(actor=staff, hearing=hearing)  # a file alone is a draft


# Answers


def test_a_citizen_answers_in_her_own_name_on_a_section(open_hearing, citizen):
    section = open_hearing.sections.get(number=2)
    answer = services.answer_hearing(
        author=citizen, hearing=open_hearing, section=section, body="Jeg synes, afsnit 2 er godt skrevet."
    )
    assert answer.sender_name == "Mette Hansen" and answer.section == section


def test_a_council_member_answers_for_her_council(open_hearing, elder_member, elder_council):
    answer = services.answer_hearing(
        author=elder_member, hearing=open_hearing, council=elder_council, body="Ældrerådet støtter forslaget."
    )
    assert answer.sender_name == "Ældrerådet"


def test_a_member_of_another_council_cannot_answer_for_it(open_hearing, disability_member, elder_council):
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(
            author=disability_member, hearing=open_hearing, council=elder_council, body="Vi svarer for Ældrerådet."
        )
    assert caught.value.message_dict["council"] == [
        "Du kan kun svare på vegne af et råd, du er medlem af. Du er ikke medlem af Ældrerådet."
    ]
    assert not Answer.objects.exists()


def test_an_ended_council_seat_no_longer_speaks_for_the_council(open_hearing, elder_member, elder_council):
    elder_member.council_memberships.update(end_date=timezone.localdate() - timedelta(days=1))
    fresh = type(elder_member).objects.get(id=elder_member.id)
    with pytest.raises(ValidationError):
        services.answer_hearing(author=fresh, hearing=open_hearing, council=elder_council, body="Stadig formand?")


def test_only_members_answer_for_an_association(open_hearing, association, citizen, other_citizen):
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(author=citizen, hearing=open_hearing, association=association, body="For foreningen.")
    assert "forening, du er medlem af" in caught.value.message_dict["association"][0]
    answer = services.answer_hearing(
        author=other_citizen, hearing=open_hearing, association=association, body="Ungdomsrådet bakker op."
    )
    assert answer.sender_name == "Holbæk Ungdomsråd"


def test_an_answer_for_two_parties_at_once_is_refused(open_hearing, elder_member, elder_council, association):
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(
            author=elder_member,
            hearing=open_hearing,
            council=elder_council,
            association=association,
            body="For begge to på én gang.",
        )
    assert "party" in caught.value.message_dict


def test_no_answers_after_the_deadline_nor_before_the_start(open_hearing, make_hearing, citizen):
    past_deadline(open_hearing)
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(author=citizen, hearing=open_hearing, body="Er jeg for sent på den?")
    assert "Høringsfristen udløb den" in caught.value.message_dict["hearing"][0]
    today = timezone.localdate()
    later = make_hearing(starts_on=today + timedelta(days=3), ends_on=today + timedelta(days=9))
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(author=citizen, hearing=later, body="Er jeg for tidligt på den?")
    assert "åbner for høringssvar den" in caught.value.message_dict["hearing"][0]
    assert not Answer.objects.exists()


def test_a_draft_hearing_takes_no_answers(make_hearing, citizen):
    draft = make_hearing(publish=False)
    with pytest.raises(ValidationError):
        services.answer_hearing(author=citizen, hearing=draft, body="Et svar til en kladde.")


def test_bad_answer_input_is_refused_and_nothing_is_stored(open_hearing, make_hearing, citizen):
    other = make_hearing(title="En anden høring")
    foreign = other.sections.first()
    fake = SimpleUploadedFile("svar.pdf", b"MZ\x90\x00 ikke en pdf" * 10)
    with pytest.raises(ValidationError) as caught:
        services.answer_hearing(author=citizen, hearing=open_hearing, body="kort", section=foreign, upload=fake)
    assert set(caught.value.message_dict) == {"body", "section", "file"}
    assert caught.value.message_dict["body"] == ["Skriv mindst 10 tegn."]
    assert not Answer.objects.exists()


def test_an_anonymous_visitor_cannot_answer(open_hearing):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.answer_hearing(author=AnonymousUser(), hearing=open_hearing, body="Uden at logge ind.")


def test_an_answer_may_carry_an_attachment(open_hearing, citizen):
    answer = services.answer_hearing(
        author=citizen, hearing=open_hearing, body="Se vedlagte udtalelse.", upload=pdf_upload("udtalelse.pdf")
    )
    assert answer.file_name == "udtalelse.pdf" and answer.mime_type == "application/pdf"
    assert answer.get_file_url().endswith("/udtalelse.pdf")


# Publication and moderation


def test_answers_are_public_after_the_deadline_unless_the_hearing_says_at_once(open_hearing, make_hearing, citizen):
    services.answer_hearing(author=citizen, hearing=open_hearing, body="Et helt almindeligt svar.")
    assert list(public_answers(hearing=open_hearing)) == []
    at_once = make_hearing(title="Straks", answers_public_at_once=True)
    services.answer_hearing(author=citizen, hearing=at_once, body="Et svar, der vises straks.")
    assert public_answers(hearing=at_once).count() == 1
    past_deadline(open_hearing)
    assert public_answers(hearing=open_hearing).count() == 1


def test_a_sensitive_answer_is_counted_but_never_published(open_hearing, citizen, other_citizen, elder_member):
    services.answer_hearing(
        author=citizen, hearing=open_hearing, body="Min mor har demens, og derfor...", contains_sensitive=True
    )
    services.answer_hearing(author=other_citizen, hearing=open_hearing, body="Et almindeligt svar.")
    past_deadline(open_hearing)
    assert [a.body for a in public_answers(hearing=open_hearing)] == ["Et almindeligt svar."]
    assert answer_counts(hearing=open_hearing).total == 2
    assert answer_counts(hearing=open_hearing).sensitive == 1
    # The author sees her own; another citizen and a council member only the public one.
    assert len(answers_for(user=citizen, hearing=open_hearing)) == 2
    assert len(answers_for(user=elder_member, hearing=open_hearing)) == 1


def test_a_moderator_hides_an_answer_and_its_author_is_told(open_hearing, citizen, caseworker, moderator, outbox):
    answer = services.answer_hearing(author=citizen, hearing=open_hearing, body="Noget, der ikke hører hjemme her.")
    past_deadline(open_hearing)
    with pytest.raises(PermissionDenied):
        services.hide_answer(actor=citizen, answer=answer, reason="Jeg vil skjule det")
    with pytest.raises(PermissionDenied):  # staff without the moderation role
        services.hide_answer(actor=caseworker, answer=answer, reason="Indeholder personangreb.")
    with pytest.raises(ValidationError):
        services.hide_answer(actor=moderator, answer=answer, reason="nej")
    services.hide_answer(actor=moderator, answer=answer, reason="Indeholder personangreb.")
    assert list(public_answers(hearing=open_hearing)) == []
    assert answer_counts(hearing=open_hearing).hidden == 1
    assert citizen.notices.filter(title__contains="skjult").count() == 1
    with pytest.raises(ValidationError):
        services.hide_answer(actor=moderator, answer=answer, reason="Indeholder personangreb.")
    services.unhide_answer(actor=moderator, answer=answer)
    assert public_answers(hearing=open_hearing).count() == 1


# The høringsnotat


def test_the_notat_waits_for_the_deadline(open_hearing, staff):
    with pytest.raises(ValidationError) as caught:
        services.write_note_summary(actor=staff, hearing=open_hearing, note_summary="For tidligt.")
    assert caught.value.messages == ["Høringsnotatet skrives, når høringsfristen er udløbet."]


def test_the_notat_is_published_only_when_every_section_has_one(open_hearing, staff, citizen):
    hearing = past_deadline(open_hearing)
    with pytest.raises(PermissionDenied):
        services.publish_note(actor=citizen, hearing=hearing)
    services.write_note_summary(actor=staff, hearing=hearing, note_summary="To svar.")
    first = hearing.sections.get(number=1)
    services.write_section_note(actor=staff, section=first, summary="Opbakning.", comment="Enig.", changes_draft=True)
    with pytest.raises(ValidationError) as caught:
        services.publish_note(actor=staff, hearing=hearing)
    assert caught.value.message_dict["sections"] == ["Disse afsnit mangler høringsnotat: 2. Afsnit om emne 2"]
    hearing.refresh_from_db()
    assert hearing.concluded_at is None
    concluded = conclude(hearing, staff)
    assert concluded.is_concluded
    with pytest.raises(ValidationError):
        services.write_section_note(actor=staff, section=first, summary="Ændret.", comment="Sent.", changes_draft=False)
    assert Section.objects.get(id=first.id).note.summary == "Svarene om afsnit 1 bakker op."


def test_an_invited_party_cannot_be_removed_once_published(open_hearing, staff):
    with pytest.raises(ValidationError):
        services.uninvite(actor=staff, invitation=open_hearing.invitations.first())
    assert open_hearing.invitations.count() == 2


def test_inviting_the_same_party_twice_is_refused(open_hearing, staff, elder_council):
    with pytest.raises(ValidationError) as caught:
        services.invite(actor=staff, hearing=open_hearing, council=elder_council)
    assert caught.value.message_dict["party"] == ["Ældrerådet er allerede inviteret."]


def test_a_new_council_member_can_answer_at_once(open_hearing, elder_council):
    from accounts.models import CouncilMembership

    newcomer = make_user("ny.i.raadet@example.dk", "Ny i Rådet")
    CouncilMembership.objects.create(user=newcomer, council=elder_council)
    services.answer_hearing(author=newcomer, hearing=open_hearing, council=elder_council, body="Nyt medlem svarer.")
