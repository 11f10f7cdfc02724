"""Pages of retention: asking for erasure, deciding it, and the anonymisation log."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from complaints.permissions import is_complaint_citizen
from complaints.selectors import access_complaint_by_id
from core.forms import add_service_errors
from retention import services
from retention.forms import ErasureDecisionForm, ErasureOfAllDecisionForm, ErasureRequestForm
from retention.models import ErasureRequest
from retention.selectors import (
    access_erasure_request_by_id,
    anonymisation_log_for,
    cases_of,
    erasure_requests_for,
    kept_before,
)


@login_required
@require_http_methods(["GET", "POST"])
def erasure_create(request, complaint_id: int):
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not is_complaint_citizen(request.user, complaint):
        raise Http404
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure_request = form.run_once(
            user=request.user,
            action="retention.request_erasure",
            model=ErasureRequest,
            create=lambda: services.request_erasure(
                citizen=request.user, complaint_id=complaint.id, reason=form.cleaned_data["reason"]
            ),
        )
        if erasure_request is not None:
            messages.success(request, _("Din anmodning om sletning er modtaget. Du får besked, når den er afgjort."))
            return redirect("retention:erasure-detail", erasure_request_id=erasure_request.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "retention/erasure_form.html", {"form": form, "complaint": complaint}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def erasure_create_all(request):
    """The citizen asks to have all her data erased: every case of hers, then her account (an employee's account
    is not hers to erase here)."""
    if request.user.is_employee:
        raise Http404
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure_request = form.run_once(
            user=request.user,
            action="retention.request_erasure",
            model=ErasureRequest,
            create=lambda: services.request_erasure(
                citizen=request.user, complaint_id=None, reason=form.cleaned_data["reason"]
            ),
        )
        if erasure_request is not None:
            messages.success(request, _("Din anmodning om sletning er modtaget. Du får besked, når den er afgjort."))
            return redirect("retention:erasure-detail", erasure_request_id=erasure_request.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "retention/erasure_all_form.html", {"form": form}, status=status)


def _decision_form(request, erasure_request):
    data = request.POST or None
    if erasure_request.scope == erasure_request.Scope.CASE:
        return ErasureDecisionForm(data)
    citizen = erasure_request.citizen
    return ErasureOfAllDecisionForm(data, cases=cases_of(citizen=citizen), kept_before=kept_before(citizen=citizen))


@login_required
@require_http_methods(["GET", "POST"])
def erasure_detail(request, erasure_request_id: int):
    erasure_request = access_erasure_request_by_id(user=request.user, erasure_request_id=erasure_request_id)
    can_decide = rules.has_perm("retention.decide_erasurerequest", request.user, erasure_request)
    open_ = erasure_request.status == erasure_request.Status.REQUESTED
    form = _decision_form(request, erasure_request) if can_decide and open_ else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.decide_erasure(
                    actor=request.user,
                    erasure_request=erasure_request,
                    erase=form.cleaned_data["decision"] == "erase",
                    grounds=form.cleaned_data["grounds"],
                    keep=form.keep() if isinstance(form, ErasureOfAllDecisionForm) else None,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Anmodningen er afgjort, og borgeren har fået besked."))
                return redirect("retention:erasure-detail", erasure_request_id=erasure_request.id)
    context = {"erasure_request": erasure_request, "form": form, "can_decide": can_decide}
    return render(request, "retention/erasure_detail.html", context, status=400 if request.method == "POST" else 200)


@login_required
def overview(request):
    """Erasure requests (the citizen's own, or her departments') and, for staff, the anonymisation log."""
    context = {
        "erasure_requests": erasure_requests_for(user=request.user)[:200],
        "log": anonymisation_log_for(user=request.user)[:200]
        if rules.has_perm("retention.read_anonymisation_log", request.user)
        else None,
    }
    return render(request, "retention/overview.html", context)
