"""Pages of the grant pools. Thin: forms parse, services decide, selectors read. No JavaScript needed.

An application is a draft row from its first step, so the steps of the form (the project, the money,
check and send) each save to it and the applicant can leave and come back.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import add_service_errors
from core.idempotency import run_form_service
from grants import services
from grants.forms import (
    AnswerForm,
    AttachmentForm,
    BudgetLineFormSet,
    DecisionForm,
    MoneyStepForm,
    PayoutForm,
    ProjectStepForm,
    QuestionForm,
    ReportForm,
    ScoreForm,
)
from grants.models import Application, ApplicationAttachment, InformationRequest
from grants.permissions import (
    can_see_scores,
    is_applicant,
)
from grants.selectors import (
    access_application_by_id,
    access_pool_by_slug,
    applications_for,
    current_round,
    granted_projects,
    information_requests_of,
    open_information_request,
    pools_overview,
    public_sender,
    round_totals,
    scores_of,
)

STEPS = [
    (1, gettext_lazy("Projektet")),
    (2, gettext_lazy("Økonomi")),
    (3, gettext_lazy("Bilag")),
    (4, gettext_lazy("Tjek og send")),
]


@require_GET
def pool_list(request):
    return render(request, "grants/pool_list.html", {"pools": pools_overview()})


@require_GET
def pool_detail(request, slug: str):
    pool = access_pool_by_slug(slug=slug)
    round = current_round(pool=pool)
    granted = [(application, public_sender(application)) for application in granted_projects(pool=pool)]
    context = {
        "pool": pool,
        "round": round,
        "totals": round_totals(round=round) if round else None,
        "granted": granted,
        "own": applications_for(user=request.user, pool=pool).filter(applicant=request.user)
        if request.user.is_authenticated
        else [],
        "is_reviewer": rules.has_perm("grants.review_pool", request.user, pool),
    }
    return render(request, "grants/pool_detail.html", context)


@login_required
@require_GET
def review_queue(request, slug: str):
    pool = access_pool_by_slug(slug=slug)
    if not rules.has_perm("grants.review_pool", request.user, pool):
        raise Http404
    applications = applications_for(user=request.user, pool=pool).exclude(applicant=request.user)
    return render(request, "grants/review_queue.html", {"pool": pool, "applications": applications})


def _step_context(application, step: int, **extra) -> dict:
    return {"application": application, "pool": application.round.pool, "steps": STEPS, "step": step, **extra}


@login_required
@require_http_methods(["GET", "POST"])
def application_start(request, slug: str):
    """Step 1 of a new application: saving it makes the draft."""
    pool = access_pool_by_slug(slug=slug)
    round = current_round(pool=pool)
    if round is None:
        raise Http404
    form = ProjectStepForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        application = form.run_once(
            user=request.user,
            action="grants.start_application",
            model=Application,
            create=lambda: services.start_application(applicant=request.user, round=round, **form.cleaned_data),
        )
        if application is not None:
            messages.success(request, _("Ansøgningen er gemt som kladde. Du kan gøre den færdig senere."))
            return redirect("grants:step", application_id=application.id, step=2)
    context = {"pool": pool, "round": round, "steps": STEPS, "step": 1, "form": form, "application": None}
    return render(request, "grants/step_project.html", context, status=400 if form.errors else 200)


def _own_draft(request, application_id: int) -> Application:
    application = access_application_by_id(user=request.user, application_id=application_id)
    if not rules.has_perm("grants.edit_application", request.user, application):
        raise Http404
    return application


def _lines_initial(application: Application) -> list[dict]:
    lines = [{"purpose": line.purpose, "amount": line.amount} for line in application.budget_lines.all()]
    return [*lines, {}, {}] if len(lines) < 28 else lines


@login_required
@require_http_methods(["GET", "POST"])
def application_step(request, application_id: int, step: int):
    application = _own_draft(request, application_id)
    if step == 1:
        initial = {
            field: getattr(application, field)
            for field in ("title", "description", "target_groups", "association", "show_name_publicly")
        }
        form = ProjectStepForm(request.POST or None, user=request.user, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.update_draft(actor=request.user, application=application, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("grants:step", application_id=application.id, step=2)
        context = _step_context(application, 1, form=form, round=application.round)
        return render(request, "grants/step_project.html", context, status=400 if form.errors else 200)
    if step == 2:
        initial = {
            field: getattr(application, field)
            for field in ("amount_applied", "own_contribution", "starts_on", "ends_on")
        }
        form = MoneyStepForm(request.POST or None, initial=initial)
        lines = BudgetLineFormSet(request.POST or None, initial=_lines_initial(application), prefix="lines")
        if request.method == "POST" and form.is_valid() & lines.is_valid():
            budget = [
                services.BudgetLineInput(purpose=line["purpose"], amount=line["amount"])
                for line in lines.cleaned_data
                if line.get("purpose")
            ]
            changes = {key: value for key, value in form.cleaned_data.items()}
            changes["amount_applied"] = changes["amount_applied"] or 0
            changes["own_contribution"] = changes["own_contribution"] or 0
            try:
                services.update_draft(actor=request.user, application=application, budget_lines=budget, **changes)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                target = 2 if "add_lines" in request.POST else 3
                return redirect("grants:step", application_id=application.id, step=target)
        failed = bool(form.errors) or any(lines.errors) or bool(lines.non_form_errors())
        context = _step_context(application, 2, form=form, lines=lines)
        return render(request, "grants/step_money.html", context, status=400 if failed else 200)
    if step == 3:
        form = AttachmentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = form.run_once(
                user=request.user,
                action="grants.add_attachment",
                model=ApplicationAttachment,
                create=lambda: services.add_attachment(
                    actor=request.user,
                    application=application,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                ),
            )
            if result is not None:
                messages.success(request, _("Bilaget er tilføjet."))
                return redirect("grants:step", application_id=application.id, step=3)
        context = _step_context(application, 3, form=form)
        return render(request, "grants/step_attachments.html", context, status=400 if form.errors else 200)
    if step == 4:
        context = _step_context(application, 4, missing=services.completeness_errors(application))
        return render(request, "grants/step_check.html", context)
    raise Http404


@login_required
@require_POST
def application_submit(request, application_id: int):
    sent = access_application_by_id(user=request.user, application_id=application_id)
    if is_applicant(request.user, sent) and sent.status == Application.Status.SUBMITTED:
        return redirect("grants:receipt", application_id=sent.id)  # "Send" clicked twice: it went the first time
    application = _own_draft(request, application_id)
    try:
        services.submit_application(actor=request.user, application=application)
    except ValidationError as error:
        missing = error.message_dict if hasattr(error, "error_dict") else {"status": error.messages}
        return render(request, "grants/step_check.html", _step_context(application, 4, missing=missing), status=400)
    return redirect("grants:receipt", application_id=application.id)


@login_required
@require_GET
def application_receipt(request, application_id: int):
    application = access_application_by_id(user=request.user, application_id=application_id)
    if not is_applicant(request.user, application) or application.submitted_at is None:
        raise Http404
    return render(request, "grants/receipt.html", {"application": application, "pool": application.round.pool})


def _render_application(request, application: Application, *, forms: dict | None = None, error=None, status=200):
    user = request.user
    forms = forms or {}
    pool = application.round.pool
    services.reviewer_opens_application(reviewer=user, application=application)
    context = {
        "application": application,
        "pool": pool,
        "requests": information_requests_of(application=application),
        "open_request": open_information_request(application=application),
        "errors": error.messages if error else [],
        "can_edit": rules.has_perm("grants.edit_application", user, application),
        "can_withdraw": rules.has_perm("grants.withdraw_application", user, application),
        "can_answer": rules.has_perm("grants.answer_information_request", user, application),
        "can_review": rules.has_perm("grants.review_application", user, application),
        "can_decide": rules.has_perm("grants.decide_application", user, application),
        "can_report": rules.has_perm("grants.report_on_application", user, application) and not application.reported_at,
        "can_pay": rules.has_perm("grants.record_payout", user, application) and not application.paid_at,
        "scores": scores_of(application=application) if can_see_scores(user, application) else None,
        "answer_form": forms.get("answer") or AnswerForm(),
        "question_form": forms.get("question") or QuestionForm(),
        "score_form": forms.get("score") or ScoreForm(pool=pool),
        "decision_form": forms.get("decision") or DecisionForm(),
        "report_form": forms.get("report") or ReportForm(),
        "payout_form": forms.get("payout") or PayoutForm(initial={"amount": application.amount_granted}),
        "totals": round_totals(round=application.round),
    }
    failed = error is not None or any(form.errors for form in forms.values())
    return render(request, "grants/application_detail.html", context, status=400 if failed else status)


@login_required
@require_GET
def application_detail(request, application_id: int):
    return _render_application(request, access_application_by_id(user=request.user, application_id=application_id))


def _form_action(request, application_id: int, *, name: str, form_class, action, success: str, once_as=None):
    """A form on the application page: parse, call the service, or show the page again with the errors.
    `once_as` (action name, model) runs it once per the form's key: sent twice, the second is the first."""
    application = access_application_by_id(user=request.user, application_id=application_id)
    form = form_class(request.POST)

    def run():
        return action(application, form.cleaned_data)

    if form.is_valid() and run_form_service(form, user=request.user, run=run, once_as=once_as):
        messages.success(request, success)
        return redirect("grants:application", application_id=application.id)
    return _render_application(request, application, forms={name: form})


