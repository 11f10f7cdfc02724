"""Who may take part in a thread: the one place pages, the API and the socket ask.

A thread's people are its participants and the staff of the department it
names. Anyone else is refused everywhere, as if the thread did not exist.
"""

import rules

from accounts.selectors import department_ids_of
from dialogue.models import Message, Participant


@rules.predicate
def is_participant(user, thread) -> bool:
    return thread is not None and user.is_authenticated and thread.participants.filter(user_id=user.id).exists()


@rules.predicate
def is_department_staff(user, thread) -> bool:
    return (
        thread is not None and thread.department_id is not None and thread.department_id in department_ids_of(user=user)
    )


@rules.predicate
def is_staff_participant(user, thread) -> bool:
    return (
        thread is not None
        and user.is_authenticated
        and thread.participants.filter(user_id=user.id, role=Participant.Role.STAFF).exists()
    )


@rules.predicate
def is_citizen_participant(user, thread) -> bool:
    return (
        thread is not None
        and user.is_authenticated
        and thread.participants.filter(user_id=user.id, role=Participant.Role.CITIZEN).exists()
    )


@rules.predicate
def is_citizen_of_summary_thread(user, message: Message) -> bool:
    """The thread's citizen answers a contact summary (with a confirmation or a correction)."""
    return (
        message is not None
        and message.kind == Message.Kind.CONTACT_SUMMARY
        and is_citizen_participant(user, message.thread)
    )


can_take_part = is_participant | is_department_staff
can_moderate = is_department_staff | is_staff_participant
can_answer_summary = is_citizen_of_summary_thread

rules.add_perm("dialogue.take_part", can_take_part)
rules.add_perm("dialogue.moderate", can_moderate)
rules.add_perm("dialogue.answer_summary", can_answer_summary)
