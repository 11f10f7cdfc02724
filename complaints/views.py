"""Pages of the complaint flow. Thin: forms parse, services decide, selectors read."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import is_department_lead
from accounts.views import assurance_required
from complaints import services
from complaints.forms import (
    FILE_FIELDS,
    INTAKE_STEPS,
    AddInformationForm,
    AssistedComplaintForm,
    AttachmentForm,
    ClassifyComplaintForm,
    CloseComplaintForm,
    ComplaintFilterForm,
    ComplaintStepForm,
    ContactLogForm,
    GrantRepresentationForm,
    InboxFilterForm,
    IntakeStep,
    PaperRepresentationForm,
    ReassignForm,
    SurveyForm,
    WithdrawComplaintForm,
    intake_summary,
)
from complaints.models import Complaint, ComplaintAttachment, ComplaintEvent, ContactLog, Representation, Survey
from complaints.panels import render_panels
from complaints.permissions import (
    is_complaint_citizen,
)
from complaints.selectors import (
    access_assisted_complaint_by_id,
    access_complaint_attachment_by_id,
    access_complaint_by_id,
    access_representation_by_id,
    access_task_by_id,
    complaint_attachments,
    complaint_timeline,
    complaints_filed_for_unclaimed,
    inbox_for,
    may_attach_to,
    open_complaint_draft,
    own_complaints,
    representations_for_complaint,
    representations_given,
    representations_held,
    representatives_in_force,
    represented_complaints,
    sent_complaint_of_draft,
    theme_suggestions_for,
)
from core.bodies import body_limit, permission_before_body
from core.forms import add_service_errors
from core.idempotency import once
from core.pagination import paged

COMPLAINTS_PER_PAGE = 20
TASKS_PER_PAGE = 25

# --- The complaint in steps: each step a page of its own, her draft kept on the server, "Tjek dine svar", send --


def _intake_step(slug: str) -> IntakeStep:
    for step in INTAKE_STEPS:
        if step.slug == slug:
            return step
    raise Http404


def _step_forms(answers: dict) -> list[ComplaintStepForm]:
    """Each step's form bound to what the draft holds, to tell which steps are done."""
    return [ComplaintStepForm(answers, step=step) for step in INTAKE_STEPS]


def _step_indicator(answers: dict, *, current: str) -> list[dict]:
    forms = _step_forms(answers) if answers else []
    done = {form.step.slug for form in forms if form.is_valid()}
    steps = [
        {"number": number, "title": step.title, "slug": step.slug, "done": step.slug in done}
        for number, step in enumerate(INTAKE_STEPS, start=1)
    ]
    steps.append(
        {"number": len(steps) + 1, "title": _("Tjek dine svar"), "slug": "tjek", "done": len(done) == len(steps)}
    )
    for item in steps:
        item["current"] = item["slug"] == current
    return steps


@login_required
@assurance_required("file_complaint")
def complaint_create(request):
    """Ny klage: the first step (or where she left her draft, which the steps' own pages show)."""
    return redirect("complaints:create-step", step=INTAKE_STEPS[0].slug)


@login_required
@assurance_required("file_complaint")
@require_http_methods(["GET", "POST"])
def complaint_step(request, step: str):
    step = _intake_step(step)
    draft = open_complaint_draft(user=request.user)
    answers = draft.answers if draft else {}
    if request.method == "POST":
        form = ComplaintStepForm(request.POST, request.FILES, step=step)
        if form.is_valid():
            try:
                services.add_complaint_draft_files(
                    citizen=request.user,
                    decision_file=form.cleaned_data.get("decision_file"),
                    documents=form.cleaned_data.get("documents", []),
                )
                services.save_complaint_draft(citizen=request.user, answers=form.answers())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(_after_step(request, step))
    else:
        initial = answers or {}
        if step.slug == "kontakt" and "phone" not in answers:
            initial = {**initial, "phone": request.user.phone}
        form = ComplaintStepForm(initial=initial, step=step)
    context = {
        "form": form,
        "step": step,
        "steps": _step_indicator(answers, current=step.slug),
        "files": draft.files.all() if draft and "documents" in step.fields else [],
        "back_to_check": request.GET.get("tjek") == "1" or request.POST.get("tjek") == "1",
    }
    return render(request, "complaints/complaint_step.html", context, status=400 if form.errors else 200)


