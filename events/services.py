"""Every write on events.

Each service checks the actor's permission (events.permissions), validates with field errors in Danish
(nothing is stored when anything is wrong) and writes in one transaction.

Seats: registering, cancelling and changing the capacity lock the event's row first, so they run one after
the other per event. The one who registers while a seat is free gets it; the rest go on the waiting list in
the order they asked. A freed seat goes to the first on the list, once: she is moved up in the same
transaction that frees it and told (notice and e-mail, each with a key that stores it at most once).
"""

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Department, User
from accounts.services import record_staff_action
from events.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Contributor,
    Event,
    Participant,
    Registration,
)
from events.permissions import can_manage_event, can_organise_for, can_register
from events.selectors import hearing_answers_for_report
from hearings.selectors import published_hearings
from ideas.models import Idea
from notifications.services import absolute_url, tell

PROMOTED_TITLE = gettext_lazy("Du har fået en plads til ”%(title)s”")
REMINDER_TITLE = gettext_lazy("I morgen: ”%(title)s”")
REGISTERED_TITLE = gettext_lazy("Du er tilmeldt ”%(title)s”")
WAITING_TITLE = gettext_lazy("Du står på ventelisten til ”%(title)s”")

EVENT_FIELDS = (
    "title",
    "kind",
    "starts_at",
    "ends_at",
    "address",
    "online_url",
    "organiser",
    "description",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "is_published",
    "committee",
    "board",
    "budget",
    "hearing",
)


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def when(value: datetime) -> str:
    """A moment the Danish way, in Danish time: "11. juni 2015 kl. 14:00"."""
    local = timezone.localtime(value)
    return _("%(date)s kl. %(time)s") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "time": formats.time_format(local, "H:i"),
    }


# Events


def _clean_lines(names: Iterable[str], field: str, errors: dict) -> list[str]:
    lines = [name.strip() for name in names if name and name.strip()]
    if any(len(name) > NAME_MAX for name in lines):
        errors[field] = [_("Hvert navn må højst være på %(max)d tegn.") % {"max": NAME_MAX}]
    return list(dict.fromkeys(lines))


def _validate_event(event: Event, *, confirmed: int) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not event.title:
        errors["title"] = [_("Skriv arrangementets titel.")]
    elif len(event.title) > TITLE_MAX:
        errors["title"] = [_("Titlen må højst være på %(max)d tegn.") % {"max": TITLE_MAX}]
    if event.kind not in Event.Kind.values:
        errors["kind"] = [_("Vælg, hvilken type arrangement det er.")]
    if event.starts_at is None:
        errors["starts_at"] = [_("Skriv, hvornår arrangementet begynder.")]
    if event.ends_at is None:
        errors["ends_at"] = [_("Skriv, hvornår arrangementet slutter.")]
    elif event.starts_at is not None and event.ends_at <= event.starts_at:
        errors["ends_at"] = [_("Arrangementet skal slutte, efter det begynder.")]
    if not event.address and not event.online_url:
        errors["address"] = [_("Skriv en adresse eller et link til at deltage online (eller begge).")]
    if len(event.address) > TITLE_MAX:
        errors["address"] = [_("Adressen må højst være på %(max)d tegn.") % {"max": TITLE_MAX}]
    if event.online_url:
        try:
            URLValidator(schemes=["https", "http"])(event.online_url)
        except ValidationError:
            errors["online_url"] = [_("Skriv et gyldigt link, der begynder med https://.")]
    if len(event.organiser) > NAME_MAX:
        errors["organiser"] = [_("Arrangørens navn må højst være på %(max)d tegn.") % {"max": NAME_MAX}]
    if len(event.description) > TEXT_MAX:
        errors["description"] = [_("Beskrivelsen må højst være på %(max)d tegn.") % {"max": TEXT_MAX}]
    if event.capacity is not None and event.capacity <= 0:
        errors["capacity"] = [_("Antallet af pladser skal være mindst 1 (eller tomt, hvis der er plads til alle).")]
    elif event.capacity is not None and event.capacity < confirmed:
        errors["capacity"] = [
            _("Der er allerede %(count)d tilmeldte, så der skal være mindst %(count)d pladser.") % {"count": confirmed}
        ]
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if (opens is None) != (closes is None):
        errors["registration_closes_at"] = [
            _("Skriv både, hvornår tilmeldingen åbner, og hvornår den lukker – eller ingen af dem.")
        ]
    elif opens is not None and closes <= opens:
        errors["registration_closes_at"] = [_("Tilmeldingen skal lukke, efter den åbner.")]
    elif closes is not None and event.starts_at is not None and closes > event.starts_at:
        errors["registration_closes_at"] = [_("Tilmeldingen skal lukke, senest når arrangementet begynder.")]
    if event.hearing_id is not None and not published_hearings().filter(id=event.hearing_id).exists():
        errors["hearing"] = [_("Vælg en offentliggjort høring.")]
    return errors


