"""Writes for e-mail and notices. Every e-mail is a row first, then a send."""

import logging
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from accounts.models import User
from core.channels import send_to_group
from core.queue import enqueue_on_commit
from notifications.models import Email, Notice

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def user_group_name(user_id: int) -> str:
    return f"user-{user_id}"


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def queue_email(
    *,
    recipient: User,
    template: str,
    context: dict,
    dedupe_key: str | None = None,
) -> Email | None:
    """Store an e-mail to `recipient`, written in her language, and send it after commit.

    The template renders the subject on its first line and the body after it.
    With a `dedupe_key` the same e-mail is stored at most once, ever; a second
    call returns None.
    """
    with translation.override(recipient.language):
        rendered = render_to_string(template, {**context, "recipient": recipient, "SITE_URL": settings.SITE_URL})
    subject, _, body = rendered.strip().partition("\n")
    try:
        with transaction.atomic():
            email = Email.objects.create(
                recipient=recipient,
                to_address=recipient.email,
                subject=subject.strip()[:250],
                body=body.strip(),
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        return None
    enqueue_on_commit("notifications.tasks.deliver_email", email.id)
    return email


def deliver_email(*, email_id: int) -> bool:
    """Send one queued e-mail; safe to run twice (a sent row is skipped)."""
    with transaction.atomic():
        email = (
            Email.objects.select_for_update(skip_locked=True).filter(id=email_id, status=Email.Status.QUEUED).first()
        )
        if email is None:
            return False
        email.attempts += 1
        try:
            send_mail(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to_address])
        except OSError:
            logger.exception("Sending e-mail %s failed", email.id)
            if email.attempts >= MAX_ATTEMPTS:
                email.status = Email.Status.FAILED
            email.save(update_fields=["attempts", "status", "updated_at"])
            return False
        email.status = Email.Status.SENT
        email.sent_at = timezone.now()
        email.save(update_fields=["attempts", "status", "sent_at", "updated_at"])
        return True


def deliver_unsent_emails() -> int:
    """Send what a lost task message left in the queue (older than the sweepers' grace: its own task may
    still be on the way)."""
    cutoff = timezone.now() - settings.SWEEP_GRACE
    ids = list(
        Email.objects.filter(status=Email.Status.QUEUED, created_at__lt=cutoff).values_list("id", flat=True)[:500]
    )
    return sum(deliver_email(email_id=email_id) for email_id in ids)


def push_to_user(*, user_id: int, event: dict) -> None:
    """Tell a user's open pages about something, live. Best effort: the row is the truth."""
    send_to_group(user_group_name(user_id), {"type": "user.event", "event": event})


def push_on_commit(*, user_id: int, event: dict) -> None:
    transaction.on_commit(lambda: push_to_user(user_id=user_id, event=event))


def notify(*, user: User, title: str, body: str = "", url: str = "", dedupe_key: str | None = None) -> Notice | None:
    """An in-product notice, shown under "Underretninger" and pushed live."""
    try:
        with transaction.atomic():
            notice = Notice.objects.create(user=user, title=title, body=body, url=url, dedupe_key=dedupe_key)
    except IntegrityError:
        return None
    push_on_commit(user_id=user.id, event={"kind": "notice", "title": title, "url": url})
    return notice


Text = str | Promise | Callable[[], str]


class Told(NamedTuple):
    """What `tell` stored: the notice and the e-mail, None for one stored before (same key)."""

    notice: Notice | None
    email: Email | None

    def __bool__(self) -> bool:
        return self.notice is not None or self.email is not None


def _in_language(text: Text, *, msgid: bool) -> str:
    """A lazy string or a function's text in the active language; a plain string is a msgid (from gettext_noop)
    to translate when `msgid`, else text as written (a reason, a question someone typed)."""
    if callable(text):
        return text()
    if isinstance(text, str):
        return gettext(text) if msgid else text
    return str(text)


def tell(
    *,
    user: User,
    title: Text,
    template: str,
    context: dict,
    key: str,
    url: str = "",
    body: Text = "",
    values: dict | None = None,
) -> Told:
    """Tell a person: a notice in the product and an e-mail, both in her language (User.language), each stored
    once ever (dedupe keys `<key>-notice` and `<key>-email`). True when this call stored either.

    `title` is a msgid (gettext_noop), a lazy string or a function returning text, called in her language (for
    dates and names that must be written in it); `values` fill its %(name)s. `body` is text as written, or a lazy
    string or function like `title`. The e-mail is `template` rendered with `context` (queue_email: the first line
    is the subject)."""
    with translation.override(user.language):
        heading = _in_language(title, msgid=True)
        heading = heading % values if values else heading
        text = _in_language(body, msgid=False)
    notice = notify(user=user, title=heading[:250], body=text, url=url, dedupe_key=f"{key}-notice")
    email = queue_email(recipient=user, template=template, context=context, dedupe_key=f"{key}-email")
    return Told(notice, email)


def mark_notices_read(*, user: User) -> int:
    return Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


ANONYMISED = "[anonymiseret]"


def anonymise_mail_and_notices(*, user: User, keep_email_ids=()) -> dict[str, int]:
    """Part of erasing a person: her e-mails in the outbox (address, subject, text; one still queued is never
    sent) and her notices lose what they said. `keep_email_ids`: the e-mail that tells her of the erasure
    itself, which must still reach her. Safe to run twice."""
    with transaction.atomic():
        emails = Email.objects.filter(recipient=user).exclude(id__in=keep_email_ids)
        emails.filter(status=Email.Status.QUEUED).update(status=Email.Status.FAILED)
        email_count = emails.update(to_address=user.email, subject=ANONYMISED, body="")
        notice_count = Notice.objects.filter(user=user).update(title=ANONYMISED, body="", url="")
    return {"emails": email_count, "notices": notice_count}