def _after_step(request, step: IntakeStep) -> str:
    if request.POST.get("tjek") == "1":
        return reverse("complaints:create-check")
    following = INTAKE_STEPS.index(step) + 1
    if following == len(INTAKE_STEPS):
        return reverse("complaints:create-check")
    return reverse("complaints:create-step", args=[INTAKE_STEPS[following].slug])


@login_required
@require_POST
def complaint_draft_file_remove(request, file_id: int):
    services.remove_complaint_draft_file(citizen=request.user, file_id=file_id)
    messages.success(request, _("Filen er fjernet."))
    return redirect(reverse("complaints:create-step", args=["detaljer"]) + "#files")


@login_required
@assurance_required("file_complaint")
@require_http_methods(["GET", "POST"])
def complaint_check(request):
    """Tjek dine svar: every step's answers with "Ret", and "Send klagen". Sending twice files once."""
    if request.method == "POST":
        try:
            draft_id = int(request.POST.get("draft", ""))
        except ValueError:
            draft_id = 0
        sent = sent_complaint_of_draft(user=request.user, draft_id=draft_id)
        if sent is not None:
            return redirect("complaints:receipt", complaint_id=sent.id)
    draft = open_complaint_draft(user=request.user)
    if draft is None:
        return redirect("complaints:create-step", step=INTAKE_STEPS[0].slug)
    forms = _step_forms(draft.answers)
    for form in forms:
        if not form.is_valid():
            messages.info(request, _("Udfyld dette trin, før du sender klagen."))
            return redirect("complaints:create-step", step=form.step.slug)
    values = {name: value for form in forms for name, value in form.cleaned_data.items() if name not in FILE_FIELDS}
    errors = []
    if request.method == "POST":
        try:
            complaint = services.send_complaint_draft(citizen=request.user, draft_id=draft.id, **values)
        except ValidationError as error:
            errors = error.messages
        else:
            return redirect("complaints:receipt", complaint_id=complaint.id)
    context = {
        "draft": draft,
        "sections": intake_summary(values=values, files=draft.files.all()),
        "steps": _step_indicator(draft.answers, current="tjek"),
        "errors": errors,
    }
    return render(request, "complaints/complaint_check.html", context, status=400 if errors else 200)


# --- Assisted intake (citizen service) ----------------------------------------------------------------------

CODE_SESSION_KEY = "bd_claim_code_{}"  # the code lives in the employee's session until she is done printing


def _citizen_service_only(request) -> None:
    if not rules.has_perm("accounts.assist_citizens", request.user):
        raise PermissionDenied


@login_required
@assurance_required("assisted_intake")
def assisted_list(request):
    _citizen_service_only(request)
    complaints = complaints_filed_for_unclaimed(user=request.user)
    return render(request, "complaints/assisted_list.html", {"complaints": complaints})


@login_required
@assurance_required("assisted_intake")
@sensitive_post_parameters("cpr")
@require_http_methods(["GET", "POST"])
def assisted_create(request):
    _citizen_service_only(request)
    form = AssistedComplaintForm(request.POST or None, request.FILES or None, initial={"receipt_by_letter": True})
    if request.method == "POST" and form.is_valid():
        complaint = form.run_once(
            user=request.user,
            action="complaints.file_complaint_for_citizen",
            model=Complaint,
            create=lambda: _file_for_citizen(request, form.cleaned_data),
        )
        if complaint is not None:
            # Sent twice: the first put the code in this session, and the receipt shows it (once).
            return redirect("complaints:assisted-receipt", complaint_id=complaint.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "complaints/assisted_form.html", {"form": form}, status=status)


def _file_for_citizen(request, data: dict) -> Complaint:
    complaint, code = services.file_complaint_for_citizen(actor=request.user, **data)
    request.session[CODE_SESSION_KEY.format(complaint.id)] = code
    return complaint


@login_required
def assisted_receipt(request, complaint_id: int):
    complaint = access_assisted_complaint_by_id(user=request.user, complaint_id=complaint_id)
    code = request.session.get(CODE_SESSION_KEY.format(complaint.id))
    return render(request, "complaints/assisted_receipt.html", {"complaint": complaint, "code": code})


