"""Every write in a dialogue thread.

A message is a row first: `post_message` stores it and only after commit
fans it out over the channel layer (at most once; a client that missed it
asks with `sync`). A client-made `client_id`, unique per thread and author,
makes a resend return the stored message instead of writing a second one.
Posting locks the thread row, so within a thread messages are numbered
(`seq`) and committed in the same order, and "everything after id N" never
skips one that commits late.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Department, User
from accounts.services import record_staff_action
from core import ratelimit
from core.channels import send_to_group
from core.middleware import unreadable
from dialogue.models import (
    BODY_MAX_LENGTH,
    CLIENT_ID_MAX_LENGTH,
    CLIENT_KINDS,
    HIDDEN_REASON_MAX_LENGTH,
    Message,
    Participant,
    Thread,
)
from dialogue.permissions import can_answer_summary, can_moderate, can_take_part, current_participation
from dialogue.selectors import (
    ANSWER_KINDS,
    latest_message_id,
    message_in_thread,
    participants_due_unread_email,
    unread_for_email,
)
from dialogue.serializers import message_payload
from notifications.services import queue_email

CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]+$")
# Plain text: line breaks and tabs, but no other control characters (PostgreSQL refuses NUL outright).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def thread_group(thread_id: int) -> str:
    return f"thread-{thread_id}"


def broadcast(*, thread_id: int, event: dict) -> None:
    """Send an event to every open socket on the thread, without waiting. Best effort: the row is the truth,
    and sockets catch up with `sync`."""
    send_to_group(thread_group(thread_id), event)


def create_thread(
    *,
    title: str,
    department: Department | None = None,
    subject_url: str = "",
    subject_label: str = "",
    participants: Iterable[tuple[User, str]] = (),
) -> Thread:
    """A new thread; `department`'s staff may take part, `subject_url` leads back to what it is about and
    `subject_label` names it there (the complaint's reference), as the other pages of the case do.

    `participants` (user, role) join it at once (a new thread has no messages to skip in e-mails)."""
    thread = Thread.objects.create(
        title=title.strip()[:200], department=department, subject_url=subject_url, subject_label=subject_label
    )
    Participant.objects.bulk_create(
        Participant(thread=thread, user=user, role=role, emailed_up_to=0) for user, role in participants
    )
    return thread


def add_participant(*, thread: Thread, user: User, role: str) -> None:
    """Make the user a participant (idempotent: one who takes part already stays as she is). A newcomer is not
    e-mailed about messages from before she came. One statement, INSERT … ON CONFLICT DO NOTHING with the
    latest message's id read inside it: no lookup first, and no savepoint for a racing second insert."""
    latest = Message.objects.filter(thread_id=thread.id).order_by().values("thread_id").annotate(latest=Max("id"))
    participant = Participant(
        thread=thread, user=user, role=role, emailed_up_to=Coalesce(Subquery(latest.values("latest")), 0)
    )
    Participant.objects.bulk_create([participant], ignore_conflicts=True)


def remove_participant(*, thread: Thread, user: User) -> None:
    """She stops being told about the thread; her messages stay, and staff of the department may still join."""
    Participant.objects.filter(thread=thread, user=user).delete()


def set_representative(
    *, thread: Thread, user: User, on_behalf_of: User, valid_from: date | None, valid_until: date | None
) -> Participant:
    """Make `user` take part for `on_behalf_of` between the dates (the owner keeps them in step with the power
    of attorney). A newcomer is not e-mailed about messages from before she came."""
    participant, _created = Participant.objects.update_or_create(
        thread=thread,
        user=user,
        defaults={
            "role": Participant.Role.REPRESENTATIVE,
            "on_behalf_of": on_behalf_of,
            "valid_from": valid_from,
            "valid_until": valid_until,
        },
        create_defaults={
            "role": Participant.Role.REPRESENTATIVE,
            "on_behalf_of": on_behalf_of,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "emailed_up_to": latest_message_id(thread=thread),
        },
    )
    return participant


def recheck_access_on_commit(*, thread_id: int, user_id: int) -> None:
    """After commit, every open socket of the user on the thread asks the rules again and closes if refused
    (her access ended: a representation revoked or run out)."""
    event = {"type": "thread.access", "user": user_id}
    transaction.on_commit(lambda: broadcast(thread_id=thread_id, event=event))


def _validate_message(
    *, body: object, client_id: object, kind: object, reply_to_id: object, kinds=CLIENT_KINDS
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not isinstance(client_id, str) or not 1 <= len(client_id) <= CLIENT_ID_MAX_LENGTH:
        errors["client_id"] = [_("client_id skal være en tekst på 1 til 64 tegn.")]
    elif not CLIENT_ID_PATTERN.match(client_id):
        errors["client_id"] = [_("client_id må kun indeholde bogstaver a-z, tal og . _ : -")]
    if not isinstance(body, str):
        errors["body"] = [_("Beskeden skal være tekst.")]
    elif CONTROL_CHARACTERS.search(body) or unreadable(body):
        errors["body"] = [_("Beskeden indeholder tegn, der ikke kan gemmes.")]
    if not isinstance(kind, str) or kind not in kinds:
        errors["kind"] = [_("Ukendt type besked.")]
    if reply_to_id is not None and (not isinstance(reply_to_id, int) or isinstance(reply_to_id, bool)):
        errors["reply_to"] = [_("Angiv id'et på en besked som et positivt heltal.")]
    return errors


def _clean_body(*, body: str, kind: str, author: User) -> str:
    body = body.strip()
    if not body and kind == Message.Kind.CONFIRMATION:
        with translation.override(author.language):
            body = _("Jeg bekræfter, at resuméet er rigtigt.")
    if not body:
        raise ValidationError({"body": _("Skriv en besked.")})
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            {
                "body": _("Beskeden må højst være på %(max)d tegn (den er på %(length)d).")
                % {
                    "max": BODY_MAX_LENGTH,
                    "length": len(body),
                }
            }
        )
    return body


def _summary_answered(*, thread: Thread, kind: str, author: User, reply_to_id: int | None) -> Message | None:
    """The summary a confirmation or correction answers; checks that this person may answer it, once."""
    if kind not in ANSWER_KINDS:
        if reply_to_id is not None:
            raise ValidationError({"reply_to": _("Kun en bekræftelse eller en rettelse svarer på en anden besked.")})
        return None
    if reply_to_id is None:
        raise ValidationError({"reply_to": _("Angiv det resumé, du svarer på.")})
    summary = message_in_thread(thread=thread, message_id=reply_to_id, field="reply_to")
    if summary.kind != Message.Kind.CONTACT_SUMMARY:
        raise ValidationError({"reply_to": _("Man kan kun bekræfte eller rette et resumé af en kontakt.")})
    if not can_answer_summary(author, summary):
        raise ValidationError({"reply_to": _("Kun borgeren i samtalen kan bekræfte eller rette resuméet.")})
    if summary.answers.filter(author=author, kind__in=ANSWER_KINDS).exists():
        raise ValidationError({"reply_to": _("Du har allerede svaret på dette resumé.")})
    return summary


def post_message(
    *,
    author: User,
    thread: Thread,
    body: object,
    client_id: object,
    kind: object = Message.Kind.TEXT,
    reply_to_id: object = None,
) -> tuple[Message, bool]:
    """Store a message, then (after commit) send it to every open socket on the thread, the author's included.

    Returns (message, created). A resend with a `client_id` this author already
    used in the thread returns the stored message and `created=False`, and
    nothing is written or sent. Department staff who post join the thread.
    A client posts the CLIENT_KINDS only: a `text`, or a `confirmation` or `correction`, which answers a contact
    summary, by the thread's citizen, once, and may leave the body empty for a confirmation. (A contact summary
    is never a client's: post_contact_summary.)
    Every attempt counts towards the author's flood limit (RATE_LIMITS["dialogue.message"]); past it
    `core.ratelimit.RateLimited` is raised, in every door alike.
    """
    on_behalf_of_id = _writing_for(author=author, thread=thread)
    ratelimit.check(bucket="dialogue.message", user_id=author.id)
    errors = _validate_message(body=body, client_id=client_id, kind=kind, reply_to_id=reply_to_id)
    if errors:
        raise ValidationError(errors)
    return _store(
        author=author,
        thread=thread,
        body=body,
        client_id=client_id,
        kind=kind,
        reply_to_id=reply_to_id,
        on_behalf_of_id=on_behalf_of_id,
    )


def post_contact_summary(*, author: User, thread: Thread, body: str, client_id: str) -> tuple[Message, bool]:
    """The summary of a call or meeting, which the thread's citizen may confirm or correct: by staff who may
    moderate the thread, through the service that owns the contact (complaints.services.share_contact_summary),
    never through a door. Returns (message, created) as post_message does."""
    on_behalf_of_id = _writing_for(author=author, thread=thread)
    if not can_moderate(author, thread):
        raise PermissionDenied
    kind = Message.Kind.CONTACT_SUMMARY
    errors = _validate_message(body=body, client_id=client_id, kind=kind, reply_to_id=None, kinds=[kind])
    if errors:
        raise ValidationError(errors)
    return _store(
        author=author,
        thread=thread,
        body=body,
        client_id=client_id,
        kind=kind,
        reply_to_id=None,
        on_behalf_of_id=on_behalf_of_id,
    )


def _writing_for(*, author: User, thread: Thread) -> int | None:
    """Whether the author may write in the thread now (PermissionDenied if not), asked for every message, and
    for whom she writes (the citizen's id when she is a representative, else None). A current participant is
    one query that answers both; anyone else is asked the whole rule (department staff who have not joined)."""
    participation = current_participation(author, thread)
    if participation is None:
        if not can_take_part(author, thread):
            raise PermissionDenied
        return None
    return participation.on_behalf_of_id


RESEND_CONSTRAINT = "unique_client_id_per_author"
ANSWER_CONSTRAINT = "one_answer_per_summary_and_author"


class _Resent(Exception):
    """Leaves the transaction (undoing the number it took) with the message this client_id stored before."""

    def __init__(self, message: Message):
        self.message = message


def _store(
    *,
    author: User,
    thread: Thread,
    body: str,
    client_id: str,
    kind: str,
    reply_to_id: int | None,
    on_behalf_of_id: int | None,
) -> tuple[Message, bool]:
    body = _clean_body(body=body, kind=kind, author=author)
    try:
        with transaction.atomic():
            # The thread's lock numbers its messages in commit order. A resend waits here for the first and then
            # breaks the unique constraint of its client_id (the IntegrityError below: no savepoint, no lookup
            # first); a second answer to a summary is checked under the lock.
            seq = _lock_and_number(thread_id=thread.id)
            if kind in ANSWER_KINDS:
                stored = _stored(thread=thread, author=author, client_id=client_id)
                if stored is not None:
                    raise _Resent(stored)  # before the answer check, which would call the resend a second answer
            summary = _summary_answered(thread=thread, kind=kind, author=author, reply_to_id=reply_to_id)
            message = Message.objects.create(
                thread=thread,
                seq=seq,
                author=author,
                on_behalf_of_id=on_behalf_of_id,
                kind=kind,
                body=body,
                client_id=client_id,
                reply_to=summary,
            )
            # One statement: staff who post join the thread, and the author has read it up to her own message
            # (no message of the thread is newer while the lock is held, so the mark only moves forward).
            Participant.objects.bulk_create(
                [
                    Participant(
                        thread=thread,
                        user=author,
                        role=Participant.Role.STAFF,
                        last_read_id=message.id,
                        emailed_up_to=message.id,
                    )
                ],
                update_conflicts=True,
                unique_fields=["thread", "user"],
                update_fields=["last_read_id", "updated_at"],
            )
            # The message frame also says that its author has read the thread up to it; no read frame of its own.
            sent = {"type": "thread.message", "message": message_payload(message)}
            transaction.on_commit(lambda: broadcast(thread_id=thread.id, event=sent))
    except _Resent as resent:
        return resent.message, False
    except IntegrityError as error:
        violated = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
        if violated == ANSWER_CONSTRAINT:  # defence in depth: the check under the lock comes first
            raise ValidationError({"reply_to": _("Du har allerede svaret på dette resumé.")}) from error
        if violated != RESEND_CONSTRAINT:
            raise
        return _stored(thread=thread, author=author, client_id=client_id), False
    return message, True


def _lock_and_number(*, thread_id: int) -> int:
    """Lock the thread's row until commit and take its next message number: one statement (the ORM would take
    two, a SELECT … FOR UPDATE and the UPDATE)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Thread._meta.db_table} SET last_seq = last_seq + 1, updated_at = %s WHERE id = %s"  # noqa: S608 - the model's own table name
            " RETURNING last_seq",
            [timezone.now(), thread_id],
        )
        row = cursor.fetchone()
    if row is None:
        raise Thread.DoesNotExist
    return row[0]


def _stored(*, thread: Thread, author: User, client_id: str) -> Message | None:
    return (
        Message.objects.filter(thread=thread, author=author, client_id=client_id)
        .select_related("author", "on_behalf_of")
        .first()
    )


def mark_read(*, user: User, thread: Thread, up_to: object) -> bool:
    """The user has read the thread up to and including message `up_to`. Only moves forward; True when it did.

    Department staff who have not joined have no read mark; for them nothing changes.
    """
    if not can_take_part(user, thread):
        raise PermissionDenied
    message = message_in_thread(thread=thread, message_id=up_to, field="up_to")
    with transaction.atomic():
        moved = Participant.objects.filter(thread=thread, user=user, last_read_id__lt=message.id).update(
            last_read_id=message.id, updated_at=timezone.now()
        )
        if moved:
            event = {"type": "thread.read", "user": user.id, "up_to": message.id}
            transaction.on_commit(lambda: broadcast(thread_id=thread.id, event=event))
    return bool(moved)


def hide_message(*, actor: User, message: Message, reason: str) -> Message:
    """Staff hide a message: the text is kept for the record and shown to staff; the others see the reason."""
    if not can_moderate(actor, message.thread):
        raise PermissionDenied
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        raise ValidationError({"reason": _("Skriv, hvorfor beskeden skjules. Deltagerne kan se begrundelsen.")})
    if len(reason) > HIDDEN_REASON_MAX_LENGTH:
        raise ValidationError({"reason": _("Begrundelsen må højst være på 500 tegn.")})
    with transaction.atomic():
        hidden = Message.objects.filter(id=message.id, hidden_at__isnull=True).update(
            hidden_at=timezone.now(), hidden_by=actor, hidden_reason=reason
        )
        if not hidden:
            raise ValidationError({"reason": _("Beskeden er allerede skjult.")})
        message = Message.objects.select_related("author", "thread").get(id=message.id)
        record_staff_action(actor=actor, action="dialogue.hide_message", target=message, details={"reason": reason})
        payload = message_payload(message)
        transaction.on_commit(
            lambda: broadcast(thread_id=message.thread_id, event={"type": "thread.update", "message": payload})
        )
    return message


def email_unread_messages(*, now: datetime | None = None) -> int:
    """E-mail each participant who has left a message unread longer than DIALOGUE_UNREAD_EMAIL_AFTER, once.

    The e-mail lists every message of the thread she has neither read nor been
    told of, and `emailed_up_to` moves past them, so the same messages are never
    mailed twice. Two workers running this at once skip each other's locked
    rows, and the e-mail's dedupe key makes a second e-mail for the same
    messages impossible even so. Returns the number of e-mails queued.
    """
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        participants = list(
            participants_due_unread_email(cutoff=now - settings.DIALOGUE_UNREAD_EMAIL_AFTER)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "thread")[:500]
        )
        for participant in participants:
            messages = list(unread_for_email(participant=participant))
            if not messages:
                continue
            last_id = messages[-1].id
            email = queue_email(
                recipient=participant.user,
                template="dialogue/email/unread.txt",
                context={
                    "thread": participant.thread,
                    "messages": messages,
                    "url": reverse("dialogue:thread", args=[participant.thread_id]),
                },
                dedupe_key=f"dialogue-unread-{participant.id}-{last_id}",
            )
            Participant.objects.filter(id=participant.id).update(emailed_up_to=last_id)
            sent += email is not None
    return sent


ANONYMISED_TEXT = "[anonymiseret]"


def anonymise_thread(*, thread: Thread, person: User, replacement: User) -> int:
    """Part of anonymising the case a thread belongs to: every message's text goes (the messages' times and
    order stay), `person` leaves the thread and her messages are `replacement`'s. Safe to run twice."""
    with transaction.atomic():
        changed = thread.messages.exclude(body=ANONYMISED_TEXT).update(body=ANONYMISED_TEXT)
        thread.messages.filter(hidden_at__isnull=False).update(hidden_reason=ANONYMISED_TEXT)
        thread.messages.filter(author=person).update(author=replacement)
        thread.messages.filter(hidden_by=person).update(hidden_by=replacement)
        Participant.objects.filter(thread=thread, user=person).delete()
        Thread.objects.filter(id=thread.id).update(title=ANONYMISED_TEXT, updated_at=timezone.now())
    return changed
