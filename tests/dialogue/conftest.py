"""Threads of routed complaints: the citizen and the caseworker are in them (tests/conftest.py files them)."""

import uuid

import pytest

from dialogue.services import post_message


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
def thread(routed_complaint):
    return routed_complaint.thread


@pytest.fixture
def other_thread(file_complaint, other_citizen, nature):
    """A thread the family department's people have no part in."""
    return file_complaint(citizen=other_citizen, department=nature, subject="Støj fra renseanlæg").thread


def say(author, thread, body="Hej", **kwargs):
    """Post a message with a fresh client_id; returns the message."""
    message, _created = post_message(author=author, thread=thread, body=body, client_id=uuid.uuid4().hex, **kwargs)
    return message
