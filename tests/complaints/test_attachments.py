"""Documents in a complaint case: checked by content like agenda Bilag, seen only by the citizen and her
department's staff (404 for anyone else), staff reads logged, on the page and the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import CommitteeMembership, PersonalDataAccess
from complaints import services
from complaints.models import Complaint, ComplaintAttachment
from tests.complaints.intake_pages import file_through_pages
from tests.complaints.payloads import VALID_PAYLOAD
from tests.conftest import make_user
from tests.files import PDF

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


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
def attached(citizen, routed_complaint):
    return services.add_complaint_attachment(
        actor=citizen, complaint=routed_complaint, title="Lægeerklæring", upload=pdf("erklaering.PDF")
    )


def test_the_citizen_attaches_the_decision_and_other_documents_at_intake(file_complaint):
    complaint = file_complaint(decision_file=pdf(), documents=[pdf("brev.pdf"), pdf("foto.png", PNG)])
    rows = list(complaint.attachments.values_list("kind", "title", "file_name", "mime_type", "added_by_staff"))
    assert rows == [
        ("decision", "Afgørelsen, der klages over", "afgoerelse.pdf", "application/pdf", False),
        ("document", "brev", "brev.pdf", "application/pdf", False),
        ("document", "foto", "foto.png", "image/png", False),
    ]


def test_the_decision_is_named_once_and_another_document_gets_its_tag(client, file_complaint):
    complaint = file_complaint(decision_file=pdf(), documents=[pdf("brev.pdf")])
    client.force_login(complaint.citizen)
    page = client.get(reverse("complaints:detail", args=[complaint.id])).content.decode()
    documents = page[page.index('id="documents"') : page.index("</ul>", page.index('id="documents"'))]
    assert documents.count("Afgørelsen, der klages over") == 1
    assert '<span class="badge">Andet dokument</span>' in documents


def test_a_bad_file_at_intake_names_its_field_and_stores_no_complaint(file_complaint):
    with pytest.raises(ValidationError) as error:
        file_complaint(decision_file=pdf(), documents=[pdf("virus.pdf", b"MZ\x90\x00 not a pdf")])
    assert error.value.message_dict == {
        "documents": ["Filen skal være en PDF, et billede (PNG, JPEG, GIF, WebP) eller et kontordokument."]
    }
    assert not Complaint.objects.exists() and not ComplaintAttachment.objects.exists()


def test_the_intake_page_takes_files(client, citizen, family):
    client.force_login(citizen)
    data = {**VALID_PAYLOAD, "department": family.id, "decision_file": pdf(), "documents": [pdf("a.pdf"), pdf("b.pdf")]}
    response = file_through_pages(client, data)
    assert response.status_code == 302
    assert Complaint.objects.get().attachments.count() == 3


def test_the_intake_page_shows_a_bad_file_at_its_field(client, citizen, family):
    client.force_login(citizen)
    data = {"subject": "Afslag", "description": "Jeg er ikke enig i afslaget.", "decision_file": pdf(content=b"tekst")}
    response = client.post(reverse("complaints:create-step", args=["detaljer"]), data)
    assert response.status_code == 400
    assert "Filen skal være en PDF" in str(response.context["form"].errors["decision_file"])
    assert not Complaint.objects.exists()


def test_the_intake_api_takes_multipart_files(api, citizen, family):
    response = api(citizen).post(
        "/api/complaints/", {**VALID_PAYLOAD, "decision_file": pdf(), "documents": [pdf("a.pdf")]}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    assert Complaint.objects.get().attachments.count() == 2


def test_a_document_is_named_by_its_content(attached):
    assert (attached.mime_type, attached.file_name, attached.size) == ("application/pdf", "erklaering.pdf", len(PDF))


def test_staff_add_documents_marked_as_the_municipalitys(caseworker, routed_complaint):
    attachment = services.add_complaint_attachment(
        actor=caseworker, complaint=routed_complaint, title="Den oprindelige afgørelse", upload=pdf(), kind="decision"
    )
    assert attachment.added_by_staff and attachment.kind == "decision"


@pytest.mark.parametrize(
    ("title", "content", "kind", "fields"),
    [
        (" ", PDF, "document", {"title"}),
        ("Brev", b"hello", "document", {"file"}),
        ("Brev", b"", "document", {"file"}),
        ("Brev", PDF, "poem", {"kind"}),
        ("x" * 201, PDF, "document", {"title"}),
    ],
)
def test_bad_documents_are_refused_and_nothing_stored(citizen, routed_complaint, title, content, kind, fields):
    with pytest.raises(ValidationError) as error:
        services.add_complaint_attachment(
            actor=citizen, complaint=routed_complaint, title=title, upload=pdf(content=content), kind=kind
        )
    assert set(error.value.message_dict) == fields
    assert not ComplaintAttachment.objects.exists()


def test_too_large_a_file_is_refused(citizen, routed_complaint, settings):
    settings.ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.add_complaint_attachment(actor=citizen, complaint=routed_complaint, title="Brev", upload=pdf())
    assert error.value.message_dict["file"] == ["Filen er for stor: et bilag må højst fylde 0 MB."]


@pytest.mark.parametrize("role", ["other_citizen", "other_caseworker", "committee_member"])
def test_only_the_citizen_and_her_department_attach(people, routed_complaint, role):
    with pytest.raises(PermissionDenied):
        services.add_complaint_attachment(actor=people[role], complaint=routed_complaint, title="X", upload=pdf())


def test_the_citizen_attaches_only_while_open_staff_always(citizen, caseworker, routed_complaint):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    routed_complaint.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.add_complaint_attachment(actor=citizen, complaint=routed_complaint, title="Efter", upload=pdf())
    services.add_complaint_attachment(actor=caseworker, complaint=routed_complaint, title="Notat", upload=pdf())


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("citizen", 200),
        ("caseworker", 200),
        ("other_citizen", 404),
        ("other_caseworker", 404),
        ("committee_member", 404),
    ],
)
def test_download_through_the_permission_check(client, people, citizen, attached, role, status):
    client.force_login(people[role])
    response = client.get(attached.get_absolute_url())
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
    logged = PersonalDataAccess.objects.filter(viewer=people[role], subject=citizen, what__contains="Lægeerklæring")
    assert logged.exists() == (role == "caseworker")


def test_a_wrong_file_name_or_another_complaints_document_is_404(client, citizen, attached, file_complaint):
    client.force_login(citizen)
    other = file_complaint()
    assert client.get(attached.get_absolute_url().replace("erklaering.pdf", "x.pdf")).status_code == 404
    url = reverse("complaints:attachment", args=[other.id, attached.id, attached.file_name])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("citizen", 200),
        ("caseworker", 200),
        ("other_citizen", 404),
        ("other_caseworker", 404),
        ("committee_member", 404),
    ],
)
def test_api_lists_documents_to_those_who_may_see_them(api, people, citizen, attached, role, status):
    response = api(people[role]).get(f"/api/complaints/{attached.complaint_id}/attachments/")
    assert response.status_code == status
    if status == 200:
        assert [a["title"] for a in response.json()] == ["Lægeerklæring"]
    assert PersonalDataAccess.objects.filter(viewer=people[role], subject=citizen).exists() == (role == "caseworker")


def test_api_adds_a_document_by_multipart(api, caseworker, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/attachments/"
    response = api(caseworker).post(url, {"title": "Notat", "file": pdf(), "kind": "decision"}, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["added_by_staff"] is True and response.json()["kind"] == "decision"


def test_api_refuses_a_bad_document_with_a_field_error(api, citizen, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/attachments/"
    response = api(citizen).post(url, {"title": "Brev", "file": pdf(content=b"nope")}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()
    assert api(citizen).post(url, {"title": "Brev"}, format="multipart").status_code == 400
    assert not ComplaintAttachment.objects.exists()


def test_api_post_by_a_stranger_is_404(api, other_citizen, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/attachments/"
    response = api(other_citizen).post(url, {"title": "X", "file": pdf()}, format="multipart")
    assert response.status_code == 404


def test_the_documents_page_adds_and_lists(client, citizen, routed_complaint):
    client.force_login(citizen)
    url = reverse("complaints:attachments", args=[routed_complaint.id])
    response = client.post(url, {"kind": "document", "title": "Brev fra lægen", "file": pdf()})
    assert response.status_code == 302
    page = client.get(reverse("complaints:detail", args=[routed_complaint.id])).content.decode()
    assert "Brev fra lægen" in page
    response = client.post(url, {"kind": "document", "title": "Brev", "file": pdf(content=b"x")})
    assert response.status_code == 400 and "Filen skal være en PDF" in response.content.decode()


def test_the_documents_page_is_404_for_strangers_and_has_no_form_for_a_closed_complaint(
    client, citizen, other_caseworker, caseworker, routed_complaint
):
    url = reverse("complaints:attachments", args=[routed_complaint.id])
    client.force_login(other_caseworker)
    assert client.get(url).status_code == 404
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    client.force_login(citizen)
    assert client.get(url).context["form"] is None
    assert client.post(url, {"kind": "document", "title": "X", "file": pdf()}).status_code == 403
