"""Seats under real concurrency: threads with their own PostgreSQL connections, released together.

The last free seat goes to exactly one of two people registering at once, and a freed seat moves the waiting
list up exactly once, whoever else cancels or registers at the same moment."""

import pytest

from events import services
from events.models import Registration
from notifications.models import Email, Notice
from tests.ideas.test_concurrency import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_seat_goes_to_exactly_one_of_two_registering_at_once(make_event, citizens):
    for _round in range(3):
        event = make_event(capacity=2)
        first, *racing = citizens(3, start=_round * 10)
        services.register(user=first, event=event)

        errors = run_at_once(
            [lambda person=person, event=event: services.register(user=person, event=event) for person in racing]
        )

        assert errors == []
        statuses = sorted(event.registrations.values_list("status", flat=True))
        assert statuses == ["confirmed", "confirmed", "waiting"]


def test_one_person_registering_twice_at_once_gets_one_registration(event, citizen):
    errors = run_at_once([lambda: services.register(user=citizen, event=event) for _ in range(4)])
    assert len(errors) == 3
    assert all(
        error.message_dict == {"registration": ["Du er allerede tilmeldt dette arrangement."]} for error in errors
    )
    assert Registration.objects.filter(event=event, user=citizen).count() == 1


def test_the_waiting_list_moves_up_exactly_once_when_two_cancel_at_once(make_event, citizens):
    event = make_event(capacity=2)
    holders, waiting = citizens(2), citizens(3, start=10)
    for person in [*holders, *waiting]:
        services.register(user=person, event=event)

    errors = run_at_once(
        [lambda person=person: services.cancel_registration(user=person, event=event) for person in holders]
    )

    assert errors == []
    confirmed = set(event.registrations.filter(status="confirmed").values_list("user_id", flat=True))
    assert confirmed == {waiting[0].id, waiting[1].id}
    assert event.registrations.filter(status="waiting").get().user_id == waiting[2].id
    for person in waiting[:2]:
        assert Notice.objects.filter(user=person, title__contains="fået en plads").count() == 1
        assert Email.objects.filter(recipient=person, subject__contains="fået en plads").count() == 1


def test_a_freed_seat_goes_to_the_waiting_list_not_to_a_newcomer_at_the_same_moment(make_event, citizens):
    event = make_event(capacity=1)
    holder, queued, newcomer = citizens(3)
    services.register(user=holder, event=event)
    services.register(user=queued, event=event)

    errors = run_at_once(
        [
            lambda: services.cancel_registration(user=holder, event=event),
            lambda: services.register(user=newcomer, event=event),
        ]
    )

    assert errors == []
    status = dict(event.registrations.exclude(status="cancelled").values_list("user_id", "status"))
    # Whichever ran first, the one who waited has the seat and the newcomer waits behind her.
    assert status == {queued.id: "confirmed", newcomer.id: "waiting"}
    assert Notice.objects.filter(user=queued, title__contains="fået en plads").count() == 1
