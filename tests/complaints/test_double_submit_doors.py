"""The complaint's other creating doors sent twice (the form's hidden key, the API's Idempotency-Key): a complaint
filed by citizen service, more information, a document, a power of attorney given or recorded on paper, and a
contact logged through the API — each made once, and the second gets the first's answer, never a 500."""

import pytest
from django.urls import reverse

from complaints.models import Complaint, ComplaintAttachment, ComplaintEvent, ContactLog, ContactTask, Representation
from tests.complaints.representation_helpers import days, pdf, today
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db


ASSISTED_FORM = {
    "full_name": "Inger Madsen",
    "identified_by": "phone_only",
    "consent": "on",
    "postal_address": "Kanalstræde 2\n4300 Holbæk",
    "phone": "22 33 44 55",
    "receipt_by_letter": "on",
    "kind": "case_handling",
    "subject": "Ingen svar på min ansøgning",
    "description": "Jeg har ventet i tre måneder på svar om hjælp i hjemmet.",
    "contact_channel": "phone",
}
ASSISTED_API = {
    **ASSISTED_FORM,
    "identified_by": "seen_id",
    "consent": True,
    "receipt_by_letter": True,
    "department": "familiecentret",
}
CONTACT = {
    "channel": "phone",
    "contacted_at": "2026-11-26T10:00:00+01:00",
    "summary": "Talte med borgeren om sagen.",
    "citizen_understood_decision": "yes",
}


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def test_citizen_service_files_once_on_a_double_click_and_the_receipt_shows_the_code(client, clerk, family):
    client.force_login(clerk)
    url = reverse("complaints:assisted-create")
    form = {**ASSISTED_FORM, "department": family.id, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Complaint.objects.count() == 1
    # The browser follows the second answer: the receipt still shows the code the first made.
    page = client.get(second["Location"]).content.decode()
    assert len(page.split('class="claim-code"><strong>')[1].split("<")[0]) == 14


def test_the_assisted_api_answers_a_repeated_key_with_the_first_complaint_without_its_code(api, clerk, family):
    first = api(clerk).post("/api/assisted-complaints/", ASSISTED_API, format="json", HTTP_IDEMPOTENCY_KEY="a-1")
    again = api(clerk).post("/api/assisted-complaints/", ASSISTED_API, format="json", HTTP_IDEMPOTENCY_KEY="a-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert len(first.json()["claim_code"]) == 14 and again.json()["claim_code"] is None
    assert Complaint.objects.count() == 1


def test_more_information_sent_twice_is_added_once(client, citizen, routed_complaint):
    client.force_login(citizen)
    url = reverse("complaints:add-information", args=[routed_complaint.id])
    key = hidden_key(client.get(url).content.decode())
    before = ComplaintEvent.objects.filter(complaint=routed_complaint).count()
    for _ in range(2):
        form = {"text": "Jeg har fået en ny lægeerklæring.", "documents": [pdf()], "idempotency_key": key}
        response = client.post(url, form)
        assert response.status_code == 302
    assert ComplaintEvent.objects.filter(complaint=routed_complaint).count() == before + 1
    assert ComplaintAttachment.objects.filter(complaint=routed_complaint).count() == 1


def test_a_document_sent_twice_is_added_once_on_the_page_and_the_api(client, api, citizen, routed_complaint):
    client.force_login(citizen)
    url = reverse("complaints:attachments", args=[routed_complaint.id])
    key = hidden_key(client.get(url).content.decode())
    for _ in range(2):
        form = {"kind": "document", "title": "Lægeerklæring", "file": pdf(), "idempotency_key": key}
        assert client.post(url, form).status_code == 302
    assert ComplaintAttachment.objects.filter(complaint=routed_complaint).count() == 1
    api_url = f"/api/complaints/{routed_complaint.id}/attachments/"
    sent = [
        api(citizen).post(api_url, {"title": "Brev", "file": pdf()}, format="multipart", HTTP_IDEMPOTENCY_KEY="d-1")
        for _ in range(2)
    ]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert ComplaintAttachment.objects.filter(complaint=routed_complaint).count() == 2


def test_a_power_of_attorney_given_twice_is_given_once(client, api, citizen, relative, stranger, routed_complaint):
    client.force_login(citizen)
    key = hidden_key(client.get("/fuldmagter/").content.decode())
    form = {
        "representative_email": relative.email,
        "scope": str(routed_complaint.id),
        "valid_from": today().isoformat(),
        "valid_until": days(14).isoformat(),
        "idempotency_key": key,
    }
    first, second = client.post("/fuldmagter/", form), client.post("/fuldmagter/", form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Representation.objects.count() == 1
    body = {"representative_email": stranger.email, "valid_from": today().isoformat()}
    sent = [
        api(citizen).post("/api/representations/", body, format="json", HTTP_IDEMPOTENCY_KEY="r-1") for _ in range(2)
    ]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json()["id"] == sent[1].json()["id"]
    assert Representation.objects.count() == 2


def test_a_paper_power_of_attorney_recorded_twice_is_recorded_once(
    client, api, caseworker, relative, stranger, routed_complaint
):
    client.force_login(caseworker)
    page = client.get(f"/klager/{routed_complaint.id}/").content.decode()
    form_html = page.split("record-representation", 1)[1]
    form = {
        "representative_email": relative.email,
        "valid_from": today().isoformat(),
        "valid_until": "",
        "title": "Underskrevet fuldmagt",
        "idempotency_key": hidden_key(form_html),
    }
    for _ in range(2):
        response = client.post(f"/klager/{routed_complaint.id}/fuldmagt/", {**form, "file": pdf()})
        assert response.status_code == 302
    assert Representation.objects.count() == 1
    url = f"/api/complaints/{routed_complaint.id}/representations/"
    body = {"representative_email": stranger.email, "valid_from": today().isoformat(), "title": "Fuldmagt"}
    sent = [
        api(caseworker).post(url, {**body, "file": pdf()}, format="multipart", HTTP_IDEMPOTENCY_KEY="p-1")
        for _ in range(2)
    ]
    assert [response.status_code for response in sent] == [201, 201], sent[0].content
    assert sent[0].json()["id"] == sent[1].json()["id"]


def test_the_contact_api_logs_once_per_key_and_refuses_a_second_contact_without_it(api, caseworker, routed_complaint):
    task = ContactTask.objects.get(complaint=routed_complaint)
    url = f"/api/tasks/{task.id}/contacts/"
    sent = [api(caseworker).post(url, CONTACT, format="json", HTTP_IDEMPOTENCY_KEY="c-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert ContactLog.objects.filter(task=task).count() == 1
    assert api(caseworker).post(url, CONTACT, format="json").status_code == 400
