"""Pages of escalated themes: the committee's members read them, its secretary handles them.

Thin: forms parse, services decide, selectors read. Nothing here shows a person: the figures are counts
and the excerpts have personal data removed by the complaints and ideas apps before they arrive.
"""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import access_own_committee_by_slug
from core.forms import add_service_errors
from escalations import services
from escalations.forms import DismissForm, MergeForm, SettingsForm
from escalations.models import Escalation, EscalationSettings
from escalations.selectors import (
    access_escalation_by_id,
    access_theme_by_slug,
    escalation_history,
    settings_of,
    theme_charts,
    theme_overview,
)


def _member_committee(request, slug: str):
    """The committee's theme pages: 404 to anyone not on the committee (they are not known to exist)."""
    return access_own_committee_by_slug(user=request.user, slug=slug)


@login_required
@require_GET
def escalation_list(request, slug: str):
    committee = _member_committee(request, slug)
    context = {
        "committee": committee,
        "escalations": escalation_history(committee=committee),
        "settings": settings_of(committee=committee),
        "can_manage": rules.has_perm("escalations.manage_escalations", request.user, committee),
    }
    return render(request, "escalations/escalation_list.html", context)


def _theme_page(request, committee, theme, *, dismiss_form=None, merge_form=None, status=200):
    escalations = escalation_history(committee=committee, theme=theme)
    open_escalation = next((e for e in escalations if e.status == Escalation.Status.OPEN), None)
    can_handle = open_escalation is not None and rules.has_perm(
        "escalations.handle_escalation", request.user, open_escalation
    )
    overview = theme_overview(themes=[theme])
    context = {
        "committee": committee,
        "theme": theme,
        "overview": overview,
        "charts": theme_charts(overview),
        "escalations": escalations,
        "open_escalation": open_escalation,
        "dismiss_form": (dismiss_form or DismissForm()) if can_handle else None,
        "merge_form": (merge_form or MergeForm(escalation=open_escalation)) if can_handle else None,
        "min_group_size": settings.FIGURES_MIN_GROUP_SIZE,
    }
    return render(request, "escalations/theme_page.html", context, status=status)


@login_required
@require_GET
def theme_page(request, slug: str, theme_slug: str):
    committee = _member_committee(request, slug)
    return _theme_page(request, committee, access_theme_by_slug(slug=theme_slug))


def _handled_escalation(request, escalation_id: int) -> Escalation:
    escalation = access_escalation_by_id(user=request.user, escalation_id=escalation_id)
    if not rules.has_perm("escalations.handle_escalation", request.user, escalation):
        raise PermissionDenied
    return escalation


@login_required
@require_POST
def escalation_dismiss(request, escalation_id: int):
    escalation = _handled_escalation(request, escalation_id)
    form = DismissForm(request.POST)
    if form.is_valid():
        try:
            services.dismiss_escalation(actor=request.user, escalation=escalation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Emnet er afvist, og begrundelsen er gemt."))
            return redirect("committees:proposals", slug=escalation.committee.slug)
    return _theme_page(request, escalation.committee, escalation.theme, dismiss_form=form, status=400)


@login_required
@require_POST
def escalation_merge(request, escalation_id: int):
    escalation = _handled_escalation(request, escalation_id)
    form = MergeForm(request.POST, escalation=escalation)
    if form.is_valid():
        try:
            services.merge_escalation(actor=request.user, escalation=escalation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Emnerne er slået sammen og kommer på dagsordenen sammen."))
            return redirect("committees:proposals", slug=escalation.committee.slug)
    return _theme_page(request, escalation.committee, escalation.theme, merge_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request, slug: str):
    committee = access_own_committee_by_slug(user=request.user, slug=slug)
    if not rules.has_perm("escalations.manage_escalations", request.user, committee):
        raise PermissionDenied
    current = settings_of(committee=committee) or EscalationSettings(committee=committee)
    initial = {
        "threshold": current.threshold,
        "window_days": current.window_days,
        "rise_factor": current.rise_factor,
        "themes": [theme.id for theme in current.themes.all()] if current.pk else [],
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_settings(actor=request.user, committee=committee, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Indstillingerne er gemt. De gælder fra næste kørsel (hver time)."))
            return redirect("escalations:list", slug=committee.slug)
    status = 400 if form.errors else 200
    return render(request, "escalations/settings_form.html", {"committee": committee, "form": form}, status=status)
