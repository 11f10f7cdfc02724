"""The ID token checks and the provider's refusals, each with a clear message (issue 11's security list)."""

import base64
import hashlib
import json
import secrets
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests
from django.utils import translation

from accounts.oidc import IdTokenRefused, _login_error_message, fetch_json, verify_id_token

CALLBACK = "http://testserver/auth/oidc/mitid/login/callback/"


def code_flow(idp, *, client_id="borgerdialog-mitid", nonce="the-nonce", with_pkce=True):
    """Authorize as a browser (picking a demo identity) and return (code, verifier, openid_config)."""
    config = requests.get(f"{idp.url}/.well-known/openid-configuration", timeout=10).json()
    verifier = secrets.token_urlsafe(48)
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": CALLBACK,
        "scope": "openid profile email",
        "state": "s",
        "nonce": nonce,
    }
    if with_pkce:
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        params.update(code_challenge=challenge, code_challenge_method="S256")
    callback = idp.pick(f"{config['authorization_endpoint']}?{urlencode(params)}", sub="mitid-demo-ny")
    code = parse_qs(urlsplit(callback).query)["code"][0]
    return code, verifier, config


def exchange(config, code, *, client_id="borgerdialog-mitid", verifier=None):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK}
    if verifier:
        data["code_verifier"] = verifier
    return requests.post(config["token_endpoint"], data=data, auth=(client_id, "devidp-demo-secret"), timeout=10)


@pytest.fixture
def real_token(devidp):
    code, verifier, config = code_flow(devidp)
    response = exchange(config, code, verifier=verifier)
    assert response.ok, response.text
    return response.json()["id_token"], config


def test_a_real_token_passes_every_check(real_token):
    id_token, config = real_token
    claims = verify_id_token(id_token=id_token, openid_config=config, client_id="borgerdialog-mitid", nonce="the-nonce")
    assert claims["sub"] == "mitid-demo-ny"
    assert claims["acr"].endswith("/Substantial")


def refused(id_token, config, *, client_id="borgerdialog-mitid", nonce="the-nonce") -> str:
    with pytest.raises(IdTokenRefused) as caught, translation.override("da"):
        verify_id_token(id_token=id_token, openid_config=config, client_id=client_id, nonce=nonce)
    return str(caught.value)


def test_tampered_token_is_refused(real_token):
    id_token, config = real_token
    header, payload, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "mitid-demo-mette"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    assert "signatur passer ikke" in refused(f"{header}.{forged}.{signature}", config)


def test_unsigned_token_is_refused(real_token):
    id_token, config = real_token
    claims = jwt.decode(id_token, options={"verify_signature": False})
    unsigned = jwt.encode(claims, key=None, algorithm="none")
    assert "RS256" in refused(unsigned, config)


def test_token_for_another_audience_is_refused(devidp):
    code, verifier, config = code_flow(devidp, client_id="anden-tjeneste")
    id_token = exchange(config, code, client_id="anden-tjeneste", verifier=verifier).json()["id_token"]
    assert "en anden tjeneste" in refused(id_token, config)


def test_wrong_nonce_is_refused(real_token):
    id_token, config = real_token
    assert "nonce" in refused(id_token, config, nonce="another-login")
    assert "nonce" in refused(id_token, config, nonce=None)


def test_expired_token_is_refused(devidp, real_token):
    """Signed with the provider's own key, so only the expiry is wrong."""
    id_token, config = real_token
    claims = jwt.decode(id_token, options={"verify_signature": False})
    kid = jwt.get_unverified_header(id_token)["kid"]
    claims.update(iat=int(time.time()) - 3600, exp=int(time.time()) - 1800)
    expired = jwt.encode(claims, devidp.signing_key_pem, algorithm="RS256", headers={"kid": kid})
    assert "udløbet" in refused(expired, config)


def test_token_from_another_issuer_is_refused(devidp, real_token):
    id_token, config = real_token
    assert "anden udbyder" in refused(id_token, {**config, "issuer": "https://other.example.com"})


def test_replayed_authorization_code_is_refused_by_the_provider(devidp):
    code, verifier, config = code_flow(devidp)
    assert exchange(config, code, verifier=verifier).ok
    again = exchange(config, code, verifier=verifier)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    with translation.override("da"):
        assert "allerede brugt" in _login_error_message("unknown", Exception(again.text))


def test_missing_pkce_verifier_is_refused_by_the_provider(devidp):
    code, _verifier, config = code_flow(devidp)
    response = exchange(config, code, verifier=None)
    assert response.status_code == 400
    with translation.override("da"):
        assert "PKCE" in _login_error_message("unknown", Exception(response.text))


def test_wrong_pkce_verifier_is_refused_by_the_provider(devidp):
    code, _verifier, config = code_flow(devidp)
    response = exchange(config, code, verifier=secrets.token_urlsafe(48))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_jwks_is_fetched_from_the_discovered_uri(devidp):
    config = fetch_json(f"{devidp.url}/.well-known/openid-configuration")
    assert config["jwks_uri"].startswith(devidp.url)
    assert fetch_json(config["jwks_uri"])["keys"][0]["kty"] == "RSA"