@login_required
def assisted_receipt_pdf(request, complaint_id: int):
    complaint = access_assisted_complaint_by_id(user=request.user, complaint_id=complaint_id)
    code = request.session.get(CODE_SESSION_KEY.format(complaint.id))
    if code is None:
        raise Http404
    pdf = services.assisted_receipt_pdf(actor=request.user, complaint=complaint, code=code)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kvittering-{complaint.reference}.pdf"'
    return response


@login_required
@require_POST
def assisted_new_code(request, complaint_id: int):
    complaint = access_assisted_complaint_by_id(user=request.user, complaint_id=complaint_id)
    code = services.renew_claim_code(actor=request.user, complaint=complaint)
    request.session[CODE_SESSION_KEY.format(complaint.id)] = code
    messages.success(request, _("Der er lavet en ny kode. Den gamle kode virker ikke længere."))
    return redirect("complaints:assisted-receipt", complaint_id=complaint.id)


@login_required
@require_POST
def assisted_done(request, complaint_id: int):
    """The receipt is printed or sent: the code leaves the session and is never shown again."""
    complaint = access_assisted_complaint_by_id(user=request.user, complaint_id=complaint_id)
    request.session.pop(CODE_SESSION_KEY.format(complaint.id), None)
    messages.success(
        request, _("Koden til %(reference)s er glemt og vises ikke igen.") % {"reference": complaint.reference}
    )
    return redirect("complaints:assisted-list")


@login_required
def complaint_receipt(request, complaint_id: int):
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not is_complaint_citizen(request.user, complaint):
        raise Http404
    values = {
        name: getattr(complaint, name) for step in INTAKE_STEPS for name in step.fields if name not in FILE_FIELDS
    }
    sections = intake_summary(values=values, files=complaint_attachments(complaint=complaint))
    return render(request, "complaints/receipt.html", {"complaint": complaint, "sections": sections})


@login_required
def complaint_list(request):
    """Her own complaints, and apart from them those she acts in for someone else ("på vegne af")."""
    filter_form = ComplaintFilterForm.from_query(request.GET)
    complaints = own_complaints(user=request.user, **filter_form.filters())
    context = {
        "filter_form": filter_form,
        **paged(request, complaints, per_page=COMPLAINTS_PER_PAGE),
        "represented": represented_complaints(user=request.user),
    }
    return render(request, "complaints/complaint_list.html", context)


def _detail_context(request, complaint, *, can_handle: bool, **forms) -> dict:
    """The complaint page's context; `forms` replaces the staff forms (a form posted back with its errors).
    The citizen and staff see who acts for her; the representative is told she acts for the citizen."""
    staff_forms = {
        "close_form": CloseComplaintForm(),
        "classify_form": ClassifyComplaintForm(initial={"kle_subject": complaint.kle_subject_id}),
        "paper_form": PaperRepresentationForm(initial={"valid_from": timezone.localdate()}),
    }
    sees_representations = can_handle or is_complaint_citizen(request.user, complaint)
    in_force = representatives_in_force(complaint=complaint)
    return {
        "complaint": complaint,
        "events": complaint_timeline(complaint=complaint),
        "can_handle": can_handle,
        "contact_logs": complaint.contact_logs.select_related("author") if can_handle else [],
        "tasks": complaint.tasks.select_related("assignee") if can_handle else [],
        **({**staff_forms, **forms} if can_handle else dict.fromkeys(staff_forms)),
        "attachments": complaint_attachments(complaint=complaint),
        "can_attach": rules.has_perm("complaints.attach_to_complaint", request.user, complaint),
        "can_add": rules.has_perm("complaints.add_to_complaint", request.user, complaint),
        "can_withdraw": rules.has_perm("complaints.withdraw_complaint", request.user, complaint),
        "panels": render_panels(request=request, complaint=complaint, can_handle=can_handle),
        "representations": representations_for_complaint(complaint=complaint) if sees_representations else [],
        "acting_for": in_force.filter(representative_id=request.user.id).first(),
    }


@login_required
def complaint_detail(request, complaint_id: int):
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    can_handle = rules.has_perm("complaints.handle_complaint", request.user, complaint)
    context = _detail_context(request, complaint, can_handle=can_handle)
    return render(request, "complaints/complaint_detail.html", context)