def _set_contributors(event: Event, *, partners: list[str], speakers: list[str]) -> None:
    event.contributors.all().delete()
    Contributor.objects.bulk_create(
        [
            Contributor(event=event, role=role, name=name, order=order)
            for role, names in ((Contributor.Role.PARTNER, partners), (Contributor.Role.SPEAKER, speakers))
            for order, name in enumerate(names)
        ]
    )


def _stripped(fields: dict) -> dict:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"not an event field: {sorted(unknown)}")
    return {key: value.strip() if isinstance(value, str) else value for key, value in fields.items()}


def create_event(
    *,
    actor: User,
    department: Department,
    partners: Iterable[str] = (),
    speakers: Iterable[str] = (),
    **fields,
) -> Event:
    """A new event of the actor's department (the fields in EVENT_FIELDS), with its partners and speakers."""
    if not can_organise_for(actor, department):
        raise PermissionDenied
    fields = {"address": "", "online_url": "", "organiser": "", "description": "", **_stripped(fields)}
    event = Event(department=department, created_by=actor, **fields)
    errors = _validate_event(event, confirmed=0)
    partner_names = _clean_lines(partners, "partners", errors)
    speaker_names = _clean_lines(speakers, "speakers", errors)
    _raise_if(errors)
    if event.is_published:
        event.published_at = timezone.now()
    with transaction.atomic():
        event.save()
        _set_contributors(event, partners=partner_names, speakers=speaker_names)
        record_staff_action(actor=actor, action="events.create_event", target=event, details={"title": event.title})
    return event


def update_event(
    *,
    actor: User,
    event: Event,
    partners: Iterable[str] | None = None,
    speakers: Iterable[str] | None = None,
    **changes,
) -> Event:
    """Change an event. More seats move the waiting list up at once; fewer seats than people already
    registered are refused."""
    changes = _stripped(changes)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(id=event.id)
        if not can_manage_event(actor, locked):
            raise PermissionDenied
        for field, value in changes.items():
            setattr(locked, field, value)
        errors = _validate_event(locked, confirmed=_confirmed_count(locked))
        partner_names = None if partners is None else _clean_lines(partners, "partners", errors)
        speaker_names = None if speakers is None else _clean_lines(speakers, "speakers", errors)
        _raise_if(errors)
        if locked.is_published and locked.published_at is None:
            locked.published_at = timezone.now()
        locked.save()
        if partner_names is not None or speaker_names is not None:
            current = _contributor_names(locked)
            _set_contributors(
                locked,
                partners=current[Contributor.Role.PARTNER] if partner_names is None else partner_names,
                speakers=current[Contributor.Role.SPEAKER] if speaker_names is None else speaker_names,
            )
        _fill_free_seats(locked)
        changed = sorted(changes) + [
            name for name, value in (("partners", partners), ("speakers", speakers)) if value is not None
        ]
        record_staff_action(actor=actor, action="events.update_event", target=locked, details={"changed": changed})
    return locked


def _contributor_names(event: Event) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {Contributor.Role.PARTNER: [], Contributor.Role.SPEAKER: []}
    for contributor in event.contributors.all():
        names[contributor.role].append(contributor.name)
    return names


# Registration


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _has_free_seat(event: Event) -> bool:
    return event.capacity is None or _confirmed_count(event) < event.capacity


