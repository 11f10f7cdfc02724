"""Logging in through the local OpenID provider over HTTP: real redirects, real signed tokens."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount

from accounts import login_session
from accounts.models import CitizenIdentity, Department, DepartmentMembership, User
from accounts.services import store_cpr

pytestmark = pytest.mark.django_db


def start_login(client, provider_id="mitid", next_url=None):
    data = {"process": "login"}
    if next_url:
        data["next"] = next_url
    response = client.post(f"/auth/oidc/{provider_id}/login/", data)
    assert response.status_code == 302, response.content[:300]
    return response["Location"]


def log_in(client, oidc, *, sub, provider_id="mitid", level="substantial", next_url=None):
    authorize = start_login(client, provider_id, next_url)
    callback = oidc.pick(authorize, sub=sub, level=level)
    return client.get(callback.replace("http://testserver", ""))


def test_authorization_request_has_state_nonce_and_pkce(client, oidc):
    query = parse_qs(urlsplit(start_login(client)).query)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == ["borgerdialog-mitid"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert len(query["state"][0]) >= 10
    assert len(query["nonce"][0]) >= 32
    assert "openid" in query["scope"][0].split()


def test_citizen_logs_in_with_mitid_and_is_matched_by_cpr_hash(client, oidc):
    mette = User.objects.create_user("borger@example.dk", "x", full_name="Mette Hansen")
    assert store_cpr(user=mette, cpr="6101801234")
    response = log_in(client, oidc, sub="mitid-demo-mette")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == mette.id
    assert client.session[login_session.METHOD_KEY] == "mitid"
    assert client.session[login_session.LEVEL_KEY] == "substantial"
    assert client.session.get_expiry_age() == 1800
    account = SocialAccount.objects.get(user=mette)
    assert account.provider == "mitid" and account.uid == "mitid-demo-mette"
    # The CPR number is kept nowhere in clear text: not with the social account, not on the identity.
    assert "6101801234" not in str(account.extra_data)
    identity = CitizenIdentity.objects.get(user=mette)
    assert "6101801234" not in identity.cpr_hash + identity.cpr_encrypted


def test_new_citizen_gets_an_account_with_her_name_and_level(client, oidc):
    response = log_in(client, oidc, sub="mitid-demo-ny", level="low")
    assert response.status_code == 302
    user = User.objects.get(email="ny.borger@example.dk")
    assert user.full_name == "Ida Nybo"
    assert client.session[login_session.LEVEL_KEY] == "low"
    assert CitizenIdentity.objects.get(user=user).cpr_hash  # CPR_HASH_KEY is set in demo mode


def test_low_level_may_support_but_not_file_a_complaint(client, oidc):
    log_in(client, oidc, sub="mitid-demo-ny", level="low")
    page = client.get("/klager/ny/")
    assert page.status_code == 403
    assert "betydeligt" in page.content.decode()


def test_staff_login_takes_department_and_role_from_groups_and_drops_them_later(client, oidc, settings):
    family = Department.objects.create(name="Familiecentret", slug="familiecentret")
    nature = Department.objects.create(name="Natur", slug="natur-og-miljo")
    tina = User.objects.create_user("sagsbehandler@example.dk", "x", full_name="Tina Jepsen")
    DepartmentMembership.objects.create(user=tina, department=nature, role="lead")
    log_in(client, oidc, sub="staff-demo-tina", provider_id="medarbejder")
    assert int(client.session["_auth_user_id"]) == tina.id
    assert list(tina.department_memberships.values_list("department__slug", "role")) == [
        ("familiecentret", "caseworker")
    ]
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_SECONDS_STAFF
    # Her groups no longer give the role: she loses it at the next login.
    settings.OIDC_STAFF = {**settings.OIDC_STAFF, "group_roles": "BD-Andet=familiecentret:lead"}
    client.logout()
    log_in(client, oidc, sub="staff-demo-tina", provider_id="medarbejder")
    assert not tina.department_memberships.exists()
    assert family.memberships.count() == 0


def test_next_is_followed_inside_the_site_and_refused_outside(client, oidc):
    response = log_in(client, oidc, sub="mitid-demo-ny", next_url="/klager/")
    assert response["Location"] == "/klager/"
    client.logout()
    response = log_in(client, oidc, sub="mitid-demo-ny", next_url="https://evil.example.com/phish")
    assert "evil.example.com" not in response["Location"]


def test_replayed_callback_is_refused(client, oidc):
    authorize = start_login(client)
    callback = oidc.pick(authorize, sub="mitid-demo-ny").replace("http://testserver", "")
    assert client.get(callback).status_code == 302
    client.logout()
    replay = client.get(callback)
    assert replay.status_code == 400
    assert "Start login forfra" in replay.content.decode()


def test_logout_ends_the_session_here_and_at_the_provider(client, oidc):
    log_in(client, oidc, sub="mitid-demo-ny")
    response = client.post("/accounts/logout/")
    assert response["Location"].startswith(oidc.url + "/identity/o/logout?")
    assert "post_logout_redirect_uri=http%3A%2F%2Ftestserver%2F" in response["Location"]
    assert "_auth_user_id" not in client.session