@login_required
@require_POST
def complaint_close(request, complaint_id: int):
    """Closing is for good: the answers are confirmed on a page of their own before the complaint closes."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not rules.has_perm("complaints.handle_complaint", request.user, complaint):
        raise PermissionDenied
    form = CloseComplaintForm(request.POST)
    if form.is_valid():
        if request.POST.get("confirm") != "1":
            return render(request, "complaints/close_confirm.html", {"complaint": complaint, "form": form})
        try:
            services.close_complaint(actor=request.user, complaint=complaint, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Klagen er afsluttet, og borgeren har fået spørgeskemaet."))
            return redirect("complaints:detail", complaint_id=complaint.id)
    context = _detail_context(request, complaint, can_handle=True, close_form=form)
    return render(request, "complaints/complaint_detail.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def complaint_add_information(request, complaint_id: int):
    """After sending: she tells more (a text, files); it goes on the timeline and to her caseworker at once."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not rules.has_perm("complaints.add_to_complaint", request.user, complaint):
        raise PermissionDenied
    form = AddInformationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = form.run_once(
            user=request.user,
            action="complaints.add_complaint_information",
            model=ComplaintEvent,
            create=lambda: services.add_complaint_information(
                actor=request.user, complaint=complaint, **form.cleaned_data
            ),
        )
        if result is not None:
            messages.success(request, _("Tak – oplysningerne er sendt til sagsbehandleren."))
            return redirect(f"{reverse('complaints:detail', args=[complaint.id])}#timeline")
    context = {"complaint": complaint, "form": form}
    return render(request, "complaints/add_information.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def complaint_withdraw(request, complaint_id: int):
    """Withdrawing is for good, so it is confirmed on a page of its own."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not rules.has_perm("complaints.withdraw_complaint", request.user, complaint):
        raise PermissionDenied
    form = WithdrawComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_complaint(actor=request.user, complaint=complaint, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Klagen er trukket tilbage."))
            return redirect("complaints:detail", complaint_id=complaint.id)
    context = {"complaint": complaint, "form": form}
    return render(request, "complaints/withdraw.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def complaint_classify(request, complaint_id: int):
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    form = ClassifyComplaintForm(request.POST)
    if form.is_valid():
        try:
            services.classify_complaint(actor=request.user, complaint=complaint, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("KLE-emnet er gemt."))
            return redirect(f"{reverse('complaints:detail', args=[complaint.id])}#kle")
    if not rules.has_perm("complaints.handle_complaint", request.user, complaint):
        raise PermissionDenied
    context = _detail_context(request, complaint, can_handle=True, classify_form=form)
    return render(request, "complaints/complaint_detail.html", context, status=400)


@login_required
@require_POST
def complaint_record_representation(request, complaint_id: int):
    """Staff record a paper fuldmagt for the complaint (the form is on the complaint's page)."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    if not rules.has_perm("complaints.handle_complaint", request.user, complaint):
        raise PermissionDenied
    form = PaperRepresentationForm(request.POST, request.FILES)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="complaints.record_paper_representation",
            model=Representation,
            create=lambda: services.record_paper_representation(
                actor=request.user, complaint=complaint, **form.service_arguments()
            ),
        )
        if result is not None:
            messages.success(request, _("Fuldmagten er registreret for klagen."))
            return redirect(f"{reverse('complaints:detail', args=[complaint.id])}#representations")
    context = _detail_context(request, complaint, can_handle=True, paper_form=form)
    return render(request, "complaints/complaint_detail.html", context, status=400)


@login_required
@require_POST
def contact_share(request, complaint_id: int, log_id: int):
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id)
    log = get_object_or_404(complaint.contact_logs, id=log_id)
    services.share_contact_summary(actor=request.user, contact_log=log)
    messages.success(request, _("Resuméet er delt med borgeren i samtalen. Borgeren kan bekræfte eller rette det."))
    return redirect(f"{reverse('complaints:detail', args=[complaint.id])}#contact-{log.id}")


