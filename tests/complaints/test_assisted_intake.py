"""Assisted intake: Borgerservice files a complaint for a citizen who is not online, through the same intake."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts import cpr as cprkit
from accounts.models import CommitteeMembership, Department, DepartmentMembership, PersonalDataAccess, StandIn, User
from complaints import services, tasks
from complaints.models import Complaint, ContactTask
from dialogue.models import Participant
from notifications.models import Email
from tests.conftest import make_user
from tests.documents.reading import pages

pytestmark = pytest.mark.django_db

FORM = {
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


def counts():
    return (User.objects.count(), StandIn.objects.count(), Complaint.objects.count(), Email.objects.count())


def test_the_complaint_belongs_to_a_stand_in_and_takes_the_same_way_as_any(file_for_citizen, clerk, caseworker):
    complaint, code = file_for_citizen()
    stand_in = StandIn.objects.get(user=complaint.citizen)
    assert stand_in.claimed_by is None and stand_in.created_by == clerk
    assert stand_in.department.slug == "borgerservice"
    assert stand_in.identified_by == "phone_only" and stand_in.consent_at is not None
    assert complaint.citizen.full_name == "Inger Madsen"
    assert complaint.citizen.email.endswith("@borger.invalid")  # she gave no e-mail
    assert not complaint.citizen.has_usable_password()
    assert complaint.filed_by == clerk
    assert complaint.filed_for_citizen_label == "Oprettet af Borgerservice for borgeren"
    assert complaint.events.get().actor == clerk
    assert complaint.phone == "22 33 44 55"
    # Only the code's hash is kept.
    assert stand_in.claim_code_hash == hashlib.sha256(code.replace("-", "").encode()).hexdigest()
    assert code.replace("-", "") not in str(StandIn.objects.filter(id=stand_in.id).values().get())
    # The same routing as a citizen's own complaint: the early-contact task, the caseworker in the thread.
    task = services.route_complaint(complaint_id=complaint.id)
    assert task.kind == ContactTask.Kind.EARLY_CONTACT and task.assignee == caseworker
    roles = dict(complaint.thread.participants.values_list("user_id", "role"))
    assert roles == {complaint.citizen_id: Participant.Role.CITIZEN, caseworker.id: Participant.Role.STAFF}


def test_cpr_is_kept_only_as_its_keyed_hash_and_the_write_is_logged(file_for_citizen, clerk):
    complaint, _code = file_for_citizen(cpr="650999-3333")
    stand_in = complaint.citizen.stand_in
    assert stand_in.cpr_hash == cprkit.keyed_hash("6509993333")
    assert "6509993333" not in str(StandIn.objects.filter(id=stand_in.id).values().get())
    access = PersonalDataAccess.objects.get(subject=complaint.citizen)
    assert access.viewer == clerk and "CPR" in access.what and "6509993333" not in access.what


def test_cpr_is_encrypted_at_rest_only_when_configured(file_for_citizen, settings):
    from cryptography.fernet import Fernet

    settings.CPR_ENCRYPTION_KEY = Fernet.generate_key().decode()
    complaint, _code = file_for_citizen(cpr="6509993333")
    token = complaint.citizen.stand_in.cpr_encrypted
    assert token and "6509993333" not in token and cprkit.decrypt(token) == "6509993333"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"consent": False}, "consent", "Borgeren skal have sagt ja"),
        ({"identified_by": ""}, "identified_by", "Vælg, hvordan borgeren er identificeret."),
        (
            {"postal_address": "", "phone": "", "receipt_by_letter": False, "receipt_by_email": True},
            "email",
            "Skriv borgerens e-mail",
        ),
        (
            {"postal_address": "", "phone": "", "email": "", "receipt_by_letter": False, "receipt_by_email": False},
            "receipt_by_letter",
            "Vælg, hvordan borgeren får sin kvittering",
        ),
        (
            {"postal_address": "", "phone": "", "contact_channel": "email"},
            "postal_address",
            "Skriv borgerens postadresse",
        ),
        ({"cpr": "12345"}, "cpr", "Et CPR-nummer er 10 cifre"),
        ({"email": "ikke-en-adresse", "receipt_by_email": True}, "email", "Skriv en gyldig e-mailadresse"),
        ({"email": "borger@example.dk"}, "email", "Der findes allerede en konto med denne e-mail"),
        ({"full_name": " "}, "full_name", "Skriv borgerens navn."),
        ({"phone": "", "contact_channel": "phone"}, "phone", "Skriv dit telefonnummer"),
        ({"subject": "x"}, "subject", ""),
    ],
)
def test_bad_input_gets_a_danish_error_and_changes_nothing(file_for_citizen, citizen, overrides, field, message):
    before = counts()
    with pytest.raises(ValidationError) as raised:
        file_for_citizen(**overrides)
    assert field in raised.value.message_dict, raised.value.message_dict
    assert message in " ".join(raised.value.message_dict[field])
    assert counts() == before


def test_no_way_to_reach_her_is_refused(file_for_citizen):
    before = counts()
    with pytest.raises(ValidationError) as raised:
        file_for_citizen(
            postal_address="",
            phone="",
            contact_channel="email",
            receipt_by_letter=False,
            receipt_by_email=True,
            email="",
        )
    assert "email" in raised.value.message_dict
    assert counts() == before


def test_cpr_is_refused_when_the_municipality_keeps_none(file_for_citizen, settings):
    settings.CPR_HASH_KEY = ""
    before = counts()
    with pytest.raises(ValidationError) as raised:
        file_for_citizen(cpr="6509993333")
    assert raised.value.message_dict["cpr"] == ["Kommunen gemmer ikke CPR-numre. Lad feltet stå tomt."]
    assert counts() == before


@pytest.mark.parametrize("who", ["caseworker", "citizen", "secretary", "lead"])
def test_only_citizen_service_may_file_for_citizens(request, file_for_citizen, who):
    actor = request.getfixturevalue(who)
    before = counts()
    with pytest.raises(PermissionDenied):
        file_for_citizen(actor=actor)
    assert counts() == before


def test_citizen_service_needs_a_strong_enough_login(file_for_citizen, settings):
    settings.PASSWORD_LOGIN_ASSURANCE = "low"
    with pytest.raises(PermissionDenied) as raised:
        file_for_citizen()
    assert "betydeligt" in str(raised.value)


def test_file_complaint_refuses_a_filer_for_a_real_account(clerk, citizen, family):
    with pytest.raises(PermissionDenied):
        services.file_complaint(
            citizen=citizen,
            filed_by=clerk,
            kind="other",
            department=family,
            subject="Emne",
            description="En beskrivelse, der er lang nok.",
            contact_channel="email",
        )
    assert not Complaint.objects.exists()


def test_receipt_by_email_carries_the_code_and_is_her_only_acknowledgement(file_for_citizen, outbox):
    complaint, code = file_for_citizen(email="inger@example.dk", receipt_by_email=True)
    assert complaint.citizen.email == "inger@example.dk"
    tasks.acknowledge_complaint.apply(args=[complaint.id])
    email = Email.objects.get()
    assert email.to_address == "inger@example.dk"
    assert code in email.body and complaint.reference in email.subject
    assert "Borgerservice" in email.body and "/mine-data/hent-sag/" in email.body


# --- The pages ---------------------------------------------------------------------------------------------


def test_clerk_files_on_the_page_sees_the_code_once_and_prints_the_letter(client, clerk, family):
    client.force_login(clerk)
    assert client.get("/borgerservice/").status_code == 200
    assert client.get("/borgerservice/klager/ny/").status_code == 200
    response = client.post("/borgerservice/klager/ny/", {**FORM, "department": family.id})
    assert response.status_code == 302, response.content.decode()[:2000]
    complaint = Complaint.objects.get()
    assert response["Location"] == reverse("complaints:assisted-receipt", args=[complaint.id])
    page = client.get(response["Location"]).content.decode()
    code = page.split('class="claim-code"><strong>')[1].split("<")[0]
    assert len(code) == 14 and "Oprettet af Borgerservice for borgeren" in page

    pdf = client.get(reverse("complaints:assisted-receipt-pdf", args=[complaint.id]))
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(pages(pdf))
    for expected in ("Inger Madsen", "Kanalstræde 2", "4300 Holbæk", complaint.reference, code, "MitID"):
        assert expected in text, expected
    assert PersonalDataAccess.objects.filter(viewer=clerk, subject=complaint.citizen).exists()

    # Done: the code leaves the session and is never shown again; a new one replaces it.
    client.post(reverse("complaints:assisted-done", args=[complaint.id]))
    page = client.get(reverse("complaints:assisted-receipt", args=[complaint.id])).content.decode()
    assert code not in page
    assert client.get(reverse("complaints:assisted-receipt-pdf", args=[complaint.id])).status_code == 404
    old_hash = StandIn.objects.get().claim_code_hash
    client.post(reverse("complaints:assisted-new-code", args=[complaint.id]))
    page = client.get(reverse("complaints:assisted-receipt", args=[complaint.id])).content.decode()
    new_code = page.split('class="claim-code"><strong>')[1].split("<")[0]
    assert new_code != code and StandIn.objects.get().claim_code_hash != old_hash


def test_the_form_shows_danish_errors_and_never_writes_the_cpr_back(client, clerk, family):
    client.force_login(clerk)
    before = counts()
    data = {**FORM, "department": family.id, "cpr": "6509993333"}
    del data["consent"]
    response = client.post("/borgerservice/klager/ny/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Borgeren skal have sagt ja til, at du opretter henvendelsen for hende." in page
    assert "6509993333" not in page
    assert counts() == before


@pytest.mark.parametrize("who", ["caseworker", "citizen", "secretary"])
def test_other_roles_get_403_on_the_pages_and_404_on_a_receipt(request, client, file_for_citizen, family, who):
    complaint, _code = file_for_citizen()
    client.force_login(request.getfixturevalue(who))
    assert client.get("/borgerservice/").status_code == 403
    assert client.get("/borgerservice/klager/ny/").status_code == 403
    assert client.post("/borgerservice/klager/ny/", {**FORM, "department": family.id}).status_code == 403
    for name in ("assisted-receipt", "assisted-receipt-pdf"):
        assert client.get(reverse(f"complaints:{name}", args=[complaint.id])).status_code == 404
    assert client.post(reverse("complaints:assisted-new-code", args=[complaint.id])).status_code == 404
    assert Complaint.objects.count() == 1


def test_citizen_service_of_another_department_gets_404(client, file_for_citizen):
    other = Department.objects.create(name="Borgerservice Tølløse", slug="bs-tollose")
    colleague = make_user("bs2@example.dk", "Kim Skranke")
    DepartmentMembership.objects.create(user=colleague, department=other, role="citizen_service")
    complaint, _code = file_for_citizen()
    client.force_login(colleague)
    assert client.get(reverse("complaints:assisted-receipt", args=[complaint.id])).status_code == 404
    assert client.get("/borgerservice/").content.decode().count(complaint.reference) == 0


def test_the_caseworker_sees_who_filed_it_on_the_complaint_task_and_timeline(client, file_for_citizen, caseworker):
    complaint, _code = file_for_citizen()
    task = services.route_complaint(complaint_id=complaint.id)
    client.force_login(caseworker)
    label = "Oprettet af Borgerservice for borgeren"
    detail = client.get(reverse("complaints:detail", args=[complaint.id])).content.decode()
    assert label in detail and "oprettet af borgerservice for borgeren" in detail  # the timeline
    assert "Kun telefon" in detail and "Kanalstræde 2" in detail
    assert label in client.get(reverse("complaints:task", args=[task.id])).content.decode()
    assert label in client.get(reverse("complaints:inbox")).content.decode()
    assert client.get(f"/api/complaints/{complaint.id}/").json()["filed_for_citizen"] == label


def test_a_committee_member_never_sees_the_complaint(client, file_for_citizen, committee):
    member = make_user("medlem@example.dk", "Per Politiker")
    CommitteeMembership.objects.create(user=member, committee=committee, role="member")
    complaint, _code = file_for_citizen()
    client.force_login(member)
    assert client.get(reverse("complaints:detail", args=[complaint.id])).status_code == 404
    assert client.get(reverse("complaints:assisted-receipt", args=[complaint.id])).status_code == 404


# --- The API -----------------------------------------------------------------------------------------------

API = {
    "full_name": "Inger Madsen",
    "identified_by": "seen_id",
    "consent": True,
    "postal_address": "Kanalstræde 2\n4300 Holbæk",
    "phone": "22 33 44 55",
    "receipt_by_letter": True,
    "kind": "case_handling",
    "department": "familiecentret",
    "subject": "Ingen svar på min ansøgning",
    "description": "Jeg har ventet i tre måneder på svar om hjælp i hjemmet.",
    "contact_channel": "phone",
}


def test_api_files_for_a_citizen_and_answers_the_code_once(api, clerk, family):
    response = api(clerk).post("/api/assisted-complaints/", API, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    complaint = Complaint.objects.get(id=body["id"])
    assert complaint.filed_by == clerk and len(body["claim_code"]) == 14
    renewed = api(clerk).post(f"/api/assisted-complaints/{complaint.id}/new-code/")
    assert renewed.status_code == 200 and renewed.json()["claim_code"] != body["claim_code"]


def test_api_bad_input_is_400_in_danish_and_changes_nothing(api, clerk, family):
    before = counts()
    response = api(clerk).post("/api/assisted-complaints/", {**API, "consent": False, "cpr": "123"}, format="json")
    assert response.status_code == 400
    assert "Borgeren skal have sagt ja" in str(response.json())
    assert "Et CPR-nummer er 10 cifre" in str(response.json())
    assert counts() == before


@pytest.mark.parametrize("who", ["caseworker", "citizen", "secretary"])
def test_api_refuses_other_roles(request, api, file_for_citizen, family, who):
    complaint, _code = file_for_citizen()
    client = api(request.getfixturevalue(who))
    assert client.post("/api/assisted-complaints/", API, format="json").status_code == 403
    assert client.post(f"/api/assisted-complaints/{complaint.id}/new-code/").status_code == 404
    assert Complaint.objects.count() == 1
