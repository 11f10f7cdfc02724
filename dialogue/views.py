"""The thread page: the whole history rendered by the server and a form that posts (then redirects).

static/js/dialogue.js makes the same page live over the socket; without it
everything here still works.
"""

import uuid

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dialogue import services
from dialogue.forms import HideForm, MessageForm
from dialogue.models import Message, Thread
from dialogue.permissions import is_citizen_side_participant
from dialogue.selectors import access_thread_by_id, latest_message_id, message_in_thread, thread_page


def new_message_form() -> MessageForm:
    return MessageForm(initial={"client_id": uuid.uuid4().hex, "kind": Message.Kind.TEXT})


def render_thread(request, thread: Thread, *, form=None, hide_form=None, hide_id=None, status=200):
    page = thread_page(thread=thread, reader=request.user)
    context = {
        "thread": thread,
        **page,
        "can_moderate": rules.has_perm("dialogue.moderate", request.user, thread),
        "is_citizen": is_citizen_side_participant(request.user, thread),
        "represents": page["own"].on_behalf_of if page["own"] else None,
        "form": form or new_message_form(),
        "hide_form": hide_form,
        "hide_id": hide_id,
        "live_strings": live_strings(),
        "kind_labels": dict(Message.Kind.choices),
    }
    return render(request, "dialogue/thread.html", context, status=status)


def live_strings() -> dict[str, str]:
    """What static/js/dialogue.js says, in the reader's language."""
    return {
        "connecting": _("Forbinder …"),
        "live": _("Live: nye beskeder vises automatisk."),
        "offline": _("Forbindelsen er afbrudt. Prøver igen om lidt – intet går tabt."),
        "refused": _("Du kan ikke følge samtalen live. Genindlæs siden."),
        "flooding": _("Du har sendt for mange beskeder på kort tid. Vent lidt."),
        "sending": _("Sender …"),
        "failed": _("Ikke sendt:"),
        "typing": _("%(name)s skriver …"),
        "newMessage": _("Ny besked fra %(name)s:"),
        "readBy": _("Læst af"),
        "onBehalfOf": _("på vegne af %(name)s"),
        "online": _("online"),
        "offlineTag": _("ikke online"),
        "confirmed": _("Borgeren har bekræftet resuméet."),
        "corrected": _("Borgeren har rettet resuméet."),
        "awaiting": _("Venter på borgerens svar."),
        "hidden": _("Beskeden er skjult af en medarbejder. Begrundelse:"),
        "hiddenText": _("Den skjulte tekst (kun for medarbejdere)"),
        "answerTo": _("Svar på resuméet"),
        "answerLink": _("Bekræft eller ret resuméet"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request, thread_id: int):
    thread = access_thread_by_id(user=request.user, thread_id=thread_id)
    if request.method == "GET":
        latest = latest_message_id(thread=thread)
        if latest:
            services.mark_read(user=request.user, thread=thread, up_to=latest)
        return render_thread(request, thread)
    form = MessageForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            message, _created = services.post_message(
                author=request.user,
                thread=thread,
                body=data["body"],
                client_id=data["client_id"],
                kind=data["kind"],
                reply_to_id=data["reply_to"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(f"{reverse('dialogue:thread', args=[thread.id])}#message-{message.id}")
    return render_thread(request, thread, form=form, status=400)


@login_required
@require_POST
def hide(request, thread_id: int, message_id: int):
    thread = access_thread_by_id(user=request.user, thread_id=thread_id)
    try:
        message = message_in_thread(thread=thread, message_id=message_id, field="message")
    except ValidationError as error:
        raise Http404 from error
    form = HideForm(request.POST, auto_id=f"id_hide_{message.id}_%s")
    if form.is_valid():
        try:
            services.hide_message(actor=request.user, message=message, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Beskeden er skjult. Deltagerne ser begrundelsen i stedet."))
            return redirect(f"{reverse('dialogue:thread', args=[thread.id])}#message-{message.id}")
    return render_thread(request, thread, hide_form=form, hide_id=message.id, status=400)
