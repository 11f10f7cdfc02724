import time

from django.utils import translation

from accounts import login_session
from accounts.selectors import REQUEST_ROLES

SEEN_EVERY_SECONDS = 60


class LoginSessionMiddleware:
    """Put the session's NSIS level on request.user (and a place for her roles for this request), and keep the idle
    expiry sliding (one write a minute)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            setattr(user, REQUEST_ROLES, {})  # her roles are read once in this request (accounts.selectors)
            level = request.session.get(login_session.LEVEL_KEY)
            if level:
                user.assurance_level = level
            now = int(time.time())
            if now - request.session.get(login_session.SEEN_KEY, 0) >= SEEN_EVERY_SECONDS:
                request.session[login_session.SEEN_KEY] = now
        return self.get_response(request)


class PreferredLanguageMiddleware:
    """A logged-in user's own language wins over the browser's Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)
