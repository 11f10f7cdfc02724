"""API tokens (django-rest-knox): one per device, with an expiry, ended by logout, by the user from her list and by
a new password; the token endpoint keeps its lockout (tests/identity/test_lockout.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(user, device: str) -> str:
    answer = APIClient().post("/api/auth/token/", {"username": user.email, "password": PASSWORD, "device": device})
    assert answer.status_code == 201
    assert answer.json()["device"] == device and answer.json()["expiry"]
    return answer.json()["token"]


def client_with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def works(token: str) -> bool:
    return client_with(token).get("/api/complaints/").status_code == 200


def test_each_device_has_its_own_token_that_runs_out(citizen, settings):
    phone, laptop = log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    assert phone != laptop and works(phone) and works(laptop)
    stored = AuthToken.objects.get(device__name="Telefon")
    assert phone not in (stored.digest, stored.token_key)  # only the digest (and a prefix to find it) is kept
    assert stored.expiry - stored.created == pytest.approx(settings.API_TOKEN_TTL, abs=timedelta(seconds=5))

    AuthToken.objects.filter(device__name="Telefon").update(expiry=timezone.now() - timedelta(seconds=1))
    assert not works(phone) and works(laptop)


def test_logout_ends_the_devices_token_and_only_that_one(citizen):
    phone, laptop = log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    assert client_with(phone).post("/api/auth/logout/").status_code == 204
    assert not works(phone) and works(laptop)
    assert client_with(laptop).post("/api/auth/logout/?all=1").status_code == 204
    assert not works(laptop) and not AuthToken.objects.exists()


def test_she_lists_her_tokens_and_ends_one_but_never_anothers(citizen, other_citizen):
    phone, laptop = log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    others = log_in(other_citizen, "Hans telefon")
    listed = client_with(laptop).get("/api/auth/tokens/").json()
    assert [(t["device"], t["current"]) for t in listed] == [("Bærbar", True), ("Telefon", False)]
    assert all("token" not in t and phone not in str(t) for t in listed)

    phone_id = next(t["id"] for t in listed if t["device"] == "Telefon")
    others_id = client_with(others).get("/api/auth/tokens/").json()[0]["id"]
    assert client_with(laptop).delete(f"/api/auth/tokens/{others_id}/").status_code == 404
    assert works(others)
    assert client_with(laptop).delete(f"/api/auth/tokens/{phone_id}/").status_code == 204
    assert not works(phone) and works(laptop)


def test_a_new_password_ends_every_token(citizen):
    phone, laptop = log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    citizen.set_password("et helt andet kodeord")
    citizen.save()
    assert not works(phone) and not works(laptop)
    citizen.full_name = "Mette H. Hansen"
    citizen.save()  # a save without a new password ends nothing
    assert works(log_in_with(citizen, "et helt andet kodeord"))


def log_in_with(user, password: str) -> str:
    return APIClient().post("/api/auth/token/", {"username": user.email, "password": password}).json()["token"]


def test_the_number_of_tokens_is_capped_with_a_clear_message(citizen, settings):
    settings.API_TOKENS_PER_USER = 2
    log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    answer = APIClient().post("/api/auth/token/", {"username": citizen.email, "password": PASSWORD})
    assert answer.status_code == 400 and "Afbryd en af dem" in answer.json()["device"][0]


def test_the_page_lists_her_tokens_and_ends_one_without_javascript(client, citizen, other_citizen):
    phone, laptop = log_in(citizen, "Telefon"), log_in(citizen, "Bærbar")
    log_in(other_citizen, "Hans telefon")
    client.force_login(citizen)
    page = client.get("/min-profil/api-noegler/").content.decode()
    assert "Telefon" in page and "Bærbar" in page and "Hans telefon" not in page and phone not in page
    phone_id = AuthToken.objects.get(device__name="Telefon").device.public_id
    others_id = AuthToken.objects.get(device__name="Hans telefon").device.public_id
    assert client.post(f"/min-profil/api-noegler/{others_id}/afbryd/").status_code == 404
    assert client.post(f"/min-profil/api-noegler/{phone_id}/afbryd/").status_code == 302
    assert not works(phone) and works(laptop)