@permission_before_body(may_attach_to)
@body_limit(settings.ONE_ATTACHMENT_REQUEST_MAX_BYTES)
@login_required
@require_http_methods(["GET", "POST"])
def complaint_attachments_page(request, complaint_id: int):
    """The case's documents, and a form to add one (the citizen while her complaint is open, staff always)."""
    complaint = access_complaint_by_id(user=request.user, complaint_id=complaint_id, what="bilag")
    can_attach = rules.has_perm("complaints.attach_to_complaint", request.user, complaint)
    if request.method == "POST" and not can_attach:
        raise PermissionDenied
    form = AttachmentForm(request.POST or None, request.FILES or None) if can_attach else None
    if request.method == "POST" and form.is_valid():
        result = form.run_once(
            user=request.user,
            action="complaints.add_complaint_attachment",
            model=ComplaintAttachment,
            create=lambda: services.add_complaint_attachment(
                actor=request.user,
                complaint=complaint,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            ),
        )
        if result is not None:
            messages.success(request, _("Dokumentet er tilføjet."))
            return redirect("complaints:attachments", complaint_id=complaint.id)
    context = {"complaint": complaint, "attachments": complaint_attachments(complaint=complaint), "form": form}
    status = 400 if form is not None and form.errors else 200
    return render(request, "complaints/attachments.html", context, status=status)


@login_required
@require_GET
def attachment_file(request, complaint_id: int, attachment_id: int, file_name: str):
    """The file, to the citizen and her department's staff only (404 for anyone else), always as a download."""
    attachment = access_complaint_attachment_by_id(
        user=request.user, complaint_id=complaint_id, attachment_id=attachment_id
    )
    if attachment.file_name != file_name:
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def inbox(request):
    if not request.user.is_employee:
        raise PermissionDenied
    filter_form = InboxFilterForm.from_query(request.GET)
    tasks = inbox_for(user=request.user, **filter_form.filters())
    template = "complaints/_task_table.html" if request.GET.get("fragment") else "complaints/inbox.html"
    return render(request, template, {"filter_form": filter_form, **paged(request, tasks, per_page=TASKS_PER_PAGE)})


def _task_page(request, task, *, contact_form=None, reassign_form=None, status: int = 200):
    """The task page: the contact form and, for the department's lead, the form that moves the task. Each form
    posts to its own door (task_detail, task_reassign); the one that failed comes back bound with its errors."""
    suggestions = theme_suggestions_for(complaint=task.complaint)
    if contact_form is None:
        confirmed = list(task.complaint.themes.values_list("id", flat=True))
        contact_form = ContactLogForm(
            initial={
                "contacted_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                "themes": confirmed or [theme.id for theme, _score in suggestions],
            },
        )
    contact_form.fields["themes"].show_suggestion(suggestions)
    context = {
        "task": task,
        "contact_form": contact_form,
        "reassign_form": ReassignForm(department_id=task.department_id) if reassign_form is None else reassign_form,
        "is_lead": is_department_lead(user=request.user, department_id=task.department_id),
        "panels": render_panels(request=request, complaint=task.complaint, can_handle=True),
    }
    return render(request, "complaints/task_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def task_detail(request, task_id: int):
    """The task page (GET) and its contact form (POST): the contact is logged and the task done."""
    task = access_task_by_id(user=request.user, task_id=task_id)
    if request.method == "GET":
        return _task_page(request, task)
    form = ContactLogForm(request.POST)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="complaints.log_contact",
            model=ContactLog,
            create=lambda: services.log_contact(actor=request.user, task=task, **form.cleaned_data),
        )
        if result is not None:
            return redirect("complaints:detail", complaint_id=task.complaint_id)
    return _task_page(request, task, contact_form=form, status=400)


@login_required
@require_POST
def task_reassign(request, task_id: int):
    """The lead gives the task to another caseworker of the department (the task page's second form)."""
    task = access_task_by_id(user=request.user, task_id=task_id)
    form = ReassignForm(request.POST, department_id=task.department_id)
    if form.is_valid():
        try:
            moved = services.reassign_task(actor=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Opgaven på %(reference)s er givet til %(name)s, som har fået besked.")
                % {"reference": moved.complaint.reference, "name": moved.assignee.full_name},
            )
            return redirect("complaints:inbox")
    return _task_page(request, task, reassign_form=form, status=400)


