"""People and shortcuts for the representation tests."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from complaints import services
from tests.files import PDF


def today():
    return timezone.localdate()


def days(n: int):
    return today() + timedelta(days=n)


def pdf(name="fuldmagt.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def grant(citizen, representative, complaint=None, **overrides):
    fields = {
        "citizen": citizen,
        "representative_email": representative.email,
        "complaint_id": complaint.id if complaint else None,
        "valid_from": today(),
        "valid_until": days(30),
        **overrides,
    }
    return services.grant_representation(**fields)


def active(citizen, representative, complaint=None, **overrides):
    representation = grant(citizen, representative, complaint, **overrides)
    return services.answer_representation(actor=representative, representation=representation, accept=True)
