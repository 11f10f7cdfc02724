"""Who may see and do what with events: the one place every door asks.

The public reads published events (and their reports). Anyone logged in registers and cancels herself.
Staff of the organising department — any member of it — create and edit the department's events, see
the registrations, tick off attendance, write the report and plan who from the municipality takes part;
an administrator may do the same for every department. The planning is internal: the organising staff and
the people planned see it, nobody else (not even other staff), and an unpublished event exists only for
the organising staff.
"""

import rules
from django.db.models import Q

from accounts.selectors import department_ids_of, kept_for_request


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_in_some_department(user) -> bool:
    return user.is_authenticated and bool(_department_ids(user))


@rules.predicate
def is_organising_staff(user, event) -> bool:
    return event is not None and user.is_authenticated and event.department_id in _department_ids(user)


@rules.predicate
def is_department_staff(user, department) -> bool:
    return department is not None and user.is_authenticated and department.id in _department_ids(user)


@rules.predicate
def is_published(user, event) -> bool:
    return event is not None and event.is_published


@rules.predicate
def is_planned_participant(user, event) -> bool:
    return event is not None and user.is_authenticated and event.participants.filter(user_id=user.id).exists()


def _department_ids(user) -> set[int]:
    """The user's departments, read once per request and kept on the user object."""
    return kept_for_request(user, "department_ids", lambda: department_ids_of(user=user))


# What the doors ask

can_manage_event = is_organising_staff | is_administrator
can_see_event = is_published | can_manage_event
can_create_event = is_in_some_department | is_administrator
can_organise_for = is_department_staff | is_administrator
can_register = is_logged_in & is_published
can_see_planning = can_manage_event | (is_planned_participant & is_published)


# The queryset filters that mean the same as the predicates above, on Event (the lists use them; the pairs are
# checked against each other in tests/events/test_rule_pairs.py). Never `Q()` for "all": it vanishes in an OR.
ALL = Q(pk__isnull=False)
NONE = Q(pk__in=[])


def published_q() -> Q:
    """is_published."""
    return Q(is_published=True)


def managed_events_q(user) -> Q:
    """can_manage_event: the events of her departments; every event for an administrator."""
    if not user.is_authenticated:
        return NONE
    if user.is_staff:
        return ALL
    return Q(department_id__in=_department_ids(user))


def visible_events_q(user) -> Q:
    """can_see_event."""
    return published_q() | managed_events_q(user)


rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.create_event", can_create_event)
rules.add_perm("events.see_planning", can_see_planning)
