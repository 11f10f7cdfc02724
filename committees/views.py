"""Pages of committees, meetings, agendas and minutes. Thin: forms parse, services decide, selectors read."""

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseGone
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.selectors import access_committee_by_slug, access_own_committee_by_slug
from committees import services
from committees.documents import document_file_name, meeting_pdf
from committees.forms import (
    AttachmentForm,
    DecisionForm,
    ItemForm,
    MeetingForm,
    PlaceProposalForm,
    WarningOverrideForm,
)
from committees.models import AgendaItem, Attachment, Meeting, WarningOverride
from committees.selectors import (
    access_attachment_by_id,
    access_item_by_id,
    access_meeting_by_id,
    access_meeting_file,
    access_own_item_by_id,
    access_own_meeting_by_id,
    access_paper_file,
    attachment_was_deleted,
    committees_listed,
    meeting_document,
    meeting_steps,
    meetings_of,
    open_agenda_warnings,
    open_meetings_for_placing,
    paper_file_was_deleted,
    proposal_queue,
    public_paper_files,
    warning_overrides,
)
from core.forms import add_service_errors


def _item_url(item) -> str:
    return f"{item.meeting.get_absolute_url()}#punkt-{item.id}"


@require_GET
def committee_list(request):
    return render(request, "committees/committee_list.html", {"committees": committees_listed()})


@require_GET
def committee_detail(request, slug: str):
    committee = access_committee_by_slug(slug=slug)
    context = {
        "committee": committee,
        "meetings": meetings_of(committee=committee),
        "can_manage": rules.has_perm("committees.manage_committee", request.user, committee),
        "can_view_proposals": rules.has_perm("committees.view_proposals", request.user, committee),
    }
    return render(request, "committees/committee_detail.html", context)


def _proposals_page(request, committee, *, form=None, status=200):
    can_manage = rules.has_perm("committees.manage_committee", request.user, committee)
    context = {
        "committee": committee,
        "proposals": proposal_queue(committee=committee),
        "can_manage": can_manage,
        "meetings": open_meetings_for_placing(committee=committee) if can_manage else [],
        "form": form,
    }
    return render(request, "committees/proposal_queue.html", context, status=status)


@login_required
@require_GET
def proposal_list(request, slug: str):
    """The committee's queue of proposals: members read it, the secretary places them on a meeting."""
    committee = access_own_committee_by_slug(user=request.user, slug=slug)
    if not rules.has_perm("committees.view_proposals", request.user, committee):
        raise PermissionDenied
    return _proposals_page(request, committee)


