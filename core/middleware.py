"""Input no part of the product can store is refused at the edge, before a view or the database sees it."""

from django.http import JsonResponse
from django.shortcuts import render
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
