"""Pages of the events, and their calendar files. Thin: forms parse, services decide, selectors read.

No JavaScript needed: registering and cancelling are small POST forms on the event's page.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Department
from accounts.selectors import department_ids_of
from accounts.services import log_personal_data_access
from core.forms import add_service_errors
from core.idempotency import IdempotentForm, once
from events import calendar, services
from events.forms import CodeForm, EventForm, ParticipantForm, ReportForm
from events.models import Contributor, Event, Participant, Registration
from events.selectors import (
    PAST,
    UPCOMING,
    access_event_by_id,
    access_managed_event_by_id,
    access_planning_by_event_id,
    attendance_counts,
    attendance_list,
    board_ideas_for_report,
    feed_events,
    hearing_answers_for_report,
    managed_events,
    planning_candidates,
    planning_of,
    public_events,
    registration_of,
    registrations_of,
    report_answers_of,
    report_ideas_of,
    seats_left,
)


@require_GET
def event_list(request):
    when = PAST if request.GET.get("tid") == PAST else UPCOMING
    kind = request.GET.get("type", "")
    kind = kind if kind in Event.Kind.values else ""
    context = {
        "events": public_events(when=when, kind=kind),
        "when": when,
        "kind": kind,
        "kinds": Event.Kind.choices,
        "may_create": rules.has_perm("events.create_event", request.user),
    }
    return render(request, "events/event_list.html", context)


@require_GET
def event_detail(request, event_id: int):
    event = access_event_by_id(user=request.user, event_id=event_id)
    registration = registration_of(user=request.user, event=event)
    contributors = {role: [] for role in Contributor.Role.values}
    for contributor in event.contributors.all():
        contributors[contributor.role].append(contributor.name)
    context = {
        "event": event,
        "registration": registration,
        "position": services.waiting_position(registration) if registration else None,
        "seats_left": seats_left(event),
        "registration_state": _registration_state(event),
        "partners": contributors[Contributor.Role.PARTNER],
        "speakers": contributors[Contributor.Role.SPEAKER],
        "report_ideas": report_ideas_of(event=event) if event.reported_at else [],
        "report_answers": report_answers_of(event=event) if event.reported_at else [],
        "may_manage": rules.has_perm("events.manage_event", request.user, event),
        "may_see_planning": rules.has_perm("events.see_planning", request.user, event),
        "register_form": IdempotentForm(),  # the hidden key: a double click on "Tilmeld mig" registers once
    }
    return render(request, "events/event_detail.html", context)


def _registration_state(event: Event) -> str:
    if not event.takes_registrations:
        return "none"
    if event.registration_is_open():
        return "open"
    return "not_yet" if timezone.now() < event.registration_opens_at else "closed"


@require_POST
def register(request, event_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("events:detail", args=[event_id]))
    event = access_event_by_id(user=request.user, event_id=event_id)
    form = IdempotentForm(request.POST)
    form.is_valid()  # only the key, which may be missing
    try:
        registration = once(
            action="events.register",
            actor_id=request.user.id,
            key=getattr(form, "idempotency_key", ""),
            model=Registration,
            create=lambda: services.register(user=request.user, event=event),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if registration.status == registration.Status.WAITING:
            messages.success(
                request, _("Arrangementet er fuldt. Du står på ventelisten og får besked, hvis du får en plads.")
            )
        else:
            messages.success(request, _("Du er tilmeldt. Din kode er %(code)s.") % {"code": registration.code})
    return redirect(event.get_absolute_url())


@login_required
@require_POST
def cancel(request, event_id: int):
    event = access_event_by_id(user=request.user, event_id=event_id)
    try:
        services.cancel_registration(user=request.user, event=event)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Du er afmeldt."))
    return redirect(reverse("events:mine") if request.POST.get("next") == "mine" else event.get_absolute_url())


@login_required
@require_GET
def my_registrations(request):
    registrations = list(registrations_of(user=request.user))
    for registration in registrations:
        registration.position = services.waiting_position(registration)
    return render(request, "events/my_registrations.html", {"registrations": registrations})


# Staff


@login_required
@require_GET
def manage(request):
    if not rules.has_perm("events.create_event", request.user):
        raise Http404
    return render(request, "events/manage.html", {"events": managed_events(user=request.user)})


def _own_departments(user):
    departments = Department.objects.order_by("name")
    return departments if user.is_staff else departments.filter(id__in=department_ids_of(user=user))


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    if not rules.has_perm("events.create_event", request.user):
        raise Http404
    departments = _own_departments(request.user)
    form = EventForm(request.POST or None, departments=departments, initial={"department": departments.first()})
    if request.method == "POST" and form.is_valid():
        event = form.run_once(
            user=request.user,
            action="events.create_event",
            model=Event,
            create=lambda: services.create_event(
                actor=request.user, department=form.cleaned_data["department"], **form.service_fields()
            ),
        )
        if event is not None:
            messages.success(request, _("Arrangementet er oprettet."))
            return redirect(event.get_absolute_url())
    return render(request, "events/event_form.html", {"form": form, "event": None}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, event_id: int):
    event = access_managed_event_by_id(user=request.user, event_id=event_id)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(actor=request.user, event=event, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Arrangementet er gemt."))
            return redirect(event.get_absolute_url())
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, event_id: int):
    """The door list: tick off a code (typed, or a row's button), untick a mistake."""
    event = access_managed_event_by_id(user=request.user, event_id=event_id)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.mark_attendance(
                actor=request.user,
                event=event,
                code=form.cleaned_data["code"],
                attended=request.POST.get("attended", "1") == "1",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if registration.attended_at:
                messages.success(request, _("%(name)s er krydset af.") % {"name": registration.user.full_name})
            else:
                messages.success(
                    request, _("%(name)s er ikke længere krydset af.") % {"name": registration.user.full_name}
                )
            return redirect("events:attendance", event_id=event.id)
    registrations = list(attendance_list(event=event))
    for registration in registrations:
        log_personal_data_access(
            viewer=request.user, subject=registration.user, what=_("Tilmelding: %(title)s") % {"title": event.title}
        )
    context = {"event": event, "form": form, "registrations": registrations, "counts": attendance_counts(event=event)}
    return render(request, "events/attendance.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, event_id: int):
    event = access_managed_event_by_id(user=request.user, event_id=event_id)
    ideas = board_ideas_for_report(event=event)
    answers = hearing_answers_for_report(user=request.user, event=event)
    initial = {
        "report": event.report,
        "ideas": list(event.report_ideas.all()),
        "answers": list(event.report_answers.all()),
    }
    form = ReportForm(request.POST or None, ideas=ideas, answers=answers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.write_report(
                actor=request.user,
                event=event,
                report=form.cleaned_data["report"],
                idea_ids=[idea.id for idea in form.cleaned_data.get("ideas", [])],
                answer_ids=[answer.id for answer in form.cleaned_data.get("answers", [])],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Referatet er gemt og vises på arrangementets side."))
            return redirect(event.get_absolute_url())
    return render(
        request, "events/report_form.html", {"event": event, "form": form}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def planning(request, event_id: int):
    """Who from the municipality takes part (internal). The planned see it; the organising staff change it."""
    event = access_planning_by_event_id(user=request.user, event_id=event_id)
    may_manage = rules.has_perm("events.manage_event", request.user, event)
    form = ParticipantForm(request.POST or None, candidates=planning_candidates()) if may_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            result = form.run_once(
                user=request.user,
                action="events.add_participant",
                model=Participant,
                create=lambda: services.add_participant(actor=request.user, event=event, **form.cleaned_data),
            )
            if result is not None:
                messages.success(request, _("%(name)s er med.") % {"name": form.cleaned_data["user"].full_name})
                return redirect("events:planning", event_id=event.id)
    context = {"event": event, "form": form, "participants": planning_of(event=event), "may_manage": may_manage}
    return render(request, "events/planning.html", context, status=400 if form and form.errors else 200)


@login_required
@require_POST
def planning_remove(request, event_id: int, participant_id: int):
    event = access_managed_event_by_id(user=request.user, event_id=event_id)
    participant = planning_of(event=event).filter(id=participant_id).first()
    if participant is None:
        raise Http404
    services.remove_participant(actor=request.user, participant=participant)
    messages.success(request, _("%(name)s er taget af planlægningen.") % {"name": participant.user.full_name})
    return redirect("events:planning", event_id=event.id)


# Calendar files (RFC 5545)


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, event_id: int):
    event = access_event_by_id(user=request.user, event_id=event_id)
    if not event.is_published:
        raise Http404  # a calendar file is for sharing: only of a public event
    return _ics(calendar.event_calendar(event), f"arrangement-{event.id}.ics")


@require_GET
def feed_ics(request):
    return _ics(calendar.feed_calendar(feed_events()), "arrangementer.ics")
