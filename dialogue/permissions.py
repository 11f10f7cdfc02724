"""Who may take part in a thread: the one place pages, the API and the socket ask.

A thread's people are its participants and the staff of the department it
names. Anyone else is refused everywhere, as if the thread did not exist.
A participant with dates (a representative acting for the citizen) takes part
only between them: the predicate reads the dates, so access ends on the day
even before anyone removes her.
"""

from datetime import date

import rules
from django.db.models import Q
from django.utils import timezone

from accounts.selectors import department_ids_of
from dialogue.models import Message, Participant

CITIZEN_SIDE = (Participant.Role.CITIZEN, Participant.Role.REPRESENTATIVE)


def current_participant_q(*, on: date | None = None) -> Q:
    """Participants whose dates include `on` (today): the filter `is_participant` means."""
    today = on or timezone.localdate()
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=today)) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def is_current(participant: Participant, *, on: date | None = None) -> bool:
    """current_participant_q for one participant already read (tests/dialogue/test_rule_pairs.py keeps them equal)."""
    today = on or timezone.localdate()
    return (participant.valid_from is None or participant.valid_from <= today) and (
        participant.valid_until is None or participant.valid_until >= today
    )


def _current(user, thread, **filters) -> bool:
    return (
        thread is not None
        and user.is_authenticated
        and thread.participants.filter(current_participant_q(), user_id=user.id, **filters).exists()
    )


def current_participation(user, thread) -> Participant | None:
    """The user's participant row in the thread if she takes part today (is_participant): one query says both
    whether she may write and for whom (`on_behalf_of_id`).

    Every message asks it, so it is the plainest query there is: the row by its unique key, whole (a deferred
    field list costs more to compile than the columns cost to read), no ordering, the dates checked here
    (is_current) rather than in SQL; building and compiling the date filter and the ORDER BY cost more CPU
    than the statement."""
    if thread is None or not user.is_authenticated:
        return None
    rows = Participant.objects.filter(thread_id=thread.id, user_id=user.id).order_by()[:1]
    participant = next(iter(rows), None)
    return participant if participant is not None and is_current(participant) else None


@rules.predicate
def is_participant(user, thread) -> bool:
    return current_participation(user, thread) is not None


@rules.predicate
def is_department_staff(user, thread) -> bool:
    return (
        thread is not None and thread.department_id is not None and thread.department_id in department_ids_of(user=user)
    )


@rules.predicate
def is_staff_participant(user, thread) -> bool:
    return _current(user, thread, role=Participant.Role.STAFF)


@rules.predicate
def is_citizen_side_participant(user, thread) -> bool:
    """The citizen, or someone acting for her today."""
    return _current(user, thread, role__in=CITIZEN_SIDE)


@rules.predicate
def is_citizen_of_summary_thread(user, message: Message) -> bool:
    """The thread's citizen (or her representative) answers a contact summary (a confirmation or a correction)."""
    return (
        message is not None
        and message.kind == Message.Kind.CONTACT_SUMMARY
        and is_citizen_side_participant(user, message.thread)
    )


can_take_part = is_participant | is_department_staff
can_moderate = is_department_staff | is_staff_participant
can_answer_summary = is_citizen_of_summary_thread

rules.add_perm("dialogue.moderate", can_moderate)
