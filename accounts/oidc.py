"""OpenID Connect login through django-allauth, with the checks a Danish public service needs on top.

allauth's openid_connect provider gives us discovery from the issuer URL, several providers side by side
(citizens and staff, settings.OIDC_CITIZEN / OIDC_STAFF), state, PKCE (S256) and the code exchange. Here we
add what it leaves out: a nonce in every authorization request, and an ID token that is always verified
against the provider's JWKS (RS256 only, issuer, audience, expiry, nonce) — allauth skips the signature
when the token came straight from the token endpoint. The claims then go to accounts.services.
"""

import hmac
import secrets
from urllib.parse import urlencode

import jwt
import requests
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base.constants import AuthError
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.models import User

HTTP_TIMEOUT = 10


class IdTokenRefused(OAuth2Error):
    """The ID token failed a check; the message says which, in the user's language."""


def fetch_json(url: str) -> dict:
    with get_adapter().get_requests_session() as session:
        response = session.get(url, timeout=HTTP_TIMEOUT)
        response.raise_for_status()
        return response.json()


def verify_id_token(*, id_token: str, openid_config: dict, client_id: str, nonce: str | None) -> dict:
    """The ID token's claims, after checking signature (RS256, the provider's JWKS), issuer, audience,
    expiry and nonce. Raises IdTokenRefused with a clear message otherwise."""
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError as error:
        raise IdTokenRefused(_("ID-tokenet fra udbyderen kan ikke læses.")) from error
    if header.get("alg") != "RS256":
        raise IdTokenRefused(_("ID-tokenet er ikke signeret med RS256 og afvises."))
    try:
        jwks = jwt.PyJWKSet.from_dict(fetch_json(openid_config["jwks_uri"]))
        key = next(k for k in jwks.keys if k.key_id == header.get("kid"))
    except (StopIteration, jwt.PyJWTError, requests.RequestException, KeyError) as error:
        raise IdTokenRefused(_("ID-tokenets nøgle findes ikke hos udbyderen.")) from error
    try:
        claims = jwt.decode(
            id_token,
            key=key,
            algorithms=["RS256"],
            audience=client_id,
            issuer=openid_config["issuer"],
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
    except jwt.InvalidSignatureError as error:
        raise IdTokenRefused(_("ID-tokenets signatur passer ikke: tokenet er ændret undervejs.")) from error
    except jwt.ExpiredSignatureError as error:
        raise IdTokenRefused(_("ID-tokenet er udløbet. Log ind igen.")) from error
    except jwt.InvalidAudienceError as error:
        raise IdTokenRefused(_("ID-tokenet er udstedt til en anden tjeneste end Borgerdialog.")) from error
    except jwt.InvalidIssuerError as error:
        raise IdTokenRefused(_("ID-tokenet er udstedt af en anden udbyder end den forventede.")) from error
    except jwt.PyJWTError as error:
        raise IdTokenRefused(_("ID-tokenet er ugyldigt.")) from error
    if not nonce or not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
        raise IdTokenRefused(_("ID-tokenet hører ikke til dette loginforsøg (nonce passer ikke)."))
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != client_id:
        raise IdTokenRefused(_("ID-tokenet er udstedt til en anden tjeneste end Borgerdialog."))
    return claims


def provider_config(provider_id: str) -> dict:
    for conf in (settings.OIDC_CITIZEN, settings.OIDC_STAFF):
        if conf["provider_id"] == provider_id:
            return conf
    raise KeyError(provider_id)


class VerifyingOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    state: dict | None = None  # set by the callback view before the code is exchanged

    def complete_login(self, request, app, token, **kwargs):
        id_token = kwargs["response"].get("id_token")
        if not id_token:
            raise IdTokenRefused(_("Udbyderen sendte intet ID-token."))
        claims = verify_id_token(
            id_token=id_token,
            openid_config=self.openid_config,
            client_id=app.client_id,
            nonce=(self.state or {}).get("nonce"),
        )
        conf = provider_config(self.provider_id)
        cpr = claims.get(conf.get("cpr_claim") or "") if conf.get("cpr_claim") else None
        # What is kept with the social account: never the CPR number.
        kept = {k: v for k, v in claims.items() if k != conf.get("cpr_claim")}
        login = self.get_provider().sociallogin_from_response(request, {"id_token": kept})
        login.oidc_cpr = cpr if isinstance(cpr, str) else None
        return login


class VerifyingOpenIDConnectProvider(OpenIDConnectProvider):
    oauth2_adapter_class = VerifyingOpenIDConnectAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        auth_params = dict(self.get_auth_params() if auth_params is None else auth_params, nonce=nonce)
        return super().redirect(request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs)


class _CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


def login(request, provider_id: str):
    try:
        return OAuth2LoginView.adapter_view(VerifyingOpenIDConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


def callback(request, provider_id: str):
    try:
        return _CallbackView.adapter_view(VerifyingOpenIDConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


def end_session_url(*, provider_id: str, post_logout_redirect_uri: str) -> str | None:
    """The provider's RP-initiated logout URL, or None when it has none (or cannot be reached)."""
    try:
        conf = provider_config(provider_id)
        issuer = conf["issuer"]
        discovery = issuer if "/.well-known/" in issuer else issuer.rstrip("/") + "/.well-known/openid-configuration"
        endpoint = fetch_json(discovery).get("end_session_endpoint")
    except (KeyError, requests.RequestException, ValueError):
        return None
    if not endpoint:
        return None
    query = urlencode({"client_id": conf["client_id"], "post_logout_redirect_uri": post_logout_redirect_uri})
    return f"{endpoint}?{query}"


def _login_error_message(error, exception) -> str:
    if error == AuthError.CANCELLED:
        return _("Du afbrød login hos udbyderen.")
    if isinstance(exception, IdTokenRefused):
        return str(exception)
    text = str(exception or "")
    if "invalid_grant" in text:
        return _("Login-koden er allerede brugt eller udløbet. Start login forfra.")
    if "verifier" in text.lower():
        return _("Udbyderen afviste login, fordi PKCE-beviset manglede eller ikke passede.")
    if exception is None:
        return _("Loginforsøget kan ikke genkendes (state mangler eller er brugt). Start login forfra.")
    return _("Udbyderen kunne ikke gennemføre login. Prøv igen om lidt.")


def claims_of(sociallogin) -> dict:
    """The verified ID token's claims (without the CPR number) of a login through this module."""
    return sociallogin.account.extra_data.get("id_token", {})


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return True

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return True

    def pre_social_login(self, request, sociallogin) -> None:
        """A first login joins an existing account: citizens by CPR hash, staff by their directory e-mail."""
        if sociallogin.is_existing:
            return
        from accounts.services import user_with_cpr

        provider_id = sociallogin.account.provider
        claims = claims_of(sociallogin)
        existing = None
        if provider_id == settings.OIDC_CITIZEN["provider_id"] and getattr(sociallogin, "oidc_cpr", None):
            existing = user_with_cpr(cpr=sociallogin.oidc_cpr)
        elif provider_id == settings.OIDC_STAFF["provider_id"]:
            email = claims.get(settings.OIDC_STAFF["email_claim"])
            existing = User.objects.filter(email__iexact=email).first() if email else None
        if existing is not None:
            sociallogin.connect(request, existing)

    def populate_user(self, request, sociallogin, data):
        user = sociallogin.user
        conf = provider_config(sociallogin.account.provider)
        claims = claims_of(sociallogin)
        user.full_name = str(claims.get(conf["name_claim"]) or "")[:200]
        email = str(claims.get(conf["email_claim"]) or "").lower()
        if not email or User.objects.filter(email__iexact=email).exists():
            # No usable address from the provider: a reserved, undeliverable one until she gives her own.
            email = f"{sociallogin.account.provider}-{secrets.token_hex(8)}@borger.invalid"
        user.email = email
        return user

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        raise ImmediateHttpResponse(
            render(
                request,
                "accounts/login_error.html",
                {"message": _login_error_message(error, exception)},
                status=400,
            )
        )


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """No self-service password sign-up: citizens come through MitID, staff through their provider."""
        return False