@require_http_methods(["GET", "POST"])
def survey(request, token: str):
    """The follow-up survey: reached by the one-time link in the e-mail, no login needed. Sent twice (the same
    form's key), the second gets the same thanks; a link already used shows that it is closed."""
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            once(
                action="complaints.answer_survey",
                actor_id=0,  # no login: the key (made for this form, 128 random bits) is the answerer's own
                key=form.idempotency_key,
                model=Survey,
                create=lambda: services.answer_survey(token=token, **form.cleaned_data),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(request, "complaints/survey_thanks.html")
    open_survey = services.survey_for_token(token=token)
    if open_survey is None:
        return render(request, "complaints/survey_closed.html", status=410)
    return render(request, "complaints/survey_form.html", {"form": form, "complaint": open_survey.complaint})


# Representation: the citizen's "Fuldmagter" page, one representation's page, its answers and its document


@login_required
@require_http_methods(["GET", "POST"])
def representation_list(request):
    """The citizen's powers of attorney: give one, see those given and held, revoke."""
    form = GrantRepresentationForm(
        request.POST or None,
        complaints=own_complaints(user=request.user),
        initial={"valid_from": timezone.localdate(), "scope": request.GET.get("klage", "all")},
    )
    if request.method == "POST" and form.is_valid():
        representation = form.run_once(
            user=request.user,
            action="complaints.grant_representation",
            model=Representation,
            create=lambda: services.grant_representation(citizen=request.user, **form.service_arguments()),
        )
        if representation is not None:
            messages.success(
                request,
                _("Fuldmagten er sendt til %(name)s. Den gælder, når %(name)s har sagt ja.")
                % {"name": representation.representative.full_name},
            )
            return redirect(representation.get_absolute_url())
    context = {
        "form": form,
        "given": representations_given(user=request.user),
        "held": representations_held(user=request.user),
    }
    return render(request, "complaints/representation_list.html", context, status=400 if form.errors else 200)


def render_representation(request, representation, *, error: ValidationError | None = None):
    context = {
        "representation": representation,
        "can_answer": representation.status == representation.Status.PENDING
        and rules.has_perm("complaints.answer_representation", request.user, representation),
        "can_end": representation.status in (representation.Status.PENDING, representation.Status.ACTIVE)
        and rules.has_perm("complaints.end_representation", request.user, representation),
        "errors": error.messages if error else [],
    }
    return render(request, "complaints/representation_detail.html", context, status=400 if error else 200)


@login_required
def representation_detail(request, representation_id: int):
    """One power of attorney; the representative accepts or declines it here, either side ends it."""
    representation = access_representation_by_id(user=request.user, representation_id=representation_id)
    return render_representation(request, representation)


@login_required
@require_POST
def representation_answer(request, representation_id: int):
    representation = access_representation_by_id(user=request.user, representation_id=representation_id)
    accept = request.POST.get("answer") == "accept"
    try:
        services.answer_representation(actor=request.user, representation=representation, accept=accept)
    except ValidationError as error:
        return render_representation(request, representation, error=error)
    name = {"name": representation.principal.full_name}
    if accept:
        messages.success(request, _("Du har sagt ja til fuldmagten, og %(name)s har fået besked.") % name)
    else:
        messages.success(request, _("Du har sagt nej til fuldmagten, og %(name)s har fået besked.") % name)
    return redirect(representation.get_absolute_url())


@login_required
@require_POST
def representation_end(request, representation_id: int):
    representation = access_representation_by_id(user=request.user, representation_id=representation_id)
    try:
        services.end_representation(actor=request.user, representation=representation)
    except ValidationError as error:
        return render_representation(request, representation, error=error)
    messages.success(request, _("Fuldmagten er afsluttet og gælder ikke længere."))
    return redirect(representation.get_absolute_url())


@login_required
@require_GET
def representation_document(request, representation_id: int, file_name: str):
    """The scanned paper fuldmagt, to the two people and the department's staff only; staff reads are logged."""
    representation = access_representation_by_id(user=request.user, representation_id=representation_id)
    if not representation.document or representation.document_name != file_name:
        raise Http404
    services.representation_document_opened(viewer=request.user, representation=representation)
    response = FileResponse(
        representation.document.open("rb"),
        as_attachment=True,
        filename=representation.document_name,
        content_type=representation.document_mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
