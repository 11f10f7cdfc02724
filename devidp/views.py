from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model, login
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from devidp.adapter import NSIS_ACR
from devidp.clients import CLIENTS, IDENTITIES
from devidp.models import DemoIdentity

LEVEL_NAMES = {"low": "Lav", "substantial": "Betydelig", "high": "Høj"}


@require_http_methods(["GET", "POST"])
def pick_identity(request):
    """The provider's login page: pick a demo person (and, for MitID, an assurance level)."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return HttpResponseBadRequest("next must be a path at this provider")
    client_id = (parse_qs(urlsplit(next_url).query).get("client_id") or [""])[0]
    kind = CLIENTS.get(client_id, ("citizens", ""))[0]
    people = IDENTITIES[kind]
    if request.method == "POST":
        person = next((p for p in people if p["sub"] == request.POST.get("sub")), None)
        level = request.POST.get("level", "substantial")
        if person is None or level not in NSIS_ACR:
            return HttpResponseBadRequest("unknown identity or level")
        user, _ = get_user_model().objects.get_or_create(username=person["sub"])
        DemoIdentity.objects.update_or_create(
            sub=person["sub"],
            defaults={
                "user": user,
                "kind": kind,
                "name": person["name"],
                "email": person["email"],
                "cpr": person.get("cpr", ""),
                "groups": person.get("groups", []),
                "acr": NSIS_ACR[level] if kind == "citizens" else "",
            },
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponseRedirect(next_url)
    return render(
        request,
        "devidp/pick.html",
        {"people": people, "kind": kind, "next": next_url, "levels": LEVEL_NAMES},
    )
