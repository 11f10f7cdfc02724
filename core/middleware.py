"""What the edge answers before (or instead of) a view: input no part of the product can store is refused, personal
answers are not cached, and a form-only address opened directly leads back to its form."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


def unreadable(text: str) -> bool:
    """A NUL character (PostgreSQL refuses it in text) or a lone surrogate (not encodable as UTF-8)."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def bad_input_response(request, message: str):
    """400 in the product's look for pages, a JSON `detail` for the API, OParl's Error object for OParl."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=400)
    if request.path.startswith("/oparl/"):
        error = {"type": "https://schema.oparl.org/1.1/Error", "message": message}
        return JsonResponse(error, status=400, json_dumps_params={"ensure_ascii": False})
    return render(request, "400.html", {"message": message}, status=400)


class NoStoreForPersonalDataMiddleware:
    """No cache keeps an answer to a logged-in person (a page or an API answer about her or that staff see):
    `Cache-Control: private, no-store`, unless the view said otherwise. The API's token user counts too (DRF
    sets it on the request once the view has run). Public pages to anonymous readers stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RejectUnreadableInputMiddleware:
    """Refuses a request whose path, query or form fields hold characters no field can keep (400, not 500).

    JSON bodies are checked by the API's parser (core.parsers.StrictJSONParser), which also caps their depth.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.has_unreadable_input(request):
            return bad_input_response(
                request, _("Forespørgslen indeholder tegn, der ikke kan bruges (fx et nul-tegn).")
            )
        return self.get_response(request)

    @staticmethod
    def has_unreadable_input(request) -> bool:
        fields = [request.GET]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            fields.append(request.POST)
        texts = [request.path]
        for query in fields:
            for key, values in query.lists():
                texts.extend([key, *values])
        return any(unreadable(text) for text in texts)


class BackToTheFormMiddleware:
    """An address that only takes a form's POST, opened directly (a bookmark, a reload, a shared link), leads back
    to the page the form is on — the nearest address above it — with a line saying why, instead of a blank 405;
    another method gets the 405 page in the product's look. The API and OParl keep their 405: a program asked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.path.startswith(("/api/", "/oparl/")):
            return response
        if request.method not in {"GET", "HEAD"}:
            page = render(request, "405.html", status=405)
            page["Allow"] = response["Allow"]
            return page
        messages.info(request, _("Siden bruges kun, når du sender en formular. Her er siden med formularen."))
        return redirect(address_above(request.path))


def address_above(path: str) -> str:
    """The nearest address above `path` that the product answers (the home page at the top). If that one takes
    only a POST too, the next request climbs again."""
    parts = [part for part in path.split("/") if part]
    while parts:
        parts.pop()
        candidate = "/" + "".join(f"{part}/" for part in parts)
        try:
            resolve(candidate)
        except Resolver404:
            continue
        return candidate
    return "/"
