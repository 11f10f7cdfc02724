"""Pages of the legal track. Thin: forms parse, services decide, selectors read."""

import zipfile
from io import BytesIO

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from casework import services
from casework.forms import (
    AnswerForm,
    DecisionForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    ForwardForm,
    HearingForm,
)
from casework.models import Decision, Hearing, Reassessment
from casework.selectors import (
    access_decision_by_id,
    access_hearing_by_id,
    access_reassessment_by_id,
    final_decision_of,
    guidance_templates_for,
    legal_track,
    open_hearing_of,
)
from complaints.models import Complaint, ComplaintAttachment
from complaints.selectors import access_complaint_by_id, complaint_attachments
from core.idempotency import earlier


def complaint_panel(request: HttpRequest, complaint: Complaint, can_handle: bool) -> str:
    """The legal track on the complaint's page (complaints.panels): what waits for the citizen, the hearings,
    the decisions with their PDFs, where the complaint went; and for staff the links to the forms."""
    track = legal_track(complaint=complaint)
    context = {
        "complaint": complaint,
        "can_handle": can_handle,
        "can_work": rules.has_perm("casework.do_casework", request.user, complaint),
        **track,
        "may_forward": track["final"] is not None and track["final"].kind == Decision.Kind.UPHELD,
    }
    return render_to_string("casework/_panel.html", context, request=request)


