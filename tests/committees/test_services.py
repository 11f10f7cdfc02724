"""The secretary's work: meetings, items, numbers, attachments, decisions and minutes, and bad input."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import connection
from django.utils import timezone

from committees import services
from committees.models import AgendaItem, Attachment, Meeting
from core.uploads import rewritten_pdf
from tests.committees.conftest import add_items, pdf_bytes, pdf_upload
from tests.meetings import hold_meeting

pytestmark = pytest.mark.django_db


def test_meeting_dates_in_the_wrong_order_are_refused(committee, secretary):
    start = timezone.now() + timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        services.create_meeting(actor=secretary, committee=committee, start=start, end=start, place="lokale 1.D")
    assert "end" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_meeting_needs_a_place(committee, secretary):
    with pytest.raises(ValidationError) as error:
        services.create_meeting(actor=secretary, committee=committee, start=timezone.now(), place="   ")
    assert "place" in error.value.message_dict


def test_only_the_committees_secretary_creates_meetings(committee, member, chair, other_secretary, citizen):
    for user in (member, chair, other_secretary, citizen):
        with pytest.raises(PermissionDenied):
            services.create_meeting(actor=user, committee=committee, start=timezone.now(), place="lokale 1.D")
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("field", ["title", "recommendation", "description"])
def test_empty_sections_are_refused_and_change_nothing(planned_meeting, secretary, field):
    item = planned_meeting.items.first()
    with pytest.raises(ValidationError) as error:
        services.update_item(actor=secretary, item=item, **{field: "   \n "})
    assert field in error.value.message_dict
    item.refresh_from_db()
    assert getattr(item, field).strip()


def test_a_bad_case_number_is_refused(planned_meeting, secretary):
    with pytest.raises(ValidationError) as error:
        services.update_item(actor=secretary, item=planned_meeting.items.first(), case_number="sag 7")
    assert "case_number" in error.value.message_dict


def test_new_item_gets_the_default_procedure_and_goes_last(planned_meeting, secretary):
    (item,) = add_items(secretary, planned_meeting, 1, prefix="Ekstra")
    assert item.order == 3
    assert item.procedure == "Demokratieksperimentariet - drøftelse"
    assert item.number is None


def test_reorder_swaps_neighbours_and_stops_at_the_ends(planned_meeting, secretary):
    first, second = planned_meeting.items.order_by("order")
    services.move_item(actor=secretary, item=second, direction="up")
    assert list(planned_meeting.items.order_by("order").values_list("id", flat=True)) == [second.id, first.id]
    services.move_item(actor=secretary, item=second, direction="up")  # already first: nothing moves
    assert list(planned_meeting.items.order_by("order").values_list("id", flat=True)) == [second.id, first.id]
    with pytest.raises(ValidationError):
        services.move_item(actor=secretary, item=first, direction="sideways")


def test_publishing_numbers_the_items_in_order_running_per_committee(committee, secretary, planned_meeting):
    AgendaItem.objects.filter(committee=committee).update(number=None)
    earlier = services.create_meeting(actor=secretary, committee=committee, start=timezone.now(), place="lokale 1.D")
    add_items(secretary, earlier, 1, prefix="Tidligere")
    services.publish_agenda(actor=secretary, meeting=earlier)
    second = planned_meeting.items.order_by("order").last()
    services.move_item(actor=secretary, item=second, direction="up")
    services.publish_agenda(actor=secretary, meeting=planned_meeting)
    numbers = list(planned_meeting.items.order_by("order").values_list("title", "number"))
    assert numbers == [("Punkt 2", 2), ("Punkt 1", 3)]
    with pytest.raises(ValidationError):
        services.publish_agenda(actor=secretary, meeting=planned_meeting)
    with pytest.raises(ValidationError):
        add_items(secretary, planned_meeting, 1)


def test_an_empty_agenda_cannot_be_published(committee, secretary):
    meeting = services.create_meeting(actor=secretary, committee=committee, start=timezone.now(), place="lokale 1.D")
    with pytest.raises(ValidationError):
        services.publish_agenda(actor=secretary, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


@pytest.mark.django_db(transaction=True)
def test_two_secretaries_publishing_at_once_never_share_a_number(committee, secretary):
    from tests.committees.conftest import join
    from tests.conftest import make_user

    colleague = join(make_user("sekretaer3@example.dk", "Hanne Vig"), committee, "secretary")
    meetings = []
    for n in range(2):
        meeting = services.create_meeting(
            actor=secretary, committee=committee, start=timezone.now() + timedelta(days=n), place="lokale 1.D"
        )
        add_items(secretary, meeting, 3, prefix=f"Møde {n}")
        meetings.append(meeting)
    barrier = threading.Barrier(2)
    errors = []

    def publish(actor, meeting):
        try:
            barrier.wait()
            services.publish_agenda(actor=actor, meeting=meeting)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=publish, args=(secretary, meetings[0])),
        threading.Thread(target=publish, args=(colleague, meetings[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(AgendaItem.objects.filter(committee=committee).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
    for meeting in meetings:  # each meeting's numbers run in its agenda order
        ordered = list(meeting.items.order_by("order").values_list("number", flat=True))
        assert ordered == sorted(ordered) and ordered[-1] - ordered[0] == 2


def test_attachment_type_is_checked_by_content_not_by_name(planned_meeting, secretary):
    item = planned_meeting.items.first()
    disguised = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 this is a program" * 50, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=secretary, item=item, title="Rapport", upload=disguised)
    assert "file" in error.value.message_dict
    text = SimpleUploadedFile("notes.pdf", b"just some text, not a pdf" * 10, content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.add_attachment(actor=secretary, item=item, title="Noter", upload=text)
    assert not Attachment.objects.exists()
    # A real PDF with a misleading name and client type is stored as what it is.
    content = pdf_bytes()
    real = SimpleUploadedFile("billede.png", content, content_type="image/png")
    attachment = services.add_attachment(actor=secretary, item=item, title="Rigtig PDF", upload=real)
    assert attachment.mime_type == "application/pdf"
    assert attachment.file_name == "billede.pdf"
    assert attachment.file.read() == rewritten_pdf(SimpleUploadedFile("x.pdf", content)).read()  # parsed, anew


def test_the_limit_is_20_mb():
    assert settings.ATTACHMENT_MAX_BYTES == 20 * 1024 * 1024


def test_a_file_over_20_mb_is_refused_without_reading_it_into_memory(planned_meeting, secretary):
    upload = TemporaryUploadedFile("stor.pdf", "application/pdf", 0, None)
    upload.write(pdf_bytes())
    upload.seek(settings.ATTACHMENT_MAX_BYTES)  # a sparse file: 20 MB + 1 byte on disk costs nothing
    upload.write(b"\0")
    upload.flush()
    upload.size = settings.ATTACHMENT_MAX_BYTES + 1
    upload.seek(0)
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=secretary, item=planned_meeting.items.first(), title="Stor", upload=upload)
    assert "20 MB" in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()
    upload.close()


def test_an_attachment_needs_a_title_and_a_file(planned_meeting, secretary):
    empty = SimpleUploadedFile("tom.pdf", b"", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=secretary, item=planned_meeting.items.first(), title=" ", upload=empty)
    assert set(error.value.message_dict) == {"title", "file"}


def test_decisions_wait_for_the_meeting_and_must_not_be_empty(published_meeting, secretary):
    item = published_meeting.items.first()
    with pytest.raises(ValidationError):
        services.record_decision(actor=secretary, item=item, decision="Godkendt.")
    hold_meeting(published_meeting, by=secretary)
    with pytest.raises(ValidationError) as error:
        services.record_decision(actor=secretary, item=item, decision="  ")
    assert "decision" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.publish_minutes(actor=secretary, meeting=published_meeting)  # items lack decisions


def test_the_minutes_are_published_when_every_item_has_its_decision(minutes_meeting, secretary):
    assert minutes_meeting.status == Meeting.Status.MINUTES_PUBLISHED
    assert minutes_meeting.minutes_published_at is not None
    item = minutes_meeting.items.first()
    with pytest.raises(ValidationError):
        services.update_item(actor=secretary, item=item, title="Ændret bagefter")
    with pytest.raises(ValidationError):
        services.add_attachment(actor=secretary, item=item, title="For sent", upload=pdf_upload())


def test_removing_an_item_closes_the_gap(planned_meeting, secretary):
    add_items(secretary, planned_meeting, 1, prefix="Sidste")
    first = planned_meeting.items.order_by("order").first()
    services.remove_item(actor=secretary, item=first)
    assert list(planned_meeting.items.order_by("order").values_list("order", flat=True)) == [1, 2]
