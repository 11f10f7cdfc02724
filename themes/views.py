"""Pages for managing the theme taxonomy (administrators, department leads, committee secretaries)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from themes import services
from themes.forms import ThemeForm
from themes.models import Theme
from themes.selectors import access_theme_for_management_by_id, current_suggestion_model, themes_for_management


def _require_manager(user) -> None:
    if not rules.has_perm("themes.manage_theme", user):
        raise PermissionDenied


@login_required
def theme_list(request):
    _require_manager(request.user)
    context = {"themes": themes_for_management(user=request.user), "model": current_suggestion_model()}
    return render(request, "themes/theme_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def theme_create(request):
    _require_manager(request.user)
    form = ThemeForm(request.POST or None, initial={"active": True})
    if request.method == "POST" and form.is_valid():
        theme = form.run_once(
            user=request.user,
            action="themes.create_theme",
            model=Theme,
            create=lambda: services.create_theme(actor=request.user, **form.cleaned_data),
        )
        if theme is not None:
            messages.success(request, _("Emnet ”%(name)s” er oprettet.") % {"name": theme.name})
            return redirect("themes:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "themes/theme_form.html", {"form": form, "theme": None}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, theme_id: int):
    theme = access_theme_for_management_by_id(user=request.user, theme_id=theme_id)
    form = ThemeForm(
        request.POST or None, initial={"name": theme.name, "description": theme.description, "active": theme.active}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_theme(actor=request.user, theme=theme, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Emnet ”%(name)s” er gemt.") % {"name": theme.name})
            return redirect("themes:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "themes/theme_form.html", {"form": form, "theme": theme}, status=status)


@login_required
@require_POST
def train_model(request):
    """Start training the suggestion model now instead of tonight."""
    services.request_model_training(actor=request.user)
    messages.success(request, _("Forslagsmodellen bliver trænet nu. Det tager op til et par minutter."))
    return redirect("themes:list")
