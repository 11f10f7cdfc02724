"""What a login puts on the session: how the person logged in, the NSIS level it gave, the idle expiry."""

import time

from allauth.account.signals import user_logged_in as allauth_user_logged_in
from django.conf import settings
from django.contrib.auth.signals import user_logged_in

from accounts import services
from accounts.oidc import claims_of

METHOD_KEY = "bd_login_method"  # "password" or the OIDC provider id
LEVEL_KEY = "bd_assurance_level"
SEEN_KEY = "bd_seen"


def idle_seconds_for(user) -> int:
    return settings.SESSION_IDLE_SECONDS_STAFF if user.is_employee else settings.SESSION_IDLE_SECONDS_CITIZEN


def start(request, user, *, method: str, level: str) -> None:
    request.session[METHOD_KEY] = method
    request.session[LEVEL_KEY] = level
    request.session[SEEN_KEY] = int(time.time())
    # An integer expiry is an idle timeout: every save of the session moves it (LoginSessionMiddleware).
    request.session.set_expiry(idle_seconds_for(user))
    user.assurance_level = level


def on_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        start(request, user, method="password", level=settings.PASSWORD_LOGIN_ASSURANCE)


def on_oidc_login(sender, request, user, sociallogin=None, **kwargs) -> None:
    if sociallogin is None or not hasattr(sociallogin, "oidc_cpr"):
        return
    provider_id = sociallogin.account.provider
    level = services.record_oidc_login(
        user=user, provider_id=provider_id, claims=claims_of(sociallogin), cpr=sociallogin.oidc_cpr
    )
    start(request, user, method=provider_id, level=level)


def connect() -> None:
    user_logged_in.connect(on_login, dispatch_uid="accounts.login_session.on_login")
    allauth_user_logged_in.connect(on_oidc_login, dispatch_uid="accounts.login_session.on_oidc_login")
