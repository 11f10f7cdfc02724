"""Pages of hearings: the public list and hearing, answering, and the department's pages. Thin: forms parse,
services decide, selectors read."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import add_service_errors
from core.idempotency import earlier
from hearings import services
from hearings.documents import note_context, note_pdf
from hearings.forms import (
    AnswerForm,
    FileForm,
    HearingForm,
    HideForm,
    InviteForm,
    NoteSummaryForm,
    SectionForm,
    SectionNoteForm,
)
from hearings.models import Answer, Hearing, HearingFile, Invitation, Section
from hearings.permissions import can_read_all_answers
from hearings.selectors import (
    access_answer_by_id,
    access_hearing_by_id,
    access_managed_hearing_by_id,
    answer_counts,
    answer_counts_by_section,
    answers_for,
    answers_read_by_department,
    departments_for_new_hearing,
    hearings_managed_by,
    invitations_of,
    parties_user_may_answer_for,
    published_hearings,
    sections_of,
    uninvited_associations,
    uninvited_councils,
)


def _status(form) -> int:
    return 400 if form.errors else 200


@require_GET
def hearing_list(request):
    context = {
        "hearings": published_hearings(),
        "managed": hearings_managed_by(user=request.user),
        "can_create": departments_for_new_hearing(user=request.user).exists(),
    }
    return render(request, "hearings/hearing_list.html", context)


@require_GET
def hearing_detail(request, hearing_id: int):
    hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
    answers = answers_for(user=request.user, hearing=hearing)
    context = {
        "hearing": hearing,
        "sections": sections_of(hearing=hearing),
        "files": hearing.files.all(),
        "invitations": invitations_of(hearing=hearing),
        "answers": answers,
        "counts": answer_counts(hearing=hearing),
        "by_section": answer_counts_by_section(hearing=hearing),
        "can_answer": rules.has_perm("hearings.answer_hearing", request.user, hearing),
        "can_manage": rules.has_perm("hearings.manage_hearing", request.user, hearing),
        "can_moderate": rules.has_perm("hearings.moderate_answers", request.user),
        "closed_message": None if hearing.is_open else services.closed_message(hearing),
    }
    return render(request, "hearings/hearing_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, hearing_id: int):
    hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
    councils, associations = parties_user_may_answer_for(user=request.user, hearing=hearing)
    sections = list(sections_of(hearing=hearing))
    initial = {"section": request.GET.get("afsnit", "")}
    form = AnswerForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        sections=sections,
        councils=list(councils),
        associations=list(associations),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        result = form.run_once(
            user=request.user,
            action="hearings.answer_hearing",
            model=Answer,
            create=lambda: services.answer_hearing(author=request.user, hearing=hearing, **form.answer_kwargs()),
        )
        if result is not None:
            messages.success(request, _("Tak for dit høringssvar. Det er modtaget."))
            return redirect(hearing)
    context = {
        "hearing": hearing,
        "form": form,
        "closed_message": None if hearing.is_open else services.closed_message(hearing),
    }
    return render(request, "hearings/answer_form.html", context, status=_status(form))


@require_GET
def answer_file(request, answer_id: int, file_name: str):
    answer = access_answer_by_id(user=request.user, answer_id=answer_id)
    if not answer.file_name or answer.file_name != file_name:
        raise Http404
    return FileResponse(
        answer.file.open("rb"), as_attachment=True, filename=answer.file_name, content_type=answer.mime_type
    )


@require_GET
def hearing_file(request, hearing_id: int, file_id: int, file_name: str):
    hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
    stored = get_object_or_404(hearing.files, id=file_id, file_name=file_name)
    return FileResponse(stored.file.open("rb"), filename=stored.file_name, content_type=stored.mime_type)


# The høringsnotat


def _published_note(request, hearing_id: int):
    hearing = access_hearing_by_id(user=request.user, hearing_id=hearing_id)
    if not (hearing.is_concluded or can_read_all_answers(request.user, hearing)):
        raise Http404
    return hearing


@require_GET
def note(request, hearing_id: int):
    hearing = _published_note(request, hearing_id)
    return render(request, "hearings/note.html", {"hearing": hearing, "note": note_context(hearing)})


@require_GET
def note_document(request, hearing_id: int):
    hearing = _published_note(request, hearing_id)
    response = HttpResponse(note_pdf(hearing, language=translation.get_language()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="hoeringsnotat-{hearing.id}.pdf"'
    return response


# The department's pages


@login_required
@require_http_methods(["GET", "POST"])
def hearing_create(request):
    departments = departments_for_new_hearing(user=request.user)
    if not departments.exists():
        raise PermissionDenied
    form = HearingForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        hearing = form.run_once(
            user=request.user,
            action="hearings.create_hearing",
            model=Hearing,
            create=lambda: services.create_hearing(actor=request.user, **form.cleaned_data),
        )
        if hearing is not None:
            messages.success(request, _("Høringen er oprettet som kladde. Skriv udkastet, og inviter høringsparter."))
            return redirect("hearings:manage", hearing_id=hearing.id)
    return render(request, "hearings/hearing_form.html", {"form": form}, status=_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def hearing_edit(request, hearing_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    form = HearingForm(
        request.POST or None, instance=hearing, departments=departments_for_new_hearing(user=request.user), editing=True
    )
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        try:
            services.update_hearing(actor=request.user, hearing=hearing, themes=list(changes.pop("themes")), **changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Høringen er gemt."))
            return redirect("hearings:manage", hearing_id=hearing.id)
    hearing.refresh_from_db()
    return render(request, "hearings/hearing_form.html", {"form": form, "hearing": hearing}, status=_status(form))


def _manage_page(request, hearing, *, forms=None, status=200):
    forms = forms or {}
    answers = answers_read_by_department(user=request.user, hearing=hearing)
    context = {
        "hearing": hearing,
        "sections": sections_of(hearing=hearing),
        "files": hearing.files.all(),
        "invitations": invitations_of(hearing=hearing),
        "answers": answers,
        "counts": answer_counts(hearing=hearing),
        "can_moderate": rules.has_perm("hearings.moderate_answers", request.user),
        "section_form": forms.get("section") or SectionForm(),
        "file_form": forms.get("file") or FileForm(),
        "invite_form": forms.get("invite") or _invite_form(hearing),
        "action_errors": forms.get("action_errors", []),
    }
    return render(request, "hearings/manage.html", context, status=status)


def _invite_form(hearing, data=None):
    return InviteForm(
        data,
        councils=list(uninvited_councils(hearing=hearing)),
        associations=list(uninvited_associations(hearing=hearing)),
    )


@login_required
@require_GET
def manage(request, hearing_id: int):
    return _manage_page(request, access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id))


@login_required
@require_POST
def section_add(request, hearing_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    form = SectionForm(request.POST)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="hearings.add_section",
            model=Section,
            create=lambda: services.add_section(actor=request.user, hearing=hearing, **form.cleaned_data),
        )
        if result is not None:
            messages.success(request, _("Afsnittet er tilføjet udkastet."))
            return redirect("hearings:manage", hearing_id=hearing.id)
    return _manage_page(request, hearing, forms={"section": form}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request, hearing_id: int, number: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    section = get_object_or_404(hearing.sections, number=number)
    form = SectionForm(request.POST or None, initial={"title": section.title, "body": section.body})
    if request.method == "POST":
        if "remove" in request.POST:
            try:
                services.remove_section(actor=request.user, section=section)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Afsnittet er fjernet fra udkastet."))
                return redirect("hearings:manage", hearing_id=hearing.id)
        elif form.is_valid():
            try:
                services.update_section(actor=request.user, section=section, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Afsnittet er gemt."))
                return redirect("hearings:manage", hearing_id=hearing.id)
    context = {"hearing": hearing, "section": section, "form": form}
    return render(request, "hearings/section_form.html", context, status=_status(form))


@login_required
@require_POST
def file_add(request, hearing_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="hearings.add_file",
            model=HearingFile,
            create=lambda: services.add_file(
                actor=request.user,
                hearing=hearing,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            ),
        )
        if result is not None:
            messages.success(request, _("Bilaget er tilføjet."))
            return redirect("hearings:manage", hearing_id=hearing.id)
    return _manage_page(request, hearing, forms={"file": form}, status=400)


@login_required
@require_POST
def file_remove(request, hearing_id: int, file_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    try:
        services.remove_file(actor=request.user, stored=get_object_or_404(hearing.files, id=file_id))
    except ValidationError as error:
        return _manage_page(request, hearing, forms={"action_errors": error.messages}, status=400)
    messages.success(request, _("Bilaget er fjernet."))
    return redirect("hearings:manage", hearing_id=hearing.id)


def _invited(request, invitation: Invitation) -> None:
    messages.success(request, _("%(party)s er inviteret til høringen.") % {"party": invitation.party})


@login_required
@require_POST
def invite(request, hearing_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    key = request.POST.get("idempotency_key", "")
    invitation = earlier(action="hearings.invite", actor_id=request.user.id, key=key, model=Invitation)
    if invitation is not None:
        _invited(request, invitation)
        return redirect("hearings:manage", hearing_id=hearing.id)  # sent twice: the party is no longer a choice
    form = _invite_form(hearing, request.POST)
    if form.is_valid():
        invitation = form.run_once(
            user=request.user,
            action="hearings.invite",
            model=Invitation,
            create=lambda: services.invite(actor=request.user, hearing=hearing, **form.party_kwargs()),
        )
        if invitation is not None:
            _invited(request, invitation)
            return redirect("hearings:manage", hearing_id=hearing.id)
    return _manage_page(request, hearing, forms={"invite": form}, status=400)


@login_required
@require_POST
def uninvite(request, hearing_id: int, invitation_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    invitation = get_object_or_404(Invitation, id=invitation_id, hearing=hearing)
    party = str(invitation.party)
    try:
        services.uninvite(actor=request.user, invitation=invitation)
    except ValidationError as error:
        return _manage_page(request, hearing, forms={"action_errors": error.messages}, status=400)
    messages.success(request, _("%(party)s er ikke længere inviteret.") % {"party": party})
    return redirect("hearings:manage", hearing_id=hearing.id)


@login_required
@require_POST
def publish(request, hearing_id: int):
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    try:
        services.publish_hearing(actor=request.user, hearing=hearing)
    except ValidationError as error:
        return _manage_page(request, hearing, forms={"action_errors": error.messages}, status=400)
    messages.success(request, _("Høringen er offentliggjort. Høringsparterne får besked, når den åbner."))
    return redirect("hearings:manage", hearing_id=hearing.id)


@login_required
@require_http_methods(["GET", "POST"])
def answer_hide(request, answer_id: int):
    if not rules.has_perm("hearings.moderate_answers", request.user):
        raise Http404  # the moderation door is only the moderators'; to anyone else there is nothing here
    shown = access_answer_by_id(user=request.user, answer_id=answer_id)
    if request.method == "POST" and "unhide" in request.POST:
        try:
            services.unhide_answer(actor=request.user, answer=shown)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(shown.hearing)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hide_answer(actor=request.user, answer=shown, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Høringssvaret er skjult, og afsenderen har fået besked."))
            return redirect(shown.hearing)
    return render(request, "hearings/hide_form.html", {"answer": shown, "form": form}, status=_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, hearing_id: int):
    """The department writes the høringsnotat after the deadline, section by section, then publishes it."""
    hearing = access_managed_hearing_by_id(user=request.user, hearing_id=hearing_id)
    sections = list(sections_of(hearing=hearing))
    action = request.POST.get("action", "")
    summary_form = NoteSummaryForm(
        request.POST if action == "summary" else None, initial={"note_summary": hearing.note_summary}
    )
    section_forms = []
    for section in sections:
        note = getattr(section, "note", None)
        initial = (
            {"summary": note.summary, "comment": note.comment, "changes_draft": note.changes_draft} if note else {}
        )
        bound = request.POST if action == f"section-{section.number}" else None
        section_forms.append((section, SectionNoteForm(bound, initial=initial, prefix=f"s{section.number}")))
    action_errors = []
    if request.method == "POST":
        try:
            done = _save_note_part(request, hearing, action, summary_form, section_forms)
        except ValidationError as error:
            action_errors = error.messages
            done = False
        if done:
            return redirect(done)
    context = {
        "hearing": hearing,
        "summary_form": summary_form,
        "section_forms": section_forms,
        "counts": answer_counts(hearing=hearing),
        "answers": answers_read_by_department(user=request.user, hearing=hearing),
        "action_errors": action_errors,
    }
    errors = action_errors or summary_form.errors or any(form.errors for _section, form in section_forms)
    return render(request, "hearings/note_form.html", context, status=400 if errors else 200)


def _save_note_part(request, hearing, action, summary_form, section_forms):
    """Save the part of the notat the button belongs to; the URL to go to when it worked, else None."""
    if action == "publish":
        services.publish_note(actor=request.user, hearing=hearing)
        messages.success(request, _("Høringsnotatet er offentliggjort sammen med høringssvarene."))
        return hearing.get_absolute_url() + "notat/"
    if action == "summary" and summary_form.is_valid():
        try:
            services.write_note_summary(actor=request.user, hearing=hearing, **summary_form.cleaned_data)
        except ValidationError as error:
            add_service_errors(summary_form, error)
            return None
        messages.success(request, _("De generelle bemærkninger er gemt."))
        return request.path
    for section, form in section_forms:
        if action == f"section-{section.number}" and form.is_valid():
            try:
                services.write_section_note(actor=request.user, section=section, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
                return None
            messages.success(request, _("Notatet til afsnit %(number)s er gemt.") % {"number": section.number})
            return f"{request.path}#afsnit-{section.number}"
    return None