def _new_code(event: Event) -> str:
    """A code unique within the event (the caller holds the event's lock, so no one else takes it meanwhile)."""
    taken = set(event.registrations.values_list("code", flat=True))
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def waiting_position(registration: Registration) -> int | None:
    """Her place on the waiting list (1 is next), or None when she is not on it."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITING, queued_at__lte=registration.queued_at
    ).exclude(queued_at=registration.queued_at, id__gt=registration.id)
    return ahead.count()


def _tell(registration: Registration, *, title, template: str, key: str) -> None:
    """A notice and an e-mail to the registered person in her language, each stored at most once."""
    event = registration.event
    url = event.get_absolute_url()
    tell(
        user=registration.user,
        title=title,
        values={"title": event.title},
        body=lambda: when(event.starts_at),
        url=url,
        template=template,
        context={
            "event": event,
            "registration": registration,
            "position": waiting_position(registration),
            "link": absolute_url(url),
            "calendar_link": absolute_url(reverse("events:ics", args=[event.id])),
        },
        key=key,
    )


def register(*, user: User, event: Event) -> Registration:
    """Sign the user up: a seat while one is free, else the waiting list. One registration per person."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(id=event.id)
        if not can_register(user, locked):
            raise PermissionDenied
        now = timezone.now()
        if not locked.takes_registrations:
            raise ValidationError({"registration": [_("Der er ingen tilmelding til dette arrangement. Mød bare op.")]})
        if now < locked.registration_opens_at:
            raise ValidationError(
                {"registration": [_("Tilmeldingen åbner %(when)s.") % {"when": when(locked.registration_opens_at)}]}
            )
        if now >= locked.registration_closes_at:
            raise ValidationError(
                {"registration": [_("Tilmeldingen lukkede %(when)s.") % {"when": when(locked.registration_closes_at)}]}
            )
        existing = locked.registrations.exclude(status=Registration.Status.CANCELLED).filter(user=user).first()
        if existing is not None:
            message = (
                _("Du står allerede på ventelisten til dette arrangement.")
                if existing.status == Registration.Status.WAITING
                else _("Du er allerede tilmeldt dette arrangement.")
            )
            raise ValidationError({"registration": [message]})
        seat = _has_free_seat(locked)
        registration = Registration.objects.create(
            event=locked,
            user=user,
            code=_new_code(locked),
            status=Registration.Status.CONFIRMED if seat else Registration.Status.WAITING,
            queued_at=now,
            confirmed_at=now if seat else None,
        )
        _tell(
            registration,
            title=REGISTERED_TITLE if seat else WAITING_TITLE,
            template="events/email/registered.txt",
            key=f"event-registered-{registration.id}",
        )
    return registration


def cancel_registration(*, user: User, event: Event) -> Registration:
    """The user cancels her own registration (a seat or a place on the waiting list) until the event begins.
    A freed seat goes to the first on the waiting list."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(id=event.id)
        registration = (
            locked.registrations.select_for_update()
            .exclude(status=Registration.Status.CANCELLED)
            .filter(user=user)
            .first()
        )
        if registration is None:
            raise ValidationError({"registration": [_("Du er ikke tilmeldt dette arrangement.")]})
        if locked.has_started():
            raise ValidationError(
                {"registration": [_("Arrangementet er begyndt, så tilmeldingen kan ikke længere afmeldes.")]}
            )
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        _fill_free_seats(locked)
    return registration


def _fill_free_seats(event: Event) -> list[Registration]:
    """Move the waiting list up into free seats, first come first served (the caller holds the event's lock)."""
    if event.has_started():
        return []
    promoted = []
    waiting = event.registrations.filter(status=Registration.Status.WAITING).select_related("user", "event")
    for registration in waiting.order_by("queued_at", "id"):
        if not _has_free_seat(event):
            break
        now = timezone.now()
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = registration.promoted_at = now
        registration.save(update_fields=["status", "confirmed_at", "promoted_at", "updated_at"])
        _tell(
            registration,
            title=PROMOTED_TITLE,
            template="events/email/promoted.txt",
            key=f"event-promoted-{registration.id}",
        )
        promoted.append(registration)
    return promoted


def send_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone with a seat at a published event that begins within a day (the beat job).

    Safe to run twice and at once: a reminded registration is skipped, rows another run holds are skipped,
    and the notice and e-mail are each stored at most once."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        due = (
            Registration.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status=Registration.Status.CONFIRMED,
                reminded_at__isnull=True,
                event__is_published=True,
                event__starts_at__gt=now,
                event__starts_at__lte=now + timedelta(days=1),
            )
            .select_related("event", "user")
        )
        for registration in due:
            _tell(
                registration,
                title=REMINDER_TITLE,
                template="events/email/reminder.txt",
                key=f"event-reminder-{registration.id}",
            )
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at", "updated_at"])
            sent += 1
    return sent


# After the event


def normalise_code(code: str) -> str:
    return "".join((code or "").split()).upper()


