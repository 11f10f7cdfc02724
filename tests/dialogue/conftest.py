"""Threads built with dialogue's own services (no complaint): the citizen and a caseworker of the family
department are in `thread`; `other_thread` belongs to the nature department and another citizen."""

import uuid

import pytest

from dialogue.models import Message, Participant
from dialogue.services import add_participant, create_thread, post_contact_summary, post_message


def make_thread(*, title: str, department, citizen, staff=None):
    thread = create_thread(title=title, department=department, subject_url=f"/klager/{title}/")
    add_participant(thread=thread, user=citizen, role=Participant.Role.CITIZEN)
    if staff is not None:
        add_participant(thread=thread, user=staff, role=Participant.Role.STAFF)
    return thread


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
def thread(citizen, caseworker, family):
    return make_thread(title="Afslag på aflastning", department=family, citizen=citizen, staff=caseworker)


@pytest.fixture
def other_thread(other_citizen, nature):
    """A thread the family department's people have no part in."""
    return make_thread(title="Støj fra renseanlæg", department=nature, citizen=other_citizen)


def say(author, thread, body="Hej", kind=Message.Kind.TEXT, **kwargs):
    """Post a message with a fresh client_id; returns the message. A contact summary goes through its own service,
    as complaints shares one."""
    client_id = uuid.uuid4().hex
    if kind == Message.Kind.CONTACT_SUMMARY:
        message, _created = post_contact_summary(author=author, thread=thread, body=body, client_id=client_id)
    else:
        message, _created = post_message(
            author=author, thread=thread, body=body, client_id=client_id, kind=kind, **kwargs
        )
    return message
