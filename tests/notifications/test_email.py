"""E-mails are rows first: delivered once, resent by the sweeper, readable in the demo."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from notifications import services, tasks
from notifications.models import Email, Notice

pytestmark = pytest.mark.django_db


def queue(user, key="k1") -> Email | None:
    return services.queue_email(
        recipient=user,
        template="complaints/email/task_assigned.txt",
        context={
            "task": SimpleNamespace(get_kind_display="Tidlig kontakt", due_at=timezone.now()),
            "complaint": SimpleNamespace(reference="K-2026-00001", subject="Emne"),
            "url": "/opgaver/",
        },
        dedupe_key=key,
    )


def test_an_email_is_stored_once_per_dedupe_key(caseworker):
    assert queue(caseworker) is not None
    assert queue(caseworker) is None
    assert Email.objects.count() == 1


def test_delivery_sends_once_even_when_run_twice(caseworker, outbox):
    email = queue(caseworker)
    tasks.deliver_email.apply(args=[email.id])
    tasks.deliver_email.apply(args=[email.id])

    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert len(outbox) == 1
    assert outbox[0].to == ["sagsbehandler@example.dk"]
    assert outbox[0].subject == "Ny opgave: K-2026-00001"


def test_the_sweeper_sends_what_a_lost_message_left_behind(caseworker, outbox):
    email = queue(caseworker)
    Email.objects.filter(id=email.id).update(created_at=timezone.now() - timedelta(minutes=5))
    fresh = queue(caseworker, key="k2")

    tasks.sweep_unsent_email.apply()

    assert Email.objects.get(id=email.id).status == Email.Status.SENT
    assert Email.objects.get(id=fresh.id).status == Email.Status.QUEUED
    assert len(outbox) == 1


def test_emails_are_written_in_the_recipients_language(english_citizen):
    email = queue(english_citizen)
    assert email.subject == "New task: K-2026-00001"


def test_demo_mailbox_shows_the_emails_in_demo_mode_only(client, settings, caseworker):
    queue(caseworker)
    settings.DEMO = True
    assert "Ny opgave: K-2026-00001" in client.get("/demo/mail/").content.decode()
    settings.DEMO = False
    assert client.get("/demo/mail/").status_code == 404


def test_notices_are_listed_for_their_user_only_and_marked_read(client, citizen, other_citizen):
    services.notify(user=citizen, title="Udvalget har besluttet", url="/x/", dedupe_key="n1")
    assert services.notify(user=citizen, title="Udvalget har besluttet", dedupe_key="n1") is None

    client.force_login(other_citizen)
    assert "Udvalget har besluttet" not in client.get("/underretninger/").content.decode()
    client.force_login(citizen)
    assert "Udvalget har besluttet" in client.get("/underretninger/").content.decode()
    assert Notice.objects.get(user=citizen).read_at is not None


def test_the_header_counts_unread_notifications_until_the_list_is_seen(client, citizen):
    for n in range(3):
        services.notify(user=citizen, title=f"Nyt i din klage {n}", url="/x/")
    client.force_login(citizen)
    header = client.get("/klager/").content.decode()
    assert 'href="/underretninger/"' in header and '>3<span class="sr-only"> ulæste</span>' in header
    listed = client.get("/underretninger/").content.decode()
    assert "<h1>Underretninger</h1>" in listed and "Nyt i din klage 2" in listed
    assert 'class="sr-only"> ulæste' not in client.get("/klager/").content.decode()  # seen: no count


def test_the_lists_earlier_address_leads_to_it(client, citizen):
    client.force_login(citizen)
    answer = client.get("/beskeder/")
    assert answer.status_code == 301 and answer["Location"] == "/underretninger/"


def test_the_public_sees_no_count(client):
    assert "/underretninger/" not in client.get("/").content.decode()
