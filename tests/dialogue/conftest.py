"""A complaint filed and routed: its thread has the citizen and the caseworker in it."""

import uuid

import pytest

from complaints.models import Complaint
from complaints.services import file_complaint, route_complaint
from dialogue.services import post_message


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The people fixtures set passwords; the real hasher takes most of a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def complaint(citizen, caseworker, family) -> Complaint:
    complaint = file_complaint(
        citizen=citizen,
        kind=Complaint.Kind.CASE_HANDLING,
        department=family,
        subject="Ventetid på hjælpemidler",
        description="Jeg har ventet fire måneder på en rollator.",
        contact_channel=Complaint.ContactChannel.EMAIL,
    )
    route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint


@pytest.fixture
def people(citizen, other_citizen, caseworker, second_caseworker, other_caseworker, lead) -> dict:
    """Everyone, by role, for tests that go through the roles."""
    return {
        "citizen": citizen,
        "other_citizen": other_citizen,
        "caseworker": caseworker,
        "second_caseworker": second_caseworker,
        "other_caseworker": other_caseworker,
        "lead": lead,
    }


@pytest.fixture
def thread(complaint):
    return complaint.thread


@pytest.fixture
def other_thread(other_citizen, nature):
    """A thread the family department's people have no part in."""
    complaint = file_complaint(
        citizen=other_citizen,
        kind=Complaint.Kind.OTHER,
        department=nature,
        subject="Støj fra renseanlæg",
        description="Anlægget larmer om natten.",
        contact_channel=Complaint.ContactChannel.EMAIL,
    )
    return complaint.thread


def say(author, thread, body="Hej", **kwargs):
    """Post a message with a fresh client_id; returns the message."""
    message, _created = post_message(author=author, thread=thread, body=body, client_id=uuid.uuid4().hex, **kwargs)
    return message
