"""The complaint in steps (issue 9): each step its own page that works without JavaScript, the draft kept on the
server per citizen, "Tjek dine svar" with "Ret", one complaint however often "Send" is pressed, a printable
receipt with the summary; character limits told, not cut."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import login_session
from complaints import services
from complaints.anonymisation import discard_drafts
from complaints.models import Complaint, ComplaintDraft, ComplaintDraftFile
from complaints.selectors import own_data_of
from tests.complaints.intake_pages import answer_steps, send_draft
from tests.complaints.payloads import VALID_PAYLOAD
from tests.complaints.test_routing_concurrency import in_threads
from tests.files import PDF

pytestmark = pytest.mark.django_db


def pdf(name="afgoerelse.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def data(family):
    return {**VALID_PAYLOAD, "department": family.id}


def step_url(step: str) -> str:
    return reverse("complaints:create-step", args=[step])


def test_each_step_leads_to_the_next_and_tjek_dine_svar_shows_every_answer_with_ret(client, citizen, data):
    client.force_login(citizen)
    assert client.get(reverse("complaints:create"))["Location"] == step_url("om")
    first = client.post(step_url("om"), {k: data[k] for k in ("kind", "department", "case_number", "decision_date")})
    assert first["Location"] == step_url("detaljer")
    second = client.post(step_url("detaljer"), {k: data[k] for k in ("subject", "description", "desired_outcome")})
    assert second["Location"] == step_url("kontakt")
    third = client.post(step_url("kontakt"), {k: data[k] for k in ("contact_channel", "phone", "contact_time")})
    assert third["Location"] == reverse("complaints:create-check")

    check = client.get(reverse("complaints:create-check")).content.decode()
    for shown in ("Klage over en afgørelse", "Familiecentret", "13/37262", "20. november 2026", "Afslag på aflastning",
                  "Telefon", "12 34 56 78", "Hverdage efter kl. 15", "Nej"):  # fmt: skip
        assert shown in check, shown
    for step in ("om", "detaljer", "kontakt"):
        assert f'href="{step_url(step)}?tjek=1"' in check
    assert 'aria-current="step"' in check
    assert not Complaint.objects.exists()


def test_send_files_the_complaint_once_and_the_receipt_holds_the_summary(client, citizen, data):
    client.force_login(citizen)
    answer_steps(client, data)
    draft_id = client.get(reverse("complaints:create-check")).context["draft"].id
    first = client.post(reverse("complaints:create-check"), {"draft": draft_id})
    again = client.post(reverse("complaints:create-check"), {"draft": draft_id})
    complaint = Complaint.objects.get()
    assert first["Location"] == again["Location"] == reverse("complaints:receipt", args=[complaint.id])
    assert (complaint.subject, complaint.phone, complaint.case_number) == (
        "Afslag på aflastning",
        "12 34 56 78",
        "13/37262",
    )
    receipt = client.get(first["Location"]).content.decode()
    assert complaint.reference in receipt
    assert "Det har du sendt" in receipt and "Hverdage efter kl. 15" in receipt
    assert 'id="print-receipt"' in receipt
    assert "?tjek=1" not in receipt  # nothing to correct on a receipt
    assert ComplaintDraft.objects.get().answers == {}  # the draft keeps only which complaint it became
    # A new complaint starts empty.
    assert client.get(step_url("om")).context["form"].initial == {}


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_once_file_one_complaint(citizen, family):
    services.save_complaint_draft(citizen=citizen, answers={"subject": "Afslag"})
    draft = ComplaintDraft.objects.get()
    fields = {**VALID_PAYLOAD, "department": family, "decision_date": None}
    results = in_threads(
        lambda _: services.send_complaint_draft(citizen=citizen, draft_id=draft.id, **fields).id, [1, 2, 3]
    )
    assert len(set(results)) == 1, results
    assert Complaint.objects.count() == 1


def test_the_draft_survives_a_reload_and_a_new_login(client, citizen, data):
    client.force_login(citizen)
    client.post(step_url("om"), {"kind": "case_handling", "department": data["department"]})
    page = client.get(step_url("om")).content.decode()
    assert 'value="case_handling" required id="id_kind_1" checked' in page or (
        'value="case_handling"' in page and "checked" in page
    )
    client.logout()
    client.force_login(citizen)
    form = client.get(step_url("om")).context["form"]
    assert form.initial["kind"] == "case_handling"
    assert ComplaintDraft.objects.filter(citizen=citizen).count() == 1


def test_ret_goes_back_to_tjek_dine_svar(client, citizen, data):
    client.force_login(citizen)
    answer_steps(client, data)
    page = client.get(step_url("detaljer") + "?tjek=1").content.decode()
    assert 'name="tjek" value="1"' in page and "Gem og tjek dine svar" in page
    response = client.post(
        step_url("detaljer"), {"tjek": "1", "subject": "Ny overskrift", "description": data["description"]}
    )
    assert response["Location"] == reverse("complaints:create-check")
    assert "Ny overskrift" in client.get(response["Location"]).content.decode()


def test_tjek_dine_svar_sends_her_to_the_first_step_not_done(client, citizen, data):
    client.force_login(citizen)
    assert client.get(reverse("complaints:create-check"))["Location"] == step_url("om")
    client.post(step_url("om"), {"kind": "other", "department": data["department"]})
    assert client.get(reverse("complaints:create-check"))["Location"] == step_url("detaljer")
    response = client.post(reverse("complaints:create-check"), {"draft": ComplaintDraft.objects.get().id})
    assert response["Location"] == step_url("detaljer")
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    ("step", "posted", "field", "message"),
    [
        ("om", {"kind": "decision", "decision_date": "2999-01-01"}, "decision_date", "kan ikke ligge i fremtiden"),
        ("om", {"kind": "sjov"}, "kind", "Marker en gyldig valgmulighed"),
        ("detaljer", {"subject": "Hej", "description": "x" * 10001}, "description", "højst have 10000 tegn"),
        ("detaljer", {"subject": "x" * 201, "description": "Det er for galt."}, "subject", "højst have 200 tegn"),
        ("kontakt", {"contact_channel": "phone", "phone": ""}, "phone", "Skriv dit telefonnummer"),
        ("kontakt", {"contact_channel": "email", "phone": "12"}, "phone", "mindst 8 cifre"),
    ],
)
def test_a_step_refuses_bad_input_in_danish_and_keeps_nothing_of_it(
    client, citizen, data, step, posted, field, message
):
    client.force_login(citizen)
    response = client.post(step_url(step), posted)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert 'id="error-summary"' in response.content.decode()
    assert not ComplaintDraft.objects.exists()


def test_long_fields_count_characters_instead_of_cutting(client, citizen):
    client.force_login(citizen)
    page = client.get(step_url("detaljer")).content.decode()
    assert 'class="form-group form-limit" data-maxlength="10000"' in page
    assert 'data-maxlength="4000"' in page  # desired outcome
    assert "Du kan indtaste op til 10000 tegn" in page
    textarea = page[page.index("<textarea") : page.index("</textarea>")]
    assert "maxlength" not in textarea and "form-input" in textarea
    assert 'aria-describedby="id_description_helptext id_description_limit"' in textarea
    assert '<span id="id_description_limit" class="sr-only">Du kan indtaste op til 10000 tegn</span>' in page


def test_files_wait_on_the_draft_can_be_removed_and_go_with_the_complaint(
    client, citizen, data, django_capture_on_commit_callbacks
):
    storage = ComplaintDraftFile._meta.get_field("file").storage
    client.force_login(citizen)
    details = {k: data[k] for k in ("subject", "description")}
    client.post(step_url("detaljer"), {**details, "decision_file": pdf(), "documents": [pdf("a.pdf"), pdf("b.pdf")]})
    first_decision = ComplaintDraftFile.objects.get(kind="decision").file.name
    with django_capture_on_commit_callbacks(execute=True):  # a new decision file replaces the old
        client.post(step_url("detaljer"), {**details, "decision_file": pdf("ny-afgoerelse.pdf")})
    assert not storage.exists(first_decision)
    files = ComplaintDraftFile.objects.order_by("kind", "file_name")
    assert [(f.kind, f.file_name) for f in files] == [
        ("decision", "ny-afgoerelse.pdf"), ("document", "a.pdf"), ("document", "b.pdf")
    ]  # fmt: skip
    page = client.get(step_url("detaljer")).content.decode()
    assert "ny-afgoerelse.pdf" in page and "Fjern" in page
    removed = files.get(file_name="b.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("complaints:create-file-remove", args=[removed.id]))
    assert not ComplaintDraftFile.objects.filter(id=removed.id).exists()
    assert not storage.exists(removed.file.name)
    kept = [f.file.name for f in ComplaintDraftFile.objects.all()]
    assert len(kept) == 2 and all(storage.exists(name) for name in kept)

    answer_steps(client, {k: v for k, v in data.items() if k not in ("subject", "description")} | details)
    assert "ny-afgoerelse.pdf, " not in client.get(reverse("complaints:create-check")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = send_draft(client)
    complaint = Complaint.objects.get()
    assert sorted(complaint.attachments.values_list("kind", "file_name")) == [
        ("decision", "ny-afgoerelse.pdf"), ("document", "a.pdf")
    ]  # fmt: skip
    assert not ComplaintDraftFile.objects.exists()
    assert not any(storage.exists(name) for name in kept)
    assert all(storage.exists(attachment.file.name) for attachment in complaint.attachments.all())
    assert "ny-afgoerelse.pdf" in client.get(response["Location"]).content.decode()


def test_a_bad_file_is_refused_at_its_field(client, citizen):
    client.force_login(citizen)
    response = client.post(
        step_url("detaljer"), {"subject": "Afslag", "description": "Jeg er uenig.", "documents": [pdf(content=b"x")]}
    )
    assert response.status_code == 400
    assert "Filen skal være en PDF" in " ".join(response.context["form"].errors["documents"])
    assert not ComplaintDraftFile.objects.exists()


def test_someone_else_cannot_send_see_or_empty_her_draft(client, citizen, other_citizen, data):
    client.force_login(citizen)
    answer_steps(client, data)
    client.post(step_url("detaljer"), {"subject": "Afslag", "description": "Jeg er uenig.", "decision_file": pdf()})
    draft = ComplaintDraft.objects.get()
    client.force_login(other_citizen)
    assert client.get(step_url("om")).context["form"].initial == {}
    assert client.post(reverse("complaints:create-check"), {"draft": draft.id})["Location"] == step_url("om")
    client.post(reverse("complaints:create-file-remove", args=[draft.files.get().id]))
    assert draft.files.count() == 1
    with pytest.raises(Exception, match="Kladden findes ikke"):
        services.send_complaint_draft(citizen=other_citizen, draft_id=draft.id, **VALID_PAYLOAD)
    assert not Complaint.objects.exists()


def test_a_login_below_the_assurance_level_gets_neither_the_steps_nor_a_draft(client, citizen):
    client.force_login(citizen)
    session = client.session
    session[login_session.LEVEL_KEY] = "low"
    session.save()
    for url in (step_url("om"), reverse("complaints:create-check")):
        assert client.get(url).status_code == 403
    assert client.post(step_url("om"), {"kind": "other"}).status_code == 403
    citizen.assurance_level = "low"
    with pytest.raises(PermissionDenied):
        services.save_complaint_draft(citizen=citizen, answers={"kind": "other"})
    assert not ComplaintDraft.objects.exists()


def test_an_unknown_step_is_404(client, citizen):
    client.force_login(citizen)
    assert client.get(step_url("betaling")).status_code == 404


def test_the_steps_need_a_login(client):
    for url in (step_url("om"), reverse("complaints:create-check")):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_open_draft_is_in_her_data_export_and_goes_when_all_her_data_is_erased(
    citizen, data, django_capture_on_commit_callbacks
):
    services.save_complaint_draft(citizen=citizen, answers={"subject": "Afslag på aflastning"})
    services.add_complaint_draft_files(citizen=citizen, documents=[pdf("a.pdf")])
    exported = own_data_of(user=citizen)["kladder"]
    assert exported[0]["svar"] == {"subject": "Afslag på aflastning"} and exported[0]["filer"] == ["a.pdf"]
    stored = ComplaintDraftFile.objects.get().file
    with django_capture_on_commit_callbacks(execute=True):
        assert discard_drafts(citizen_id=citizen.id) >= 1
    assert not ComplaintDraft.objects.exists() and not stored.storage.exists(stored.name)
