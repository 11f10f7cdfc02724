"""Reads of threads and messages, scoped to what the caller may see."""

from bisect import bisect_right
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access_log import log_reads
from accounts.models import User
from dialogue.models import Message, Participant, Thread
from dialogue.permissions import (
    can_answer_summary,
    can_take_part,
    current_participant_q,
    is_citizen_side_participant,
)

ANSWER_KINDS = (Message.Kind.CONFIRMATION, Message.Kind.CORRECTION)


def access_thread_by_id(*, user: User, thread_id: int, what: str = "Samtale") -> Thread:
    """The thread, or 404 when it does not exist or the user may not take part in it.

    Every door that shows a thread (the page, the API, the socket and its replay) opens it here, so a look by
    anyone not on the citizen's side (staff) is written to the citizen's access log (`what`: which door)."""
    thread = Thread.objects.select_related("department").filter(id=thread_id).first()
    if thread is None or not can_take_part(user, thread):
        raise Http404
    if not is_citizen_side_participant(user, thread):
        citizens = thread.participants.filter(role=Participant.Role.CITIZEN).values_list("user_id", flat=True)
        log_reads(viewer=user, reads=[(citizen_id, f"{what}: {thread.title}") for citizen_id in citizens])
    return thread


MAX_ID = 2**63 - 1  # ids are bigints; a larger number is no message's


def message_in_thread(*, thread: Thread, message_id: object, field: str) -> Message:
    """The thread's message with this id. Anything else (not a whole number, another thread's, none) is a
    ValidationError on `field`, worded the same, so an id tells nothing about other threads."""
    if not isinstance(message_id, int) or isinstance(message_id, bool) or not 1 <= message_id <= MAX_ID:
        raise ValidationError({field: _("Angiv id'et på en besked som et positivt heltal.")})
    message = thread.messages.filter(id=message_id).select_related("thread").first()
    if message is None:
        raise ValidationError({field: _("Beskeden findes ikke i denne samtale.")})
    return message


def messages_after(*, thread: Thread, after: object = 0) -> QuerySet[Message]:
    """Every message after `after` (0: from the start), oldest first.

    `after` must be 0 or the id of one of the thread's messages (ValidationError otherwise).
    """
    if after != 0 or isinstance(after, bool):
        message_in_thread(thread=thread, message_id=after, field="after")
    return thread_messages(thread=thread).filter(id__gt=after)


def thread_messages(*, thread: Thread) -> QuerySet[Message]:
    return thread.messages.select_related("author", "on_behalf_of", "hidden_by").order_by("seq")


def participants_of(*, thread: Thread) -> QuerySet[Participant]:
    return (
        thread.participants.filter(current_participant_q())
        .select_related("user", "on_behalf_of")
        .order_by("role", "created_at", "id")
    )


def latest_message_id(*, thread: Thread) -> int:
    return thread.messages.aggregate(latest=Max("id"))["latest"] or 0


def participant_for(*, thread: Thread, user: User) -> Participant | None:
    if not user.is_authenticated:
        return None
    return thread.participants.filter(user=user).first()


def unread_count(*, thread: Thread, user: User) -> int:
    """Messages by others that the user has not read (a department colleague who never joined: all of them)."""
    participant = participant_for(thread=thread, user=user)
    last_read = participant.last_read_id if participant else 0
    return thread.messages.filter(id__gt=last_read, hidden_at__isnull=True).exclude(author=user).count()


def read_marks(*, messages: list[Message], participants: list[Participant], reader: User) -> dict[int, list[str]]:
    """Who has read how far, for `reader`: each other participant's name under the last message she has read that
    someone else wrote (nobody is said to have read her own message). static/js/dialogue.js keeps the same rule."""
    marks: dict[int, list[str]] = {}
    for participant in participants:
        if participant.user_id == reader.id:
            continue
        others = [message.id for message in messages if message.author_id != participant.user_id]
        index = bisect_right(others, participant.last_read_id) - 1
        if index >= 0:
            marks.setdefault(others[index], []).append(participant.user.full_name)
    return marks


def thread_page(*, thread: Thread, reader: User) -> dict:
    """What the thread page shows `reader`: the messages, each with its answer (a contact summary's confirmation
    or correction), whether she may answer it and who has read up to it; the participants; her own place."""
    messages = list(thread_messages(thread=thread))
    answers = answers_by_summary(thread=thread)
    participants = list(participants_of(thread=thread))
    marks = read_marks(messages=messages, participants=participants, reader=reader)
    for message in messages:
        message.answer = answers.get(message.id)
        message.can_answer = (
            message.kind == Message.Kind.CONTACT_SUMMARY and not message.answer and can_answer_summary(reader, message)
        )
        message.read_by = marks.get(message.id, [])
    return {
        "thread_messages": messages,
        "participants": participants,
        "own": next((p for p in participants if p.user_id == reader.id), None),
        "last_id": messages[-1].id if messages else 0,
    }


def names_of_users(*, user_ids) -> dict[int, str]:
    return dict(User.objects.filter(id__in=list(user_ids)).values_list("id", "full_name"))


def answers_by_summary(*, thread: Thread) -> dict[int, Message]:
    """Each answered contact summary's answer (a confirmation or a correction), by the summary's id."""
    answers = thread.messages.filter(kind__in=ANSWER_KINDS).order_by("seq")
    return {answer.reply_to_id: answer for answer in answers}


def answer_to(*, summary: Message) -> Message | None:
    return summary.answers.filter(kind__in=ANSWER_KINDS).order_by("seq").first()


def unread_for_email(*, participant: Participant) -> QuerySet[Message]:
    """What an unread e-mail to this participant lists: others' visible messages, neither read nor mailed before."""
    return (
        participant.thread.messages.filter(id__gt=max(participant.last_read_id, participant.emailed_up_to))
        .filter(hidden_at__isnull=True)
        .exclude(author_id=participant.user_id)
        .select_related("author", "on_behalf_of")
        .order_by("seq")
    )


def participants_due_unread_email(*, cutoff: datetime) -> QuerySet[Participant]:
    """Active participants with a visible message by someone else, unread and not e-mailed about, written
    before `cutoff`."""
    waiting = Message.objects.filter(
        thread_id=OuterRef("thread_id"),
        id__gt=Greatest(OuterRef("last_read_id"), OuterRef("emailed_up_to")),
        created_at__lte=cutoff,
        hidden_at__isnull=True,
    ).exclude(author_id=OuterRef("user_id"))
    return Participant.objects.filter(current_participant_q(), Exists(waiting), user__is_active=True).order_by("id")


def own_data_of(*, user: User) -> dict[str, list[dict]]:
    """The messages of every thread she takes part in (what she sees there: hidden ones only if they are hers)."""
    threads = Participant.objects.filter(user_id=user.id).values("thread_id")
    messages = (
        Message.objects.filter(thread_id__in=threads)
        .exclude(Q(hidden_at__isnull=False) & ~Q(author_id=user.id))
        .select_related("thread", "author", "on_behalf_of")
        .order_by("thread_id", "seq")
    )
    return {
        "beskeder": [
            {
                "samtale": message.thread.title,
                "nummer": message.seq,
                "skrevet": message.created_at,
                "fra": message.author.full_name,
                "på_vegne_af": message.on_behalf_of.full_name if message.on_behalf_of else "",
                "slags": message.kind,
                "tekst": message.body,
            }
            for message in messages
        ]
    }
