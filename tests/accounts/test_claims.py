"""Claiming what Borgerservice filed for a citizen: by the one-time code on her receipt (page and API)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts import services
from accounts.models import ClaimAttempt, StandIn
from complaints.models import Complaint
from dialogue.models import Participant

pytestmark = pytest.mark.django_db


def owner_of(complaint) -> int:
    return Complaint.objects.get(id=complaint.id).citizen_id


def test_a_code_moves_the_complaint_and_its_thread_to_her(file_for_citizen, citizen):
    complaint, code = file_for_citizen()
    stand_in_user = complaint.citizen
    stand_in = services.claim_with_code(user=citizen, code=code.lower().replace("-", " "), address="10.0.0.1")
    assert stand_in.claimed_by == citizen and stand_in.claimed_at is not None
    assert owner_of(complaint) == citizen.id
    participants = dict(complaint.thread.participants.values_list("user_id", "role"))
    assert participants == {citizen.id: Participant.Role.CITIZEN}
    stand_in_user.refresh_from_db()
    assert not stand_in_user.is_active
    assert ClaimAttempt.objects.get().succeeded
    assert complaint.events.filter(kind="claimed", actor=citizen).exists()


def test_the_staff_reads_before_she_claimed_are_in_her_access_log(client, file_for_citizen, citizen, clerk):
    _complaint, code = file_for_citizen(cpr="6509993333")
    services.claim_with_code(user=citizen, code=code, address=None)
    client.force_login(citizen)
    log = client.get(reverse("access-log")).content.decode()
    assert "Bodil Service" in log and "CPR-nummer registreret" in log and "6509993333" not in log


def test_her_e_mail_given_at_the_counter_moves_to_a_mitid_account_without_one(file_for_citizen, citizen):
    citizen.email = "mitid-0123456789abcdef@borger.invalid"
    citizen.save()
    complaint, code = file_for_citizen(email="inger@example.dk")
    services.claim_with_code(user=citizen, code=code, address=None)
    citizen.refresh_from_db()
    assert citizen.email == "inger@example.dk"
    complaint.citizen.refresh_from_db()
    assert complaint.citizen.email.endswith("@borger.invalid")


def test_a_used_code_cannot_be_used_again(file_for_citizen, citizen, other_citizen):
    complaint, code = file_for_citizen()
    services.claim_with_code(user=citizen, code=code, address=None)
    with pytest.raises(ValidationError) as raised:
        services.claim_with_code(user=other_citizen, code=code, address=None)
    assert raised.value.message_dict["code"] == ["Koden er allerede brugt og kan ikke bruges igen."]
    assert owner_of(complaint) == citizen.id


def test_a_wrong_code_is_refused_and_changes_nothing(file_for_citizen, citizen):
    complaint, _code = file_for_citizen()
    for wrong in ("ABCD-EFGH-JKLM", "nonsense", ""):
        with pytest.raises(ValidationError) as raised:
            services.claim_with_code(user=citizen, code=wrong, address=None)
        assert raised.value.message_dict["code"] == [
            "Koden passer ikke. Tjek, at du har skrevet den som på kvitteringen."
        ]
    assert owner_of(complaint) == complaint.citizen_id
    assert StandIn.objects.get().claimed_by is None


def test_a_renewed_code_replaces_the_old_one(file_for_citizen, clerk, citizen):
    complaint, old = file_for_citizen()
    new = services.issue_claim_code(actor=clerk, stand_in=complaint.citizen.stand_in)
    with pytest.raises(ValidationError):
        services.claim_with_code(user=citizen, code=old, address=None)
    services.claim_with_code(user=citizen, code=new, address=None)
    assert owner_of(complaint) == citizen.id
    with pytest.raises(PermissionDenied):  # claimed: no more codes
        services.issue_claim_code(actor=clerk, stand_in=StandIn.objects.get())


def test_guesses_are_limited_per_person_with_a_clear_message(file_for_citizen, citizen, settings):
    settings.CLAIM_CODE_FAILURES_PER_USER = 3
    complaint, code = file_for_citizen()
    for _ in range(3):
        with pytest.raises(ValidationError):
            services.claim_with_code(user=citizen, code="ABCD-EFGH-JKLM", address="10.0.0.1")
    with pytest.raises(ValidationError) as raised:
        services.claim_with_code(user=citizen, code=code, address="10.0.0.2")  # even the right code now
    assert "For mange forkerte forsøg" in raised.value.message_dict["code"][0]
    assert owner_of(complaint) != citizen.id


def test_guesses_are_limited_per_address(file_for_citizen, citizen, other_citizen, english_citizen, settings):
    settings.CLAIM_CODE_FAILURES_PER_ADDRESS = 2
    complaint, code = file_for_citizen()
    for person in (citizen, other_citizen):
        with pytest.raises(ValidationError):
            services.claim_with_code(user=person, code="ABCD-EFGH-JKLM", address="10.0.0.9")
    with pytest.raises(ValidationError) as raised:
        services.claim_with_code(user=english_citizen, code=code, address="10.0.0.9")
    assert "For mange forkerte forsøg" in raised.value.message_dict["code"][0]
    services.claim_with_code(user=english_citizen, code=code, address="10.0.0.10")  # another address may
    assert owner_of(complaint) == english_citizen.id


def test_claiming_needs_a_substantial_login(file_for_citizen, citizen, settings):
    complaint, code = file_for_citizen()
    settings.PASSWORD_LOGIN_ASSURANCE = "low"
    with pytest.raises(PermissionDenied):
        services.claim_with_code(user=citizen, code=code, address=None)
    assert owner_of(complaint) != citizen.id and not ClaimAttempt.objects.exists()


# --- Doors -------------------------------------------------------------------------------------------------


def test_the_claim_page_moves_it_under_mine_klager(client, file_for_citizen, citizen):
    complaint, code = file_for_citizen()
    client.force_login(citizen)
    assert client.get(reverse("claim")).status_code == 200
    assert "Hent den med koden" in client.get(reverse("complaints:list")).content.decode()
    response = client.post(reverse("claim"), {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("complaints:list")
    page = response.content.decode()
    assert complaint.reference in page and "er nu dit" in page
    detail = client.get(reverse("complaints:detail", args=[complaint.id])).content.decode()
    assert "Oprettet af Borgerservice for borgeren" in detail


def test_the_claim_page_answers_bad_codes_in_danish(client, file_for_citizen, citizen, settings):
    settings.CLAIM_CODE_FAILURES_PER_USER = 1
    file_for_citizen()
    client.force_login(citizen)
    response = client.post(reverse("claim"), {"code": "ABCD-EFGH-JKLM"})
    assert response.status_code == 400
    assert "Koden passer ikke" in response.content.decode()
    response = client.post(reverse("claim"), {"code": "ABCD-EFGH-JKLM"})
    assert "For mange forkerte forsøg" in response.content.decode()


def test_the_claim_page_needs_login_and_the_level(client, citizen, settings):
    assert client.get(reverse("claim")).status_code == 302  # to the login page
    settings.PASSWORD_LOGIN_ASSURANCE = "low"
    client.force_login(citizen)
    response = client.get(reverse("claim"))
    assert response.status_code == 403 and "betydeligt" in response.content.decode()


def test_the_claim_api(api, file_for_citizen, citizen, other_citizen):
    complaint, code = file_for_citizen()
    assert api().post("/api/claims/", {"code": code}, format="json").status_code in (401, 403)
    assert api(citizen).post("/api/claims/", {"code": code}, format="json").json() == {"claimed": True}
    again = api(other_citizen).post("/api/claims/", {"code": code}, format="json")
    assert again.status_code == 400
    assert "Koden er allerede brugt" in str(again.json())
    assert owner_of(complaint) == citizen.id
    assert [c["id"] for c in api(citizen).get("/api/complaints/").json()] == [complaint.id]
