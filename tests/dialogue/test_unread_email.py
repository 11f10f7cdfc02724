"""The unread e-mail: one per participant and batch of unread messages, never two, even with two workers."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from dialogue.models import Participant, Thread
from dialogue.services import email_unread_messages, hide_message, mark_read
from notifications.models import Email

from .conftest import say


def later(minutes=11):
    return timezone.now() + timedelta(minutes=minutes)


def emails_to(user):
    """The unread e-mails to the user (no other e-mail)."""
    return list(Email.objects.filter(recipient=user, dedupe_key__startswith="dialogue-unread").order_by("id"))


@pytest.mark.django_db
def test_an_unread_message_gets_one_email_after_ten_minutes(thread, citizen, caseworker):
    say(caseworker, thread, "Jeg ringer i morgen.")
    say(caseworker, thread, "Eller på fredag.")
    assert email_unread_messages(now=later(minutes=9)) == 0
    assert email_unread_messages(now=later()) == 1
    (email,) = emails_to(citizen)
    assert email.subject == '2 nye beskeder i samtalen "Afslag på aflastning"'
    assert "Tina Jepsen" in email.body
    assert f"/samtaler/{thread.id}/" in email.body
    assert "Jeg ringer i morgen." not in email.body  # the text stays behind the login
    assert email_unread_messages(now=later(minutes=30)) == 0
    assert len(emails_to(citizen)) == 1
    assert emails_to(caseworker) == []  # her own messages are not unread to her


@pytest.mark.django_db
def test_read_messages_are_not_emailed(thread, citizen, caseworker):
    message = say(caseworker, thread, "Læst med det samme")
    mark_read(user=citizen, thread=thread, up_to=message.id)
    assert email_unread_messages(now=later()) == 0
    assert emails_to(citizen) == []


@pytest.mark.django_db
def test_new_messages_after_an_email_get_a_new_email_listing_only_them(thread, citizen, caseworker):
    say(caseworker, thread, "Første")
    email_unread_messages(now=later())
    say(caseworker, thread, "Anden")
    assert email_unread_messages(now=later(minutes=25)) == 1
    first, second = emails_to(citizen)
    assert first.subject == second.subject == 'Ny besked i samtalen "Afslag på aflastning"'


@pytest.mark.django_db
def test_hidden_messages_are_not_emailed(thread, citizen, caseworker, lead):
    message = say(lead, thread, "Forkert tråd")
    hide_message(actor=lead, message=message, reason="Skrevet i den forkerte samtale")
    assert email_unread_messages(now=later()) == 0


@pytest.mark.django_db
def test_the_email_is_in_the_recipients_language(thread, caseworker, english_citizen):
    Participant.objects.create(thread=thread, user=english_citizen, role=Participant.Role.CITIZEN)
    say(caseworker, thread, "Hej")
    email_unread_messages(now=later())
    (email,) = emails_to(english_citizen)
    assert email.subject == 'New message in the conversation "Afslag på aflastning"'


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_email_once(thread, citizen, caseworker, family):
    """Both run the job at the same moment on their own database connections."""
    threads = [thread]
    for number in range(15):
        thread = Thread.objects.create(title=f"Samtale {number}", department=family)
        Participant.objects.create(thread=thread, user=citizen, role=Participant.Role.CITIZEN)
        threads.append(thread)
    for thread in threads:
        say(caseworker, thread, "Nyt fra sagsbehandleren")
    start = threading.Barrier(2)
    counts = []

    def worker():
        try:
            start.wait()
            counts.append(email_unread_messages(now=later()))
        finally:
            connection.close()

    workers = [threading.Thread(target=worker) for _ in range(2)]
    for running in workers:
        running.start()
    for running in workers:
        running.join()
    assert sum(counts) == len(threads)
    assert len(emails_to(citizen)) == len(threads)
    assert email_unread_messages(now=later()) == 0