@login_required
@require_POST
def application_withdraw(request, application_id: int):
    application = access_application_by_id(user=request.user, application_id=application_id)
    try:
        services.withdraw_application(actor=request.user, application=application)
    except ValidationError as error:
        return _render_application(request, application, error=error)
    messages.success(request, _("Ansøgningen er trukket tilbage."))
    return redirect("grants:application", application_id=application.id)


@login_required
@require_POST
def application_answer(request, application_id: int):
    return _form_action(
        request,
        application_id,
        name="answer",
        form_class=AnswerForm,
        action=lambda application, data: services.answer_information_request(
            actor=request.user, application=application, **data
        ),
        success=_("Tak for dit svar. Ansøgningen er sendt igen."),
        once_as=("grants.answer_information_request", Application),
    )


@login_required
@require_POST
def application_question(request, application_id: int):
    return _form_action(
        request,
        application_id,
        name="question",
        form_class=QuestionForm,
        action=lambda application, data: services.request_information(
            reviewer=request.user, application=application, **data
        ),
        success=_("Spørgsmålet er sendt til ansøgeren."),
        once_as=("grants.request_information", InformationRequest),
    )


@login_required
@require_POST
def application_score(request, application_id: int):
    application = access_application_by_id(user=request.user, application_id=application_id)
    form = ScoreForm(request.POST, pool=application.round.pool)
    if form.is_valid():
        try:
            services.score_application(reviewer=request.user, application=application, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Pointene er gemt."))
            return redirect("grants:application", application_id=application.id)
    return _render_application(request, application, forms={"score": form})


@login_required
@require_POST
def application_decide(request, application_id: int):
    return _form_action(
        request,
        application_id,
        name="decision",
        form_class=DecisionForm,
        action=lambda application, data: services.decide_application(
            reviewer=request.user, application=application, **data
        ),
        success=_("Afgørelsen er truffet, og ansøgeren har fået afgørelsesbrevet."),
        once_as=("grants.decide_application", Application),
    )


@login_required
@require_POST
def application_report(request, application_id: int):
    return _form_action(
        request,
        application_id,
        name="report",
        form_class=ReportForm,
        action=lambda application, data: services.report_on_project(
            actor=request.user, application=application, **data
        ),
        success=_("Tak for rapporten."),
        once_as=("grants.report_on_project", Application),
    )


@login_required
@require_POST
def application_payout(request, application_id: int):
    return _form_action(
        request,
        application_id,
        name="payout",
        form_class=PayoutForm,
        action=lambda application, data: services.record_payout(actor=request.user, application=application, **data),
        success=_("Udbetalingen er registreret."),
        once_as=("grants.record_payout", Application),
    )


@login_required
@require_POST
def attachment_remove(request, application_id: int, attachment_id: int):
    application = access_application_by_id(user=request.user, application_id=application_id)
    attachment = application.attachments.filter(id=attachment_id).first()
    if attachment is None:
        raise Http404
    services.remove_attachment(actor=request.user, attachment=attachment)
    messages.success(request, _("Bilaget er fjernet."))
    return redirect("grants:step", application_id=application.id, step=3)


@login_required
@require_GET
def attachment_file(request, application_id: int, attachment_id: int, file_name: str):
    """The file, to the applicant and the pool's reviewers only (404 for anyone else), always as a download."""
    application = access_application_by_id(user=request.user, application_id=application_id)
    attachment = application.attachments.filter(id=attachment_id, file_name=file_name).first()
    if attachment is None:
        raise Http404
    services.reviewer_opens_application(reviewer=request.user, application=application)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def decision_letter(request, application_id: int):
    application = access_application_by_id(user=request.user, application_id=application_id)
    if not application.decision_letter:
        raise Http404
    if request.path.endswith(".pdf"):
        response = HttpResponse(services.decision_letter_pdf(application), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="afgoerelse-{application.reference or application.id}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
    paragraphs = [part.strip() for part in application.decision_letter.split("\n\n") if part.strip()]
    return render(request, "grants/decision_letter.html", {"application": application, "paragraphs": paragraphs})
