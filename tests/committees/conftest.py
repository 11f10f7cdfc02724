"""People around a committee, and meetings in every state, for the committees tests."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Committee, CommitteeMembership, User
from committees import services
from committees.models import Attachment, Meeting
from documents.pdf import render_pdf
from tests.conftest import make_user
from tests.meetings import hold_meeting


def join(user: User, committee: Committee, role: str, **fields) -> User:
    CommitteeMembership.objects.create(user=user, committee=committee, role=role, **fields)
    return user


@pytest.fixture(autouse=True)
def remove_stored_files(db):
    """Attachments a test stored are removed from disk with its rollback — only those: the demo's (seeded once for
    the session, tests/conftest.py demo_municipality) stay for the modules that follow (the role × door matrix
    reads them)."""
    before = set(Attachment.objects.values_list("id", flat=True))
    yield
    for attachment in Attachment.objects.exclude(id__in=before):
        attachment.file.delete(save=False)


@pytest.fixture
def member(committee) -> User:
    return join(make_user("medlem@example.dk", "Peter Friis"), committee, "member")


@pytest.fixture
def chair(committee) -> User:
    return join(make_user("formand@example.dk", "Anne Lykke"), committee, "chair", is_public=True)


@pytest.fixture
def other_committee(db) -> Committee:
    return Committee.objects.create(name="Økonomiudvalget", slug="okonomiudvalget", short_name="Økonomiudvalget")


@pytest.fixture
def other_secretary(other_committee) -> User:
    return join(make_user("sekretaer2@example.dk", "Ole Bach"), other_committee, "secretary")


@pytest.fixture
def roles(citizen, member, chair, secretary, other_secretary):
    """Everyone who may knock on a door: None is the anonymous visitor."""
    return {
        "anonymous": None,
        "citizen": citizen,
        "member": member,
        "chair": chair,
        "secretary": secretary,
        "other_secretary": other_secretary,
    }


def pdf_bytes(text: str = "Bilag") -> bytes:
    return render_pdf(template="documents/text.typ", context={"heading": text, "body": []}, language="da", title=text)


def pdf_upload(name: str = "bilag.pdf", text: str = "Bilag") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def add_items(secretary: User, meeting: Meeting, count: int, *, prefix: str = "Punkt", **fields) -> list:
    return [
        services.add_item(
            actor=secretary,
            meeting=meeting,
            title=f"{prefix} {n}",
            item_type="discussion",
            recommendation=f"Udvalget drøfter {prefix.lower()} {n}.",
            description=f"Beskrivelse af {prefix.lower()} {n}.\n\n- første pind\n- anden pind",
            **fields,
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture
def planned_meeting(committee, secretary) -> Meeting:
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )
    add_items(secretary, meeting, 2)
    return meeting


@pytest.fixture
def published_meeting(committee, secretary) -> Meeting:
    """A meeting whose agenda is published: an open item with a public and an internal attachment, and a closed item."""
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=3), place="lokale 1.D"
    )
    open_item, closed_item = add_items(secretary, meeting, 2)
    services.update_item(actor=secretary, item=closed_item, title="Lukket sag om en medarbejder", is_public=False)
    services.add_attachment(actor=secretary, item=open_item, title="Offentligt bilag", upload=pdf_upload())
    services.add_attachment(
        actor=secretary, item=open_item, title="Internt notat", upload=pdf_upload("notat.pdf"), is_internal=True
    )
    return services.publish_agenda(actor=secretary, meeting=meeting)


@pytest.fixture
def held_meeting(published_meeting, secretary) -> Meeting:
    return hold_meeting(published_meeting, by=secretary)


@pytest.fixture
def minutes_meeting(held_meeting, secretary) -> Meeting:
    for item in held_meeting.items.all():
        services.record_decision(actor=secretary, item=item, decision=f"Udvalget besluttede {item.title}.")
    return services.publish_minutes(actor=secretary, meeting=held_meeting)
