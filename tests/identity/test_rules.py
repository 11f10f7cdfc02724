"""The NSIS rule on every door, the CPR number's keeping, password login on and off, idle expiry."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from accounts import login_session
from accounts.models import CitizenIdentity, PersonalDataAccess, User
from accounts.permissions import has_assurance_for, require_assurance
from accounts.services import read_cpr, store_cpr, user_with_cpr
from complaints.models import Complaint
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "kind": "case_handling",
    "subject": "Ventetid",
    "description": "Jeg har ventet længe.",
    "contact_channel": "email",
}


def test_the_rule_table(citizen):
    citizen.assurance_level = "low"
    assert has_assurance_for(citizen, "support_idea")
    assert not has_assurance_for(citizen, "file_complaint")
    assert not has_assurance_for(citizen, "vote")
    citizen.assurance_level = "substantial"
    assert has_assurance_for(citizen, "file_complaint") and has_assurance_for(citizen, "vote")
    citizen.assurance_level = "high"
    assert has_assurance_for(citizen, "file_complaint")


def test_low_level_cannot_file_through_the_service(citizen, family):
    from complaints.services import file_complaint

    citizen.assurance_level = "low"
    with pytest.raises(PermissionDenied):
        file_complaint(citizen=citizen, department=family, **COMPLAINT)
    assert not Complaint.objects.exists()


def test_password_sessions_and_tokens_get_the_password_level(settings, citizen, family):
    settings.PASSWORD_LOGIN_ASSURANCE = "low"
    api = APIClient()
    token = api.post("/api/auth/token/", {"username": citizen.email, "password": PASSWORD}).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.post("/api/complaints/", {**COMPLAINT, "department": family.slug}, format="json")
    assert response.status_code == 403
    assert "MitID" in response.json()["detail"]
    assert not Complaint.objects.exists()

    page = APIClient()
    page.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    assert page.session[login_session.LEVEL_KEY] == "low"
    assert page.get("/klager/ny/").status_code == 403
    response = page.post("/api/complaints/", {**COMPLAINT, "department": family.slug}, format="json")
    assert response.status_code == 403


def test_the_session_level_is_what_counts_on_pages_and_the_session_api(settings, client, citizen, family):
    settings.PASSWORD_LOGIN_ASSURANCE = "low"
    client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    settings.PASSWORD_LOGIN_ASSURANCE = "substantial"  # the session still carries "low"
    body = {**COMPLAINT, "department": family.slug}
    assert client.post("/api/complaints/", body, content_type="application/json").status_code == 403
    session = client.session
    session[login_session.LEVEL_KEY] = "substantial"
    session.save()
    response = client.post("/api/complaints/", body, content_type="application/json")
    assert response.status_code == 201, response.content


def test_password_login_can_be_switched_off(settings, client, citizen):
    settings.PASSWORD_LOGIN = False
    settings.AUTHENTICATION_BACKENDS = ["rules.permissions.ObjectPermissionBackend"]
    page = client.get("/accounts/login/")
    assert 'name="password"' not in page.content.decode()
    response = client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "slået fra" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert APIClient().post("/api/auth/token/", {"username": citizen.email, "password": PASSWORD}).status_code == 400


def test_citizen_session_expires_after_idle_time(settings, client, citizen, caseworker):
    client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_SECONDS_CITIZEN == 1800
    client.logout()
    client.post("/accounts/login/", {"username": caseworker.email, "password": PASSWORD})
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_SECONDS_STAFF


def test_cpr_is_kept_as_keyed_hash_and_encrypted(settings, citizen, caseworker):
    settings.CPR_ENCRYPTION_KEY = Fernet.generate_key().decode()
    assert store_cpr(user=citizen, cpr="610180-1234")
    identity = CitizenIdentity.objects.get(user=citizen)
    assert len(identity.cpr_hash) == 64 and "6101801234" not in identity.cpr_hash
    assert "6101801234" not in identity.cpr_encrypted and identity.cpr_encrypted
    assert user_with_cpr(cpr="6101801234") == citizen
    assert not PersonalDataAccess.objects.exists()  # matching at her own login is not a read by staff
    assert user_with_cpr(cpr="6101801234", viewer=caseworker, purpose="Borgerservice fandt borgeren") == citizen
    assert read_cpr(viewer=caseworker, subject=citizen, purpose="sagssystem") == "6101801234"
    assert list(PersonalDataAccess.objects.values_list("what", flat=True)) == [
        "CPR-nummer læst: sagssystem",
        "Borgerservice fandt borgeren",
    ]
    # A different key gives a different hash: without the key the hash says nothing.
    settings.CPR_HASH_KEY = "another-key"
    assert user_with_cpr(cpr="6101801234") is None


def test_cpr_not_kept_without_a_key_nor_when_malformed(settings, citizen, other_citizen):
    assert not store_cpr(user=citizen, cpr="12345")
    assert store_cpr(user=citizen, cpr="6101801234")
    assert not store_cpr(user=other_citizen, cpr="6101801234")  # one number, one account
    settings.CPR_HASH_KEY = ""
    assert not store_cpr(user=other_citizen, cpr="6203854321")
    assert CitizenIdentity.objects.count() == 1


def test_cpr_is_never_shown_in_admin(admin_client, citizen):
    store_cpr(user=citizen, cpr="6101801234")
    page = admin_client.get(f"/admin/accounts/user/{citizen.id}/change/")
    assert page.status_code == 200
    assert "6101801234" not in page.content.decode()


def test_low_level_api_support_is_allowed(settings, citizen):
    citizen.assurance_level = "low"
    require_assurance(user=citizen, action="support_idea")
    assert User.objects.filter(id=citizen.id).exists()
