"""Brute-force protection on every password door: the login page, the API token endpoint and the admin.

After AXES_FAILURE_LIMIT failures for one account, or from one address, the right password is refused too,
with a clear message in the user's language, until the cool-off has passed.
"""

import pytest
from axes.models import AccessAttempt
from rest_framework.test import APIClient

from tests.conftest import PASSWORD, make_user

LIMIT = 5


@pytest.fixture(autouse=True)
def failure_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def fail(client, door: str, email: str, times: int, **extra) -> None:
    """Wrong passwords; the last failure within the limit is already answered with the lockout."""
    for _ in range(times):
        answer = client.post(door, {"username": email, "password": "forkert"}, **extra)
        assert answer.status_code in (200, 400, 429), answer.status_code


@pytest.mark.parametrize("door", ["/accounts/login/", "/admin/login/"])
def test_a_page_login_is_refused_after_the_limit_even_with_the_right_password(client, citizen, door):
    fail(client, door, citizen.email, LIMIT)
    answer = client.post(door, {"username": citizen.email, "password": PASSWORD})
    assert answer.status_code == 429
    assert "For mange mislykkede loginforsøg" in answer.content.decode()
    assert int(answer["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session


def test_the_token_endpoint_is_refused_after_the_limit_with_a_json_message(citizen):
    client = APIClient()
    fail(client, "/api/auth/token/", citizen.email, LIMIT)
    answer = client.post("/api/auth/token/", {"username": citizen.email, "password": PASSWORD})
    assert answer.status_code == 429
    assert "For mange mislykkede loginforsøg" in answer.json()["detail"]
    assert "token" not in answer.json()


def test_failures_below_the_limit_then_the_right_password_logs_in_and_resets_the_count(client, citizen):
    fail(client, "/accounts/login/", citizen.email, LIMIT - 1)
    client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert not AccessAttempt.objects.filter(username=citizen.email).exists()


def test_one_address_trying_many_accounts_is_refused_for_every_account(client, citizen, db):
    for number in range(LIMIT):
        fail(client, "/accounts/login/", f"ukendt{number}@example.dk", 1)
    answer = client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD})
    assert answer.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_account_attacked_from_many_addresses_is_refused_from_a_new_one(client, citizen):
    for number in range(LIMIT):
        fail(client, "/accounts/login/", citizen.email, 1, REMOTE_ADDR=f"10.0.0.{number + 1}")
    answer = client.post("/accounts/login/", {"username": citizen.email, "password": PASSWORD}, REMOTE_ADDR="10.9.9.9")
    assert answer.status_code == 429


def test_another_account_from_another_address_is_not_affected(client, citizen, db):
    other = make_user("borger9@example.dk", "Anden Borger")
    fail(client, "/accounts/login/", citizen.email, LIMIT)
    client.post("/accounts/login/", {"username": other.email, "password": PASSWORD}, REMOTE_ADDR="10.1.1.1")
    assert client.session["_auth_user_id"] == str(other.pk)


def test_the_lockout_message_is_in_english_for_an_english_reader(client, citizen):
    fail(client, "/accounts/login/", citizen.email, LIMIT)
    answer = client.post(
        "/accounts/login/", {"username": citizen.email, "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 429
    assert "Too many failed login attempts" in answer.content.decode()
