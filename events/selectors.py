"""Reads of events, registrations and the planning, scoped to the caller.

The public sees published events; the organising staff see their department's events, published or not,
with the registrations (names: a read of personal data, logged by the door that shows them) and the
internal planning. A person sees her own registrations only.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from events.models import Event, Participant, Registration
from events.permissions import can_manage_event, can_see_event, can_see_planning, managed_events_q, published_q
from hearings.models import Answer
from hearings.selectors import answers_for, public_answers
from ideas.models import Idea

UPCOMING, PAST = "upcoming", "past"


def _events() -> QuerySet[Event]:
    return Event.objects.select_related("department", "committee", "board", "budget", "hearing").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    )


def public_events(*, when: str = UPCOMING, kind: str = "") -> QuerySet[Event]:
    """Published events: upcoming (not yet over) soonest first, or past ones latest first."""
    now = timezone.now()
    events = _events().filter(published_q()).prefetch_related("contributors")
    if kind:
        events = events.filter(kind=kind)
    if when == PAST:
        return events.filter(ends_at__lte=now).order_by("-starts_at", "-id")
    return events.filter(ends_at__gt=now).order_by("starts_at", "id")


def feed_events() -> QuerySet[Event]:
    """Every published event, for the calendar feed."""
    return _events().filter(published_q()).order_by("starts_at", "id")


def managed_events(*, user: User) -> QuerySet[Event]:
    """The events the user organises (her departments'; every event for an administrator), published or not."""
    return _events().filter(managed_events_q(user)).order_by("-starts_at", "-id")


def access_event_by_id(*, user: User, event_id: int) -> Event:
    """An event the user may see (published, or one she organises), or 404."""
    event = _events().prefetch_related("contributors").filter(id=event_id).first()
    if event is None or not can_see_event(user, event):
        raise Http404
    return event


def access_managed_event_by_id(*, user: User, event_id: int) -> Event:
    """An event the user organises, or 404 (also when the event is public: its staff pages are not)."""
    event = access_event_by_id(user=user, event_id=event_id)
    if not can_manage_event(user, event):
        raise Http404
    return event


def access_planning_by_event_id(*, user: User, event_id: int) -> Event:
    event = access_event_by_id(user=user, event_id=event_id)
    if not can_see_planning(user, event):
        raise Http404
    return event


def seats_left(event: Event) -> int | None:
    """Free seats (None: no limit). Needs `confirmed_count` (the selectors above annotate it)."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.confirmed_count, 0)


def registration_of(*, user: User, event: Event) -> Registration | None:
    """The user's own running registration for the event (a seat or a place on the waiting list)."""
    if not user.is_authenticated:
        return None
    return event.registrations.exclude(status=Registration.Status.CANCELLED).filter(user=user).first()


def registrations_of(*, user: User) -> QuerySet[Registration]:
    """The user's own registrations, soonest event first; cancelled ones only while the event is ahead."""
    if not user.is_authenticated:
        return Registration.objects.none()
    now = timezone.now()
    return (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED, event__ends_at__lte=now)
        .select_related("event")
        .order_by("event__starts_at", "event_id", "-id")
    )


def attendance_list(*, event: Event) -> QuerySet[Registration]:
    """Who has a seat (for the door) and who waits, by name. For the organising staff only."""
    return (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "user__full_name", "id")
    )


def attendance_counts(*, event: Event) -> dict[str, int]:
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
    return {
        "confirmed": confirmed.count(),
        "attended": confirmed.filter(attended_at__isnull=False).count(),
        "waiting": event.registrations.filter(status=Registration.Status.WAITING).count(),
    }


def planning_of(*, event: Event) -> QuerySet[Participant]:
    return event.participants.select_related("user")


def planning_candidates() -> QuerySet[User]:
    """Who can be planned into an event: the municipality's councillors (committee members) and staff."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(department_memberships__isnull=False) | Q(committee_memberships__isnull=False))
        .distinct()
        .order_by("full_name", "id")
    )


def report_ideas_of(*, event: Event) -> QuerySet[Idea]:
    """The ideas the report links to, as long as they are visible."""
    return event.report_ideas.filter(hidden_at__isnull=True).order_by("id")


def report_answers_of(*, event: Event) -> QuerySet[Answer]:
    """The answers to the event's hearing the report links to, as far as the public may read them: published
    (neither hidden nor sensitive) and public by the hearing's rule (after its deadline, or at once)."""
    if event.hearing is None:
        return Answer.objects.none()
    return public_answers(hearing=event.hearing).filter(id__in=event.report_answers.values("id"))


def hearing_answers_for_report(*, user: User, event: Event) -> QuerySet[Answer]:
    """What the report may link to: the published answers to the event's hearing that this member of staff may
    read (a sensitive or hidden answer never goes on a public report)."""
    if event.hearing is None:
        return Answer.objects.none()
    readable = [answer.id for answer in answers_for(user=user, hearing=event.hearing) if answer.is_published]
    return Answer.objects.filter(id__in=readable).select_related("author", "council", "association", "section")


def board_ideas_for_report(*, event: Event) -> QuerySet[Idea]:
    if event.board_id is None:
        return Idea.objects.none()
    return Idea.objects.filter(board_id=event.board_id, hidden_at__isnull=True).order_by("-created_at", "-id")
