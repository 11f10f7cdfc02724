import csv
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_http_methods, require_POST

from accounts import login_session, oidc, services
from accounts.forms import ClaimForm, ProfileForm
from accounts.models import StandIn
from accounts.navigation import start_url
from accounts.permissions import LEVEL_NAMES, REQUIRED_LEVEL, has_assurance_for
from accounts.selectors import ARCHIVE_NAME, api_tokens_of, personal_data_accesses_of, personal_data_archive
from core.forms import add_service_errors


def locked_out(request, response=None, credentials=None):
    """django-axes' answer when an account or an address has failed too often: 429 with a clear message."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "For mange mislykkede loginforsøg. Af hensyn til sikkerheden er login spærret i %(minutes)s minutter. "
        "Prøv igen senere, eller log ind med MitID."
    ) % {"minutes": minutes}
    if request.path.startswith("/api/"):
        answer = JsonResponse({"detail": message}, status=429)
    else:
        answer = render(request, "accounts/login_error.html", {"message": message}, status=429)
    answer["Retry-After"] = str(minutes * 60)
    return answer


@login_required
def access_log(request):
    """Who among the staff has looked at my personal data: a page, and a CSV export."""
    accesses = personal_data_accesses_of(user=request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Tidspunkt"), _("Medarbejder"), _("Hvad")])
        for access in accesses:
            writer.writerow([timezone.localtime(access.created_at).isoformat(), access.viewer.full_name, access.what])
        return response
    return render(request, "accounts/access_log.html", {"accesses": accesses[:500]})


def archive_response(archive: bytes) -> HttpResponse:
    """A citizen's data archive as a download that no cache keeps (the page and the API answer the same)."""
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{ARCHIVE_NAME}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def personal_data_download(request):
    """All my data (complaints, messages, ideas, comments, surveys, hearing answers, applications, the access
    log) as one file: GDPR art. 15 (access) and art. 20 (portability)."""
    return archive_response(personal_data_archive(user=request.user))


@login_required
def api_tokens(request):
    """The API tokens of her devices, each with a button that ends it (the same list as GET /api/auth/tokens/)."""
    return render(request, "accounts/api_tokens.html", {"tokens": api_tokens_of(user=request.user)})


@login_required
@require_POST
def api_token_end(request, token_id):
    services.revoke_api_token(user=request.user, public_id=token_id)
    messages.success(request, _("Nøglen er afbrudt. Enheden skal logge ind igen for at bruge API'et."))
    return redirect("api-tokens-page")


class LoginView(auth_views.LoginView):
    """Log ind: MitID for citizens, the staff provider for employees, and a password where it is allowed."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
        context["oidc_providers"] = [
            {
                "id": app["provider_id"],
                "name": app["name"],
                "url": reverse("openid_connect_login", kwargs={"provider_id": app["provider_id"]}),
                "citizens": app["provider_id"] == settings.OIDC_CITIZEN["provider_id"],
            }
            for app in apps
        ]
        context["password_login"] = settings.PASSWORD_LOGIN
        return context

    def post(self, request, *args, **kwargs):
        if not settings.PASSWORD_LOGIN:
            context = self.get_context_data(password_refused=True)
            return self.render_to_response(context, status=400)
        return super().post(request, *args, **kwargs)


def start(request):
    """After logging in, each role lands on its own start page (accounts.navigation.start_url)."""
    return redirect(start_url(request.user))


@require_POST
def logout(request):
    """Log out here, and at the provider too (RP-initiated logout) when the login came from one that can."""
    method = request.session.get(login_session.METHOD_KEY)
    auth_logout(request)
    home = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    if method and method != "password":
        url = oidc.end_session_url(provider_id=method, post_logout_redirect_uri=home)
        if url:
            return HttpResponseRedirect(url)
    return HttpResponseRedirect(home)


def assurance_required(action: str):
    """A page that needs an NSIS level says so, with a way to log in with MitID, before showing its form.
    (The service checks the same rule again; this only spares the citizen a form she cannot send.)"""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.is_authenticated and not has_assurance_for(request.user, action):
                context = {
                    "level": LEVEL_NAMES[REQUIRED_LEVEL[action]],
                    "mitid_url": reverse(
                        "openid_connect_login", kwargs={"provider_id": settings.OIDC_CITIZEN["provider_id"]}
                    ),
                    "next": request.get_full_path(),
                    "mitid_name": settings.OIDC_CITIZEN["name"],
                }
                return render(request, "accounts/assurance_required.html", context, status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@login_required
@assurance_required("claim_stand_in")
@require_http_methods(["GET", "POST"])
def claim(request):
    """A citizen logged in with MitID takes over what Borgerservice filed for her, with the code on her receipt."""
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Sent twice, the second is thanked too, not told the code is used (nor counted as a guess).
        result = form.run_once(
            user=request.user,
            action="accounts.claim_with_code",
            model=StandIn,
            create=lambda: services.claim_with_code(
                user=request.user, code=form.cleaned_data["code"], address=request.META.get("REMOTE_ADDR")
            ),
        )
        if result is not None:
            messages.success(
                request,
                _(
                    "Tak – det, Borgerservice oprettede for dig, er nu dit. "
                    "Dine klager finder du her under »Mine klager«."
                ),
            )
            return redirect("complaints:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/claim.html", {"form": form}, status=status)


@require_POST
def set_language(request):
    """The header's language switch (Django's set_language): once logged in, it is her preference too, which
    the language middleware then keeps on every page and in the e-mails."""
    response = i18n.set_language(request)
    if request.user.is_authenticated:
        services.set_preferred_language(user=request.user, language=request.POST.get("language", ""))
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """Min profil: language, e-mail, phone and postcode."""
    form = ProfileForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            translation.activate(request.user.preferred_language)  # the message in the language she chose
            messages.success(request, _("Dine oplysninger er gemt."))
            return redirect("profile")
    status = 400 if form.errors else 200
    return render(request, "accounts/profile.html", {"form": form}, status=status)