@login_required
@require_POST
def proposal_place(request, slug: str):
    committee = access_own_committee_by_slug(user=request.user, slug=slug)
    if not rules.has_perm("committees.manage_committee", request.user, committee):
        raise PermissionDenied
    form = PlaceProposalForm(request.POST, committee=committee)
    if form.is_valid():
        item = form.run_once(
            user=request.user,
            action="committees.place_proposal",
            model=AgendaItem,
            create=lambda: services.place_proposal(actor=request.user, **form.cleaned_data),
        )
        if item is not None:
            messages.success(request, _("Forslaget er sat på dagsordenen. Ret udkastet til punktet her."))
            return redirect("committees:item-edit", item_id=item.id)
    return _proposals_page(request, committee, form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, slug: str):
    committee = access_own_committee_by_slug(user=request.user, slug=slug)
    if not rules.has_perm("committees.manage_committee", request.user, committee):
        raise PermissionDenied
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.run_once(
            user=request.user,
            action="committees.create_meeting",
            model=Meeting,
            create=lambda: services.create_meeting(actor=request.user, committee=committee, **form.cleaned_data),
        )
        if meeting is not None:
            messages.success(request, _("Mødet er oprettet. Sæt nu punkter på dagsordenen."))
            return redirect(meeting)
    context = {"form": form, "committee": committee}
    return render(request, "committees/meeting_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, meeting_id: int):
    meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
    if not rules.has_perm("committees.manage_meeting", request.user, meeting):
        raise PermissionDenied
    form = MeetingForm.for_meeting(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Mødet er gemt."))
            return redirect(meeting)
    context = {"form": form, "committee": meeting.committee, "meeting": meeting}
    return render(request, "committees/meeting_form.html", context, status=400 if form.errors else 200)


def _meeting_page(request, meeting, *, action_errors=(), override_form=None, status=200):
    readable = rules.has_perm("committees.view_agenda", request.user, meeting)
    can_manage = rules.has_perm("committees.manage_meeting", request.user, meeting)
    steps = meeting_steps(user=request.user, meeting=meeting)
    context = {
        "meeting": meeting,
        "committee": meeting.committee,
        "steps": steps,
        "document": meeting_document(user=request.user, meeting=meeting) if readable else None,
        # Each open item's own published document (OParl's Paper mainFile), to download on its own.
        "paper_files": {stored.item_id: stored for stored in public_paper_files().filter(item__meeting=meeting)},
        "action_errors": action_errors,
        # Before publishing, the secretary sees what the sources warn about, and may publish anyway with a reason.
        "warnings": open_agenda_warnings(meeting=meeting) if steps.add_items else [],
        "overrides": warning_overrides(meeting=meeting) if can_manage else [],
        "override_form": override_form,
    }
    return render(request, "committees/meeting_detail.html", context, status=status)


@require_GET
def meeting_detail(request, meeting_id: int):
    """The agenda, or once published the minutes, as a page; with the secretary's tools for her."""
    return _meeting_page(request, access_meeting_by_id(meeting_id=meeting_id))


@require_GET
def meeting_document_pdf(request, meeting_id: int):
    document = meeting_document(user=request.user, meeting=access_meeting_by_id(meeting_id=meeting_id))
    response = HttpResponse(meeting_pdf(document, language=translation.get_language()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document_file_name(document)}"'
    return response


@dataclass(frozen=True)
class MeetingAction:
    """A step of the meeting that cannot be undone: asked on a page of its own, then done by its service."""

    service: Callable[..., Meeting]
    question: str
    consequence: str
    confirm: str
    done: str


MEETING_ACTIONS = {
    "publish-agenda": MeetingAction(
        services.publish_agenda,
        _("Vil du offentliggøre dagsordenen?"),
        _(
            "Punkterne får deres numre, de åbne punkter og deres bilag bliver offentlige, og borgere, hvis forslag er "
            "på dagsordenen, får besked. Det kan ikke fortrydes."
        ),
        _("Ja, offentliggør dagsordenen"),
        _("Dagsordenen er offentliggjort, og punkterne har fået numre."),
    ),
    "held": MeetingAction(
        services.mark_meeting_held,
        _("Er mødet afholdt?"),
        _("Dagsordenen kan ikke længere ændres, og du kan skrive udvalgets beslutninger. Det kan ikke fortrydes."),
        _("Ja, mødet er afholdt"),
        _("Mødet er markeret som afholdt. Skriv nu beslutningerne."),
    ),
    "publish-minutes": MeetingAction(
        services.publish_minutes,
        _("Vil du offentliggøre referatet?"),
        _(
            "Beslutningerne bliver offentlige, og alle, der har bidraget til et forslag på dagsordenen, får besked om "
            "udvalgets beslutning. Det kan ikke fortrydes."
        ),
        _("Ja, offentliggør referatet"),
        _("Referatet er offentliggjort."),
    ),
}


@login_required
@require_POST
def meeting_action(request, meeting_id: int, action: str):
    """The secretary's button asks first (a page of its own); the step is taken when she confirms."""
    meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
    step = MEETING_ACTIONS[action]
    if request.POST.get("confirm") != "1":
        context = {"meeting": meeting, "committee": meeting.committee, "step": step, "action": action}
        return render(request, "committees/meeting_action_confirm.html", context)
    try:
        step.service(actor=request.user, meeting=meeting)
    except ValidationError as error:
        return _meeting_page(request, meeting, action_errors=error.messages, status=400)
    messages.success(request, step.done)
    return redirect(meeting)


@login_required
@require_POST
def item_override_warning(request, item_id: int):
    item = _editable_item(request, item_id)
    form = WarningOverrideForm(request.POST)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="committees.override_warning",
            model=WarningOverride,
            create=lambda: services.override_warning(actor=request.user, item=item, **form.cleaned_data),
        )
        if result is not None:
            messages.success(request, _("Advarslen er tilsidesat, og begrundelsen er gemt."))
            return redirect(item.meeting)
    return _meeting_page(request, item.meeting, override_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request, meeting_id: int):
    meeting = access_own_meeting_by_id(user=request.user, meeting_id=meeting_id)
    if not rules.has_perm("committees.manage_meeting", request.user, meeting):
        raise PermissionDenied
    form = ItemForm(request.POST or None, initial={"item_type": "discussion", "is_public": True})
    if request.method == "POST" and form.is_valid():
        item = form.run_once(
            user=request.user,
            action="committees.add_item",
            model=AgendaItem,
            create=lambda: services.add_item(actor=request.user, meeting=meeting, **form.cleaned_data),
        )
        if item is not None:
            messages.success(request, _("Punktet er tilføjet dagsordenen. Du kan tilføje bilag herunder."))
            return redirect("committees:item-edit", item_id=item.id)
    context = {"form": form, "meeting": meeting, "committee": meeting.committee}
    return render(request, "committees/item_form.html", context, status=400 if form.errors else 200)


def _editable_item(request, item_id: int):
    item = access_own_item_by_id(user=request.user, item_id=item_id)
    if not rules.has_perm("committees.edit_item", request.user, item):
        raise PermissionDenied
    return item


def _item_page(request, item, *, form=None, attachment_form=None, status=200):
    context = {
        "item": item,
        "meeting": item.meeting,
        "committee": item.meeting.committee,
        "form": form or ItemForm(instance=item),
        "attachment_form": attachment_form or AttachmentForm(),
        "attachments": item.attachments.all(),
    }
    return render(request, "committees/item_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, item_id: int):
    item = _editable_item(request, item_id)
    if request.method == "GET":
        return _item_page(request, item)
    form = ItemForm(request.POST, instance=access_item_by_id(user=request.user, item_id=item_id))
    if form.is_valid():
        try:
            services.update_item(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Punktet er gemt."))
            return redirect(_item_url(item))
    return _item_page(request, item, form=form, status=400)


@login_required
@require_POST
def item_move(request, item_id: int):
    item = access_own_item_by_id(user=request.user, item_id=item_id)
    direction = request.POST.get("direction", "")
    try:
        services.move_item(actor=request.user, item=item, direction=direction)
    except ValidationError as error:
        return _meeting_page(request, item.meeting, action_errors=error.messages, status=400)
    messages.success(request, _("Punktet er flyttet op.") if direction == "up" else _("Punktet er flyttet ned."))
    return redirect(_item_url(item))


@login_required
@require_POST
def item_remove(request, item_id: int):
    item = access_own_item_by_id(user=request.user, item_id=item_id)
    meeting = item.meeting
    try:
        services.remove_item(actor=request.user, item=item)
    except ValidationError as error:
        return _meeting_page(request, meeting, action_errors=error.messages, status=400)
    messages.success(request, _("Punktet er fjernet fra dagsordenen."))
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def item_decision(request, item_id: int):
    item = _editable_item(request, item_id)
    has_sources = item.sources.exists()
    initial = {"decision": item.decision, "outcome": item.outcome}
    form = DecisionForm(request.POST or None, initial=initial, has_sources=has_sources)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_decision(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Beslutningen er gemt."))
            return redirect(_item_url(item))
    context = {"item": item, "meeting": item.meeting, "committee": item.meeting.committee, "form": form}
    return render(request, "committees/decision_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def attachment_add(request, item_id: int):
    item = _editable_item(request, item_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        result = form.run_once(
            user=request.user,
            action="committees.add_attachment",
            model=Attachment,
            create=lambda: services.add_attachment(
                actor=request.user,
                item=item,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                is_internal=form.cleaned_data["is_internal"],
            ),
        )
        if result is not None:
            messages.success(request, _("Bilaget er tilføjet."))
            return redirect("committees:item-edit", item_id=item.id)
    return _item_page(request, item, attachment_form=form, status=400)


@login_required
@require_POST
def attachment_remove(request, attachment_id: int):
    attachment = access_attachment_by_id(user=request.user, attachment_id=attachment_id)
    item = attachment.item
    try:
        services.remove_attachment(actor=request.user, attachment=attachment)
    except ValidationError as error:
        return _meeting_page(request, item.meeting, action_errors=error.messages, status=400)
    messages.success(request, _("Bilaget er fjernet."))
    return redirect("committees:item-edit", item_id=item.id)


def _stored_file(stored, *, content_type: str, download: bool, etag: str) -> FileResponse:
    """A stored file, inline or (`download`) as an attachment, with the headers OParl recommends."""
    response = FileResponse(
        stored.file.open("rb"), content_type=content_type, as_attachment=download, filename=stored.file_name
    )
    response["Last-Modified"] = http_date(stored.updated_at.timestamp())
    response["ETag"] = f'"{etag}"'
    return response


@require_GET
def attachment_file(request, attachment_id: int, file_name: str, download: bool = False):
    """A Bilag itself: shown in the browser, or with `download` saved as a file; 410 once it was public and
    is no longer (OParl's deleted file)."""
    try:
        attachment = access_attachment_by_id(user=request.user, attachment_id=attachment_id)
    except Http404:
        if attachment_was_deleted(attachment_id=attachment_id):
            return HttpResponseGone(_("Bilaget er fjernet."), content_type="text/plain; charset=utf-8")
        raise
    return _stored_file(attachment, content_type=attachment.mime_type, download=download, etag=attachment.sha1)


@require_GET
def paper_file(request, item_id: int, file_name: str, download: bool = False):
    """An open item's own document (its sagsfremstilling) exactly as stored; 410 once it was public and is no
    longer (OParl's deleted file)."""
    try:
        stored = access_paper_file(item_id=item_id)
    except Http404:
        if paper_file_was_deleted(item_id=item_id):
            return HttpResponseGone(_("Punktet er ikke længere offentligt."), content_type="text/plain; charset=utf-8")
        raise
    return _stored_file(stored, content_type=stored.MIME_TYPE, download=download, etag=stored.sha512)


@require_GET
def meeting_file(request, meeting_id: int, kind: str, file_name: str, download: bool = False):
    """The published agenda or minutes exactly as stored: the bytes OParl's size and checksum describe."""
    stored = access_meeting_file(meeting_id=meeting_id, kind=kind)
    return _stored_file(stored, content_type=stored.MIME_TYPE, download=download, etag=stored.sha512)