def _staff_complaint(request, complaint_id: int) -> Complaint:
    """The complaint for a staff form: 404 for those who may not see it, 403 for those who may not act on it."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not rules.has_perm("casework.do_casework", request.user, complaint):
        raise PermissionDenied
    return complaint


# Partshøring --------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def hearing_create(request, complaint_id: int):
    complaint = _staff_complaint(request, complaint_id)
    initial = {"deadline": timezone.localtime(services.default_hearing_deadline()).date()}
    form = HearingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        hearing = form.run_once(
            user=request.user,
            action="casework.send_hearing",
            model=Hearing,
            create=lambda: services.send_hearing(actor=request.user, complaint=complaint, **form.cleaned_data),
        )
        if hearing is not None:
            messages.success(request, _("Høringen er sendt til borgeren."))
            return redirect("casework:hearing", hearing_id=hearing.id)
    context = {"complaint": complaint, "form": form}
    return render(request, "casework/hearing_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def hearing_detail(request, hearing_id: int):
    """The hearing: the citizen answers or asks for more time; the caseworker decides on more time."""
    hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
    action = request.POST.get("action")
    forms = {
        "answer": AnswerForm(
            request.POST if action == "answer" else None, request.FILES if action == "answer" else None
        ),
        "extension": ExtensionRequestForm(request.POST if action == "extension" else None),
        "decide": ExtensionDecisionForm(request.POST if action == "decide" else None),
    }
    if request.method == "POST":
        form = forms.get(action)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            result = form.run_once(
                user=request.user,
                action=f"casework.hearing_{action}",
                model=Hearing,
                create=lambda: _act(request, hearing, action, form.cleaned_data),
            )
            if result is not None:
                messages.success(request, SUCCESS[action])
                return redirect("casework:hearing", hearing_id=hearing.id)
    context = {
        "hearing": hearing,
        "complaint": hearing.complaint,
        "can_answer": rules.has_perm("casework.answer_hearing", request.user, hearing),
        "can_decide_extension": rules.has_perm("casework.decide_extension", request.user, hearing)
        and hearing.extension_pending,
        "attachments": hearing.answer_attachments.all(),
        **{f"{name}_form": form for name, form in forms.items()},
    }
    failed = any(form.errors for form in forms.values())
    return render(request, "casework/hearing_detail.html", context, status=400 if failed else 200)


SUCCESS = {
    "answer": gettext_lazy("Tak for dit svar. Din sagsbehandler har fået besked."),
    "extension": gettext_lazy("Din anmodning om mere tid er sendt til sagsbehandleren."),
    "decide": gettext_lazy("Borgeren har fået svar på sin anmodning om mere tid."),
}


def _act(request, hearing: Hearing, action: str, data: dict) -> Hearing:
    """The hearing's form; run once per the form's key (sent twice, the second is told the first's success)."""
    if action == "answer":
        return services.answer_hearing(
            actor=request.user, hearing=hearing, answer=data["answer"], uploads=data["files"]
        )
    if action == "extension":
        return services.request_extension(actor=request.user, hearing=hearing, **data)
    return services.decide_extension(actor=request.user, hearing=hearing, **data)


# Decision letters ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def decision_create(request, complaint_id: int):
    """Write the decision. "Tjek læsbarhed" shows the letter's LIX without sending; "Send" sends it."""
    complaint = _staff_complaint(request, complaint_id)
    templates = guidance_templates_for(department_id=complaint.department_id)
    chosen = templates.filter(id=request.GET.get("skabelon") or 0).first() or templates.first()
    initial = {"kind": request.GET.get("kind", ""), "complaint_guidance": chosen.text if chosen else ""}
    form = DecisionForm(request.POST or None, initial=initial)
    score = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        score = services.letter_lix(
            **{k: data[k] for k in ("decision", "legal_rules", "considerations", "facts", "complaint_guidance")}
        )
        if request.POST.get("action") == "send":
            decision = form.run_once(
                user=request.user,
                action="casework.send_decision",
                model=Decision,
                create=lambda: services.send_decision(actor=request.user, complaint=complaint, **data),
            )
            if decision is not None:
                messages.success(request, _("Afgørelsen er sendt til borgeren."))
                return redirect("casework:decision", decision_id=decision.id)
    context = {
        "complaint": complaint,
        "form": form,
        "templates": templates,
        "chosen": chosen,
        "lix": score,
        "lix_limit": settings.DECISION_LIX_WARN_ABOVE,
        "waiting": open_hearing_of(complaint=complaint),
    }
    return render(request, "casework/decision_form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def decision_detail(request, decision_id: int):
    decision = access_decision_by_id(user=request.user, decision_id=decision_id)
    return render(request, "casework/decision_detail.html", {"decision": decision, "complaint": decision.complaint})


def _pdf_response(file, name: str) -> FileResponse:
    response = FileResponse(file.open("rb"), filename=name, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def decision_pdf(request, decision_id: int):
    decision = access_decision_by_id(user=request.user, decision_id=decision_id, what="afgørelse (PDF)")
    return _pdf_response(decision.pdf, f"{decision.complaint.reference}-afgoerelse.pdf")


# Genvurdering and klagepakke -----------------------------------------------------------------------------


FORWARDED = gettext_lazy("Klagen er sendt til klageinstansen, og borgeren har fået besked.")


@login_required
@require_http_methods(["GET", "POST"])
def forward_create(request, complaint_id: int):
    key = request.POST.get("idempotency_key", "")
    if earlier(action="casework.forward_complaint", actor_id=request.user.id, key=key, model=Reassessment):
        # Sent twice: the first forwarded and closed the complaint (no more casework on it); say it went.
        messages.success(request, FORWARDED)
        return redirect("complaints:detail", complaint_id=complaint_id)
    complaint = _staff_complaint(request, complaint_id)
    template = guidance_templates_for(department_id=complaint.department_id).first()
    form = ForwardForm(request.POST or None, initial={"appeals_body": template.appeals_body if template else ""})
    if request.method == "POST" and form.is_valid():
        result = form.run_once(
            user=request.user,
            action="casework.forward_complaint",
            model=Reassessment,
            create=lambda: services.forward_complaint(actor=request.user, complaint=complaint, **form.cleaned_data),
        )
        if result is not None:
            messages.success(request, FORWARDED)
            return redirect("complaints:detail", complaint_id=complaint.id)
    attachments = complaint_attachments(complaint=complaint)
    context = {
        "complaint": complaint,
        "form": form,
        "final": final_decision_of(complaint=complaint),
        "attachments": attachments,
        "has_original": any(a.kind == ComplaintAttachment.Kind.DECISION for a in attachments),
    }
    return render(request, "casework/forward_form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def klagepakke_pdf(request, reassessment_id: int):
    reassessment = access_reassessment_by_id(user=request.user, reassessment_id=reassessment_id)
    return _pdf_response(reassessment.klagepakke, f"{reassessment.complaint.reference}-klagepakke.pdf")


@login_required
@require_GET
def klagepakke_zip(request, reassessment_id: int):
    """The klagepakke as the appeals body receives it: the PDF and every document of the case, numbered
    as the PDF's list of Bilag numbers them."""
    reassessment = access_reassessment_by_id(
        user=request.user, reassessment_id=reassessment_id, what="klagepakke med bilag"
    )
    complaint = reassessment.complaint
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with reassessment.klagepakke.open("rb") as pdf:
            archive.writestr(f"00 {complaint.reference} klagepakke.pdf", pdf.read())
        for number, attachment in enumerate(complaint_attachments(complaint=complaint), start=1):
            with attachment.file.open("rb") as file:
                archive.writestr(f"{number:02d} {attachment.file_name}", file.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{complaint.reference}-klagepakke.zip"'
    response["Cache-Control"] = "private, no-store"
    return response
