"""Invited parties are told when a hearing opens and reminded before the deadline: a beat job, safe to run twice."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from hearings import services
from hearings.models import Hearing
from notifications.models import Email, Notice
from tests.conftest import make_user


def test_members_of_invited_parties_are_told_once_when_it_opens(open_hearing, elder_member, disability_member, citizen):
    assert services.send_due_notices() == 2
    assert services.send_due_notices() == 0  # run twice: nobody told again
    for person in (elder_member, disability_member):
        assert Notice.objects.filter(user=person, title__startswith="Høring:").count() == 1
        email = Email.objects.get(recipient=person, subject__startswith="Høring:")
        assert "Forslag til ny dialogmodel" in email.subject and "/hoeringer/" in email.body
    assert not Notice.objects.filter(user=citizen).exists()


def test_nobody_is_told_before_the_start_or_about_a_draft(make_hearing, elder_council, elder_member):
    today = timezone.localdate()
    make_hearing(invite=[elder_council], starts_on=today + timedelta(days=2), ends_on=today + timedelta(days=20))
    make_hearing(invite=[elder_council], publish=False, title="Kladde")
    assert services.send_due_notices() == 0
    assert services.send_due_notices(today=today + timedelta(days=2)) == 1


def test_a_reminder_goes_out_in_the_last_days_once(open_hearing, elder_member, disability_member):
    services.send_due_notices()
    deadline = open_hearing.ends_on
    assert services.send_due_notices(today=deadline - timedelta(days=4)) == 0
    assert services.send_due_notices(today=deadline - timedelta(days=3)) == 2
    assert services.send_due_notices(today=deadline - timedelta(days=1)) == 0
    assert Email.objects.filter(recipient=elder_member, subject__startswith="Påmindelse").count() == 1


def test_a_party_invited_after_the_opening_is_told_and_the_others_not_again(
    open_hearing, staff, elder_member, disability_member, association, other_citizen
):
    services.send_due_notices()
    services.invite(actor=staff, hearing=open_hearing, association=association)
    assert services.send_due_notices() == 1
    assert Email.objects.filter(recipient=other_citizen, subject__startswith="Høring:").count() == 1
    assert Email.objects.filter(recipient=elder_member, subject__startswith="Høring:").count() == 1


def test_english_speakers_are_told_in_english(make_hearing, elder_council):
    from accounts.models import CouncilMembership

    member = make_user("elder.en@example.dk", "Elder English", preferred_language="en")
    CouncilMembership.objects.create(user=member, council=elder_council)
    make_hearing(invite=[elder_council])
    services.send_due_notices()
    assert Email.objects.get(recipient=member).subject.startswith("Consultation:")


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_tell_each_person_once(committee, family, caseworker):
    from accounts.models import Council, CouncilMembership

    council = Council.objects.create(name="Ældrerådet", slug="aeldreraadet")
    members = [make_user(f"medlem{i}@example.dk", f"Medlem {i}") for i in range(3)]
    for member in members:
        CouncilMembership.objects.create(user=member, council=council)
    today = timezone.localdate()
    hearing = services.create_hearing(
        actor=caseworker,
        committee=committee,
        department=family,
        title="Samtidig",
        summary="To arbejdere på én gang.",
        starts_on=today,
        ends_on=today + timedelta(days=10),
    )
    services.add_section(actor=caseworker, hearing=hearing, title="Et", body="Tekst.")
    services.invite(actor=caseworker, hearing=hearing, council=council)
    services.publish_hearing(actor=caseworker, hearing=hearing)
    barrier = threading.Barrier(2)
    errors = []

    def run():
        try:
            barrier.wait()
            services.send_due_notices()
        except Exception as error:  # the assertion below shows it in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Email.objects.filter(subject__startswith="Høring:").count() == 3
    assert Hearing.objects.get(id=hearing.id).opening_told_at is not None
