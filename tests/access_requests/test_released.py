"""The released documents reach the requester: the reviewed texts as one PDF and each released file, only through
the request's permission check (404 for everyone else, anonymous included), every staff read logged; a withheld
file is never served, nor anything before the decision."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from access_requests import services
from access_requests.models import AccessDocument
from accounts.models import PersonalDataAccess
from complaints import services as complaint_services
from tests.documents.reading import pages
from tests.files import PDF

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def decided(case, citizen, caseworker):
    """Her request decided: everything released except the photo, withheld with grounds."""
    complaint_services.add_complaint_attachment(
        actor=citizen,
        complaint=case,
        title="Afgørelsen",
        upload=SimpleUploadedFile("afgoerelse.pdf", PDF, content_type="application/pdf"),
        kind="decision",
    )
    complaint_services.add_complaint_attachment(
        actor=caseworker,
        complaint=case,
        title="Foto fra hjemmebesøg",
        upload=SimpleUploadedFile("foto.png", PNG, content_type="image/png"),
    )
    access_request = services.request_access(requester=citizen, complaint_id=case.id)
    choices = {}
    for document in access_request.documents.all():
        withhold = document.kind == AccessDocument.Kind.ATTACHMENT and "foto" in document.released_text
        choices[document.id] = services.DocumentChoice(
            release=not withhold, text=document.released_text, grounds="Tredjemands private forhold, § 30."
        )
    return services.decide_access_request(
        actor=caseworker, access_request=access_request, choices=choices, grounds="Et foto er undtaget, § 30."
    )


def _file_url(document):
    attachment = document.request.complaint.attachments.get(id=document.source_id)
    return reverse("access_requests:released-file", args=[document.request_id, document.id, attachment.file_name])


def _documents(decided):
    attachments = decided.documents.filter(kind=AccessDocument.Kind.ATTACHMENT)
    return attachments.get(released=True), attachments.get(released=False)


def test_the_requester_downloads_the_texts_and_the_released_file_never_the_withheld(client, decided, citizen):
    released, withheld = _documents(decided)
    client.force_login(citizen)
    page = client.get(reverse("access_requests:detail", args=[decided.id])).content.decode()
    assert _file_url(released) in page and _file_url(withheld) not in page
    response = client.get(_file_url(released))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment") and response["Cache-Control"] == "private, no-store"
    assert client.get(_file_url(withheld)).status_code == 404
    response = client.get(reverse("access_requests:released-pdf", args=[decided.id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(pages(response.content))
    assert "Min nabo [navn] sagde" in text and "Hans Jensen" not in text and "12 34 56 78" not in text
    assert "Undtaget fra aktindsigt." in text and "Tredjemands private forhold" in text
    assert not PersonalDataAccess.objects.filter(viewer=citizen).exists()  # her own: not a staff read


@pytest.mark.parametrize(
    ("role", "status"),
    [("citizen", 200), ("caseworker", 200), ("other_citizen", 404), ("other_caseworker", 404), ("anonymous", 404)],
)
def test_who_may_download(client, decided, citizen, other_citizen, caseworker, other_caseworker, role, status):
    person = {"citizen": citizen, "other_citizen": other_citizen, "caseworker": caseworker}.get(role) or (
        other_caseworker if role == "other_caseworker" else None
    )
    if person is not None:
        client.force_login(person)
    mark = PersonalDataAccess.objects.order_by("-id").values_list("id", flat=True).first() or 0
    released, withheld = _documents(decided)
    assert client.get(_file_url(released)).status_code == status
    assert client.get(reverse("access_requests:released-pdf", args=[decided.id])).status_code == status
    assert client.get(_file_url(withheld)).status_code == 404  # withheld: to nobody
    logged = set(PersonalDataAccess.objects.filter(subject=citizen, id__gt=mark).values_list("viewer_id", "what"))
    if role == "caseworker":
        assert logged == {
            (caseworker.id, f"Aktindsigt {decided.reference}: bilag Afgørelsen"),
            (caseworker.id, f"Aktindsigt {decided.reference}: udleverede dokumenter"),
        }
    else:
        assert logged == set()


def test_nothing_before_the_decision_and_a_wrong_file_name(client, case, citizen, decided):
    released, _withheld = _documents(decided)
    client.force_login(citizen)
    assert client.get(_file_url(released).replace("afgoerelse.pdf", "andet.pdf")).status_code == 404
    undecided = services.request_access(requester=citizen, complaint_id=case.id)
    document = undecided.documents.filter(kind=AccessDocument.Kind.ATTACHMENT).first()
    assert client.get(_file_url(document)).status_code == 404
    assert client.get(reverse("access_requests:released-pdf", args=[undecided.id])).status_code == 404
    # Another request's document id under this request: not found either.
    url = reverse("access_requests:released-file", args=[undecided.id, released.id, "afgoerelse.pdf"])
    assert client.get(url).status_code == 404


def test_the_api_gives_the_download_links(api, decided, citizen, other_citizen):
    released, withheld = _documents(decided)
    data = api(citizen).get(f"/api/access-requests/{decided.id}/").json()
    assert data["documents_pdf_url"] == reverse("access_requests:released-pdf", args=[decided.id])
    urls = {d["id"]: d["file_url"] for d in data["documents"]}
    assert urls[released.id] == _file_url(released) and urls[withheld.id] is None
    assert api(other_citizen).get(f"/api/access-requests/{decided.id}/").status_code == 404
