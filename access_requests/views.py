"""Pages of aktindsigt. Thin: forms parse, services decide, selectors read."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access_requests import documents as letters
from access_requests import services
from access_requests.forms import AccessRequestForm, DecisionForm, IdentifyCaseForm, LateLetterForm
from access_requests.models import AccessRequest
from access_requests.selectors import (
    access_access_request_by_id,
    access_late_letter,
    access_released_documents,
    access_released_file,
    open_requests_for_staff,
    released_attachment_files,
    released_documents_of,
    requests_of,
)
from complaints.models import Complaint
from complaints.permissions import is_complaint_citizen
from complaints.selectors import access_complaint_by_id, complaints_visible_to
from core.forms import add_service_errors


@login_required
def request_list(request):
    context = {"own": requests_of(user=request.user), "to_decide": open_requests_for_staff(user=request.user)}
    return render(request, "access_requests/request_list.html", context)


def _own_complaint(request) -> Complaint | None:
    raw = request.POST.get("complaint") or request.GET.get("complaint")
    if not raw:
        return None
    try:
        complaint = access_complaint_by_id(user=request.user, complaint_id=int(raw))
    except (ValueError, Http404):
        raise Http404 from None
    if not is_complaint_citizen(request.user, complaint):
        raise Http404
    return complaint


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    complaint = _own_complaint(request)
    form = AccessRequestForm(
        request.POST or None, own_case=complaint is not None, initial={"complaint": complaint.id if complaint else None}
    )
    if request.method == "POST" and form.is_valid():
        access_request = form.run_once(
            user=request.user,
            action="access_requests.request_access",
            model=AccessRequest,
            create=lambda: services.request_access(
                requester=request.user,
                complaint_id=complaint.id if complaint else None,
                description=form.cleaned_data["description"],
                department=form.cleaned_data.get("department"),
            ),
        )
        if access_request is not None:
            messages.success(request, _("Din anmodning om aktindsigt er modtaget. Du får besked, når den er afgjort."))
            return redirect("access_requests:detail", access_request_id=access_request.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "access_requests/request_form.html", {"form": form, "complaint": complaint}, status=status)


def _detail(request, access_request, *, decision_form=None, case_form=None, late_form=None, status=200):
    can_decide = rules.has_perm("access_requests.decide_accessrequest", request.user, access_request)
    files = released_attachment_files(access_request=access_request)
    context = {
        "access_request": access_request,
        "can_decide": can_decide,
        "has_released": released_documents_of(access_request=access_request).exists(),
    }
    documents = list(access_request.documents.all())
    if can_decide:
        originals = {}
        if access_request.complaint is not None:
            originals = {
                (d.kind, d.source_id): d.text for d in services.documents_of_case(complaint=access_request.complaint)
            }
        open_ = access_request.status == access_request.Status.OPEN
        form = decision_form or (DecisionForm(documents=documents) if open_ else None)
        context |= {
            "reviews": [
                (d, originals.get((d.kind, d.source_id), ""), form.fields_of(d) if form else None, files.get(d.id))
                for d in documents
            ],
            "decision_form": form,
            "case_form": case_form
            or (
                IdentifyCaseForm(complaints=_department_cases(request, access_request))
                if open_ and not access_request.is_party
                else None
            ),
            "late_form": late_form
            or (
                LateLetterForm(
                    initial={"reason": access_request.late_letter_reason, "expected_by": access_request.expected_by}
                )
                if open_ and not access_request.late_letter_sent_at
                else None
            ),
        }
    else:
        decided = access_request.status == access_request.Status.DECIDED
        context["documents"] = [(d, files.get(d.id)) for d in documents] if decided else []
    return render(request, "access_requests/request_detail.html", context, status=status)


def _department_cases(request, access_request):
    return complaints_visible_to(user=request.user).filter(department_id=access_request.department_id)


@login_required
def request_detail(request, access_request_id: int):
    access_request = access_access_request_by_id(user=request.user, access_request_id=access_request_id)
    return _detail(request, access_request)


def _decidable(request, access_request_id: int):
    access_request = access_access_request_by_id(user=request.user, access_request_id=access_request_id)
    if not rules.has_perm("access_requests.decide_accessrequest", request.user, access_request):
        raise PermissionDenied
    return access_request


@login_required
@require_POST
def request_decide(request, access_request_id: int):
    access_request = _decidable(request, access_request_id)
    form = DecisionForm(request.POST, documents=list(access_request.documents.all()))
    if form.is_valid():
        try:
            services.decide_access_request(
                actor=request.user,
                access_request=access_request,
                choices=form.choices(),
                grounds=form.cleaned_data["grounds"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Anmodningen er afgjort, og anmoderen har fået besked."))
            return redirect("access_requests:detail", access_request_id=access_request.id)
    return _detail(request, access_request, decision_form=form, status=400)


@login_required
@require_POST
def request_identify_case(request, access_request_id: int):
    access_request = _decidable(request, access_request_id)
    form = IdentifyCaseForm(request.POST, complaints=_department_cases(request, access_request))
    if form.is_valid():
        try:
            services.identify_case(
                actor=request.user, access_request=access_request, complaint_id=form.cleaned_data["complaint"].id
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Sagens dokumenter er hentet. Gennemgå dem, før du afgør anmodningen."))
            return redirect("access_requests:detail", access_request_id=access_request.id)
    return _detail(request, access_request, case_form=form, status=400)


@login_required
@require_POST
def request_refresh(request, access_request_id: int):
    access_request = _decidable(request, access_request_id)
    added = services.refresh_documents(actor=request.user, access_request=access_request)
    if added:
        messages.success(
            request,
            ngettext("Ét nyt dokument er hentet fra sagen.", "%(count)d nye dokumenter er hentet fra sagen.", added)
            % {"count": added},
        )
    else:
        messages.info(request, _("Der er ingen nye dokumenter i sagen."))
    return redirect("access_requests:detail", access_request_id=access_request.id)


@login_required
@require_POST
def request_late_letter(request, access_request_id: int):
    access_request = _decidable(request, access_request_id)
    form = LateLetterForm(request.POST)
    if form.is_valid():
        try:
            services.revise_late_letter(
                actor=request.user,
                access_request=access_request,
                reason=form.cleaned_data["reason"],
                expected_by=form.cleaned_data["expected_by"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Fristbrevet er gemt. Det sendes til anmoderen, hvis fristen overskrides."))
            return redirect("access_requests:detail", access_request_id=access_request.id)
    return _detail(request, access_request, late_form=form, status=400)


# The released documents, served only through the request's permission check (no login redirect: whoever may
# not see the request gets 404, as for any other case file); staff reads go into the personal-data log.


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def released_documents_pdf(request, access_request_id: int):
    """The released documents' texts (and what was withheld, with its grounds) as one PDF."""
    access_request = access_released_documents(user=request.user, access_request_id=access_request_id)
    response = HttpResponse(letters.released_documents_pdf(access_request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{access_request.reference}-aktindsigt.pdf"'
    return _private(response)


@require_GET
def released_file(request, access_request_id: int, document_id: int, file_name: str):
    """A file the decision released, as the case holds it; a withheld one is never served."""
    attachment = access_released_file(
        user=request.user, access_request_id=access_request_id, document_id=document_id, file_name=file_name
    )
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file_name, content_type=attachment.mime_type
    )
    return _private(response)


@require_GET
def late_letter_pdf(request, access_request_id: int):
    """The fristbrev as it was sent."""
    access_request = access_late_letter(user=request.user, access_request_id=access_request_id)
    response = FileResponse(
        access_request.late_letter_pdf.open("rb"),
        filename=f"{access_request.reference}-fristbrev.pdf",
        content_type="application/pdf",
    )
    return _private(response)
