"""Request bodies are capped, and an upload door's permission asked, before the server reads a byte of the body.

Django's ASGI handler reads the whole body (to disk past FILE_UPLOAD_MAX_MEMORY_SIZE) before any middleware or
view runs, so the cap sits in front of it, in the ASGI application (config/asgi.py):

- every door: a body larger than the door allows is answered 413 at once, by its Content-Length, or as soon as
  a body without one (chunked) grows past it. A door allows REQUEST_BODY_MAX_BYTES, a form with files
  UPLOAD_REQUEST_MAX_BYTES (one attachment and the form around it); a view says otherwise with `@body_limit(n)`
  (for a DRF view, a class attribute `max_body_bytes`).
- an upload door whose view is marked `@permission_before_body(check)` (`body_permission` on a DRF view) asks
  `check(user, **url_kwargs)` first, with the user from the session or API token. When it says no, Django
  answers the request as if its body were empty: the view refuses it as it always does (404 or 403, in the
  reader's language), and the body is never read (a client that sent `Expect: 100-continue` never sends it).
"""

import asyncio
import json
from collections.abc import Callable
from io import BytesIO

from asgiref.sync import sync_to_async
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _

MULTIPART = b"multipart/form-data"


def body_limit(max_bytes: int):
    """A view that takes more (or less) than the default body."""

    def mark(view):
        view.max_body_bytes = max_bytes
        return view

    return mark


def permission_before_body(check: Callable[..., bool]):
    """A view whose permission can be asked from the URL and the user alone, before its body is read."""

    def mark(view):
        view.body_permission = check
        return view

    return mark


def _marks(path: str) -> tuple[Callable | None, int | None, dict]:
    try:
        match = resolve(path)
    except Resolver404:
        return None, None, {}
    view = getattr(match.func, "cls", match.func)
    return getattr(view, "body_permission", None), getattr(view, "max_body_bytes", None), match.kwargs


def _user_of(scope: dict):
    """The user the request's session cookie or API token names (AnonymousUser when none)."""
    from django.contrib.auth import get_user
    from django.core.handlers.asgi import ASGIRequest
    from django.utils.module_loading import import_string
    from rest_framework.request import Request

    request = ASGIRequest({**scope, "method": "GET"}, BytesIO())
    engine = import_string(settings.SESSION_ENGINE)
    request.session = engine.SessionStore(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
    user = get_user(request)
    if user.is_authenticated or not request.headers.get("Authorization"):
        return user
    for authentication in settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]:
        if "Session" in authentication:
            continue
        try:
            found = import_string(authentication)().authenticate(Request(request))
        except Exception:  # noqa: S112 - a bad token is the view's to refuse
            continue
        if found:
            return found[0]
    return user


def _refused(scope: dict, check: Callable, kwargs: dict) -> bool:
    return not check(_user_of(scope), **kwargs)


def _header(scope: dict, name: bytes) -> bytes | None:
    return next((value for key, value in scope.get("headers", []) if key.lower() == name), None)


async def _too_large(scope: dict, send, limit: int) -> None:
    accept = (_header(scope, b"accept-language") or b"").decode("latin-1").strip().lower()
    with translation.override("en" if accept.startswith("en") else settings.LANGUAGE_CODE):
        message = _("Forespørgslen er for stor: højst %(mb).1f MB.") % {"mb": limit / (1024 * 1024)}
    is_api = scope["path"].startswith("/api/")
    body = json.dumps({"detail": message}).encode() if is_api else message.encode()
    content_type = b"application/json" if is_api else b"text/plain; charset=utf-8"
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        check, declared, kwargs = await sync_to_async(_marks)(scope["path"])
        is_upload = (_header(scope, b"content-type") or b"").lower().startswith(MULTIPART)
        limit = declared or (settings.UPLOAD_REQUEST_MAX_BYTES if is_upload else settings.REQUEST_BODY_MAX_BYTES)
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            return await _too_large(scope, send, limit)
        if check is not None and await sync_to_async(_refused)(scope, check, kwargs):
            empty = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"content-length"]}
            empty["headers"].append((b"content-length", b"0"))

            given = False

            async def no_body():
                nonlocal given
                if given:  # Django listens for a disconnect while it answers: none is coming from here
                    await asyncio.Event().wait()
                given = True
                return {"type": "http.request", "body": b"", "more_body": False}

            return await self.app(empty, no_body, send)
        received, over = 0, False

        async def counted():
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)
        if over:
            await _too_large(scope, send, limit)
