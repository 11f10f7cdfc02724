"""Attachments on an application: checked by content like agenda Bilag, seen only by applicant and reviewers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import PersonalDataAccess
from grants import services
from grants.models import ApplicationAttachment
from tests.files import PDF

pytestmark = pytest.mark.django_db


def pdf(name="program.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def attached(citizen, draft, tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    return services.add_attachment(actor=citizen, application=draft, title="Program", upload=pdf())


def test_a_pdf_is_attached_and_named_by_its_content(attached):
    assert (attached.mime_type, attached.file_name, attached.size) == ("application/pdf", "program.pdf", len(PDF))


def test_a_text_file_called_pdf_is_refused_and_nothing_stored(citizen, draft):
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=citizen, application=draft, title="Program", upload=pdf(content=b"hello"))
    assert error.value.message_dict["file"] == [
        "Filen skal være en PDF, et billede (PNG, JPEG, GIF, WebP) eller et kontordokument."
    ]
    assert not ApplicationAttachment.objects.exists()


def test_too_large_and_untitled(citizen, draft, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.add_attachment(actor=citizen, application=draft, title=" ", upload=pdf())
    assert set(error.value.message_dict) == {"title", "file"}


def test_only_the_applicant_attaches_and_only_to_a_draft(citizen, other_citizen, reviewer, draft, attached):
    with pytest.raises(PermissionDenied):
        services.add_attachment(actor=other_citizen, application=draft, title="X", upload=pdf())
    services.submit_application(actor=citizen, application=draft)
    with pytest.raises(PermissionDenied):
        services.add_attachment(actor=citizen, application=draft, title="Efter", upload=pdf())


def test_download_for_applicant_and_reviewers_only(client, citizen, other_citizen, reviewer, draft, attached):
    services.submit_application(actor=citizen, application=draft)
    url = attached.get_absolute_url()
    client.force_login(citizen)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    client.force_login(other_citizen)
    assert client.get(url).status_code == 404
    client.force_login(reviewer)
    assert client.get(url).status_code == 200
    assert PersonalDataAccess.objects.filter(viewer=reviewer, subject=citizen).exists()
