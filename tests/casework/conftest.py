"""Fixtures for the legal track: files in a temporary private storage, people in every role, and texts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import CommitteeMembership
from casework.models import GuidanceTemplate
from complaints import services as complaint_services
from tests.conftest import make_user
from tests.files import PDF

GROUNDS = {
    "legal_rules": "Serviceloven § 84, stk. 1: kommunen kan give aflastning til forældre til et barn med handicap.",
    "considerations": "Vi har lagt vægt på, at jeres søn får aflastning i skolen i forvejen.",
    "facts": "Jeres søn går i specialklasse til kl. 16 alle hverdage. Lægen skriver, at han sover godt.",
    "complaint_guidance": "Du kan klage til Ankestyrelsen inden fire uger. Send klagen til os, så ser vi på den igen.",
}


def pdf(name="afgoerelse.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture
def committee_member(committee):
    user = make_user("udvalg@example.dk", "Per Udvalg")
    CommitteeMembership.objects.create(user=user, committee=committee, role=CommitteeMembership.Role.MEMBER)
    return user


@pytest.fixture
def people(citizen, other_citizen, caseworker, other_caseworker, committee_member):
    return {
        "citizen": citizen,
        "other_citizen": other_citizen,
        "caseworker": caseworker,
        "other_caseworker": other_caseworker,
        "committee_member": committee_member,
    }


@pytest.fixture
def guidance(family):
    return GuidanceTemplate.objects.create(
        department=family,
        name="Klage til Ankestyrelsen (serviceloven)",
        appeals_body="Ankestyrelsen",
        text=GROUNDS["complaint_guidance"],
    )


@pytest.fixture
def with_original(routed_complaint, citizen):
    complaint_services.add_complaint_attachment(
        actor=citizen, complaint=routed_complaint, title="Afgørelse om aflastning", upload=pdf(), kind="decision"
    )
    return routed_complaint
