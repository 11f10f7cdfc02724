"""Genvurdering (retssikkerhedsloven § 66) and the klagepakke: read back from the PDF, the zip, who may
fetch it, and the citizen told where her complaint went and when."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import PersonalDataAccess
from casework import services
from casework.models import Reassessment
from complaints import services as complaint_services
from complaints.models import Complaint, ComplaintEvent
from dialogue import services as dialogue
from notifications.models import Email, Notice
from tests.casework.conftest import GROUNDS, PDF, pdf
from tests.documents.reading import all_bookmarks, pages

pytestmark = pytest.mark.django_db

REASSESSED = "Vi har set på sagen igen. Lægens nye udtalelse ændrer ikke, at behovet er dækket af skolen."


@pytest.fixture
def upheld(citizen, caseworker, with_original):
    complaint = with_original
    task = complaint.tasks.get()
    complaint_services.log_contact(
        actor=caseworker,
        task=task,
        channel="phone",
        contacted_at=complaint.created_at,
        summary="Talte med moren om søvnen og skolen.",
        citizen_understood_decision="partly",
    )
    dialogue.post_message(author=citizen, thread=complaint.thread, body="Han vågner hver nat.", client_id="c1")
    hearing = services.send_hearing(actor=caseworker, complaint=complaint, facts="Skolen oplyser, at han er glad.")
    services.answer_hearing(actor=citizen, hearing=hearing, answer="Han er træt om morgenen.")
    services.send_decision(
        actor=caseworker, complaint=complaint, kind="upheld", decision="Vi fastholder afslaget.", **GROUNDS
    )
    return complaint


@pytest.fixture
def forwarded(caseworker, upheld):
    return services.forward_complaint(
        actor=caseworker, complaint=upheld, grounds=REASSESSED, appeals_body="Ankestyrelsen"
    )


def test_the_klagepakke_holds_every_part_with_a_contents_page(forwarded, upheld):
    content = forwarded.klagepakke.open("rb").read()
    assert all_bookmarks(content) == [
        f"Klagepakke {upheld.reference}",
        "Klagen", "Den oprindelige afgørelse", "Partshøringer", "Afgørelsen efter klagen", "Genvurdering",
        "Kontaktnotater", "Samtalen", "Bilag",
    ]  # fmt: skip
    text = pages(content)
    contents = text[0]
    assert "Indhold" in contents and "Genvurdering" in contents and "Ankestyrelsen" in contents
    whole = "\n".join(text)
    for expected in (
        upheld.description,
        "Bilag 1, Afgørelse om aflastning (afgoerelse.pdf), følger her: side 4",
        "Skolen oplyser, at han er glad.",
        "Han er træt om morgenen.",
        "Vi fastholder afslaget.",
        GROUNDS["legal_rules"],
        REASSESSED,
        "Talte med moren om søvnen og skolen.",
        "Han vågner hver nat.",
    ):
        assert expected.split(".")[0] in whole, expected
    assert len(text) >= 9  # the contents page, then a page per part


def test_forwarding_closes_records_and_tells_the_citizen(citizen, forwarded, upheld):
    upheld.refresh_from_db()
    assert upheld.status == "closed" and upheld.outcome == Complaint.Outcome.UPHELD_AND_FORWARDED
    assert upheld.forwarded_at == forwarded.forwarded_at
    event = upheld.events.get(kind=ComplaintEvent.Kind.FORWARDED)
    assert "Ankestyrelsen" in event.note
    email = Email.objects.get(recipient=citizen, subject__contains="sendt til klageinstansen")
    assert "Ankestyrelsen" in email.body
    assert Notice.objects.filter(user=citizen, title__contains="sendt til klageinstansen").exists()


def test_the_citizen_sees_where_her_complaint_went(client, citizen, forwarded, upheld):
    client.force_login(citizen)
    page = client.get(reverse("complaints:detail", args=[upheld.id])).content.decode()
    assert "Klagen er sendt til Ankestyrelsen" in page
    assert forwarded.get_pdf_url() in page
    assert forwarded.get_zip_url() not in page


def test_the_zip_holds_the_pdf_and_every_document(client, caseworker, forwarded, upheld):
    client.force_login(caseworker)
    response = client.get(forwarded.get_zip_url())
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names[0] == f"00 {upheld.reference} klagepakke.pdf"
    assert names[1:] == ["01 afgoerelse.pdf"]
    assert archive.read("01 afgoerelse.pdf") == PDF


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
def test_who_fetches_the_klagepakke(client, people, citizen, forwarded, role, status):
    already = max(PersonalDataAccess.objects.values_list("id", flat=True), default=0)  # the log is append-only
    client.force_login(people[role])
    assert client.get(forwarded.get_pdf_url()).status_code == status
    assert client.get(forwarded.get_zip_url()).status_code == status
    assert PersonalDataAccess.objects.filter(viewer=people[role], subject=citizen, id__gt=already).exists() == (
        role == "caseworker"
    )


def test_no_forwarding_without_an_upheld_decision(caseworker, with_original):
    with pytest.raises(ValidationError) as error:
        services.forward_complaint(actor=caseworker, complaint=with_original, grounds=REASSESSED, appeals_body="A")
    assert set(error.value.message_dict) == {"grounds"}


def test_no_forwarding_without_the_original_decision(caseworker, routed_complaint):
    services.send_decision(
        actor=caseworker, complaint=routed_complaint, kind="upheld", decision="Fastholdt.", **GROUNDS
    )
    with pytest.raises(ValidationError) as error:
        services.forward_complaint(actor=caseworker, complaint=routed_complaint, grounds=REASSESSED, appeals_body="A")
    assert set(error.value.message_dict) == {"original_decision"}
    # Staff upload it, and then it goes.
    complaint_services.add_complaint_attachment(
        actor=caseworker, complaint=routed_complaint, title="Afgørelse af 1. oktober", upload=pdf(), kind="decision"
    )
    assert services.forward_complaint(
        actor=caseworker, complaint=routed_complaint, grounds=REASSESSED, appeals_body="A"
    )


def test_bad_input_and_a_second_forwarding(caseworker, upheld):
    with pytest.raises(ValidationError) as error:
        services.forward_complaint(actor=caseworker, complaint=upheld, grounds=" ", appeals_body="")
    assert set(error.value.message_dict) == {"grounds", "appeals_body"}
    services.forward_complaint(actor=caseworker, complaint=upheld, grounds=REASSESSED, appeals_body="Ankestyrelsen")
    upheld.refresh_from_db()
    with pytest.raises((ValidationError, PermissionDenied)):
        services.forward_complaint(actor=caseworker, complaint=upheld, grounds=REASSESSED, appeals_body="Ankestyrelsen")
    assert Reassessment.objects.count() == 1


@pytest.mark.parametrize("role", ["citizen", "other_citizen", "other_caseworker", "committee_member"])
def test_only_the_department_forwards(people, upheld, role):
    with pytest.raises(PermissionDenied):
        services.forward_complaint(actor=people[role], complaint=upheld, grounds=REASSESSED, appeals_body="A")


def test_the_page_and_the_api_forward(api, client, caseworker, upheld, guidance):
    client.force_login(caseworker)
    url = reverse("casework:forward", args=[upheld.id])
    assert client.get(url).context["form"].initial["appeals_body"] == "Ankestyrelsen"
    assert client.post(url, {"grounds": "", "appeals_body": "Ankestyrelsen"}).status_code == 400
    response = api(caseworker).post(
        f"/api/complaints/{upheld.id}/forward/", {"grounds": REASSESSED, "appeals_body": "Ankestyrelsen"}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["klagepakke_url"] == Reassessment.objects.get().get_pdf_url()


def test_the_forward_page_points_to_the_missing_original(client, caseworker, routed_complaint):
    services.send_decision(
        actor=caseworker, complaint=routed_complaint, kind="upheld", decision="Fastholdt.", **GROUNDS
    )
    client.force_login(caseworker)
    url = reverse("casework:forward", args=[routed_complaint.id])
    page = client.get(url).content.decode()
    assert "Den oprindelige afgørelse mangler" in page
    response = client.post(url, {"grounds": REASSESSED, "appeals_body": "Ankestyrelsen"})
    assert response.status_code == 400 and "oprindelige afgørelse" in response.content.decode()