def mark_attendance(*, actor: User, event: Event, code: str, attended: bool = True) -> Registration:
    """Staff tick off (or untick) a registration code at the door, from the day of the event."""
    if not can_manage_event(actor, event):
        raise PermissionDenied
    code = normalise_code(code)
    if timezone.localdate() < timezone.localdate(event.starts_at):
        raise ValidationError({"code": [_("Fremmøde kan registreres fra den dag, arrangementet holdes.")]})
    with transaction.atomic():
        registration = event.registrations.select_for_update().filter(code=code).first()
        if registration is None:
            raise ValidationError({"code": [_("Koden %(code)s hører ikke til dette arrangement.") % {"code": code}]})
        if registration.status != Registration.Status.CONFIRMED:
            raise ValidationError(
                {
                    "code": [
                        _("Koden %(code)s hører til en tilmelding, der er %(status)s, ikke en plads.")
                        % {"code": code, "status": registration.get_status_display().lower()}
                    ]
                }
            )
        if attended and registration.attended_at is None:
            registration.attended_at, registration.attendance_by = timezone.now(), actor
        elif not attended:
            registration.attended_at, registration.attendance_by = None, None
        registration.save(update_fields=["attended_at", "attendance_by", "updated_at"])
    return registration


def write_report(
    *, actor: User, event: Event, report: str, idea_ids: Iterable[int] = (), answer_ids: Iterable[int] = ()
) -> Event:
    """The short report after the event: notes (Markdown), the ideas from the event's board and the published
    answers to the event's hearing made there."""
    report = (report or "").strip()
    ids = sorted(set(idea_ids))
    answer_ids = sorted(set(answer_ids))
    errors: dict[str, list[str]] = {}
    if not report:
        errors["report"] = [_("Skriv, hvad der skete til arrangementet.")]
    elif len(report) > TEXT_MAX:
        errors["report"] = [_("Referatet må højst være på %(max)d tegn.") % {"max": TEXT_MAX}]
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(id=event.id)
        if not can_manage_event(actor, locked):
            raise PermissionDenied
        if not locked.has_ended():
            errors["report"] = [_("Referatet kan skrives, når arrangementet er slut.")]
        ideas = list(Idea.objects.filter(id__in=ids, board_id=locked.board_id, hidden_at__isnull=True))
        if len(ideas) != len(ids):
            errors["ideas"] = [_("Vælg kun synlige idéer fra arrangementets idétavle.")]
        answers = list(hearing_answers_for_report(user=actor, event=locked).filter(id__in=answer_ids))
        if len(answers) != len(answer_ids):
            errors["answers"] = [_("Vælg kun offentliggjorte høringssvar til arrangementets høring.")]
        _raise_if(errors)
        locked.report, locked.reported_at, locked.reported_by = report, timezone.now(), actor
        locked.save(update_fields=["report", "reported_at", "reported_by", "updated_at"])
        locked.report_ideas.set(ideas)
        locked.report_answers.set(answers)
        record_staff_action(
            actor=actor,
            action="events.write_report",
            target=locked,
            details={"ideas": ids, "answers": answer_ids},
        )
    return locked


# Planning


def add_participant(*, actor: User, event: Event, user: User, role: str, task: str = "") -> Participant:
    """Plan a councillor or member of staff into the event (internal)."""
    if not can_manage_event(actor, event):
        raise PermissionDenied
    task = (task or "").strip()
    errors: dict[str, list[str]] = {}
    if role not in Participant.Role.values:
        errors["role"] = [_("Vælg, om det er en politiker eller en medarbejder.")]
    if not user.is_employee:
        errors["user"] = [_("Kun kommunens politikere og medarbejdere kan planlægges til et arrangement.")]
    if len(task) > TITLE_MAX:
        errors["task"] = [_("Opgaven må højst være på %(max)d tegn.") % {"max": TITLE_MAX}]
    with transaction.atomic():
        Event.objects.select_for_update().get(id=event.id)
        if event.participants.filter(user=user).exists():
            errors["user"] = [_("%(name)s er allerede med i planlægningen.") % {"name": user.full_name}]
        _raise_if(errors)
        return Participant.objects.create(event=event, user=user, role=role, task=task, added_by=actor)


def remove_participant(*, actor: User, participant: Participant) -> None:
    if not can_manage_event(actor, participant.event):
        raise PermissionDenied
    participant.delete()
