"""Events through their services: seats and the waiting list, telling people, reminders, attendance, report,
planning."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import services
from events.models import CODE_ALPHABET, CODE_LENGTH, Contributor, Participant, Registration
from ideas.models import Board, Idea
from notifications.models import Email, Notice
from tests.events.conftest import shift

pytestmark = pytest.mark.django_db


def test_an_event_keeps_its_partners_and_speakers_in_order(make_event):
    event = make_event(kind="folkemode", capacity=None, registration_opens_at=None, registration_closes_at=None)
    services.update_event(
        actor=event.created_by,
        event=event,
        partners=["Mandag Morgen", "  Frivilligrådet ", "Mandag Morgen", ""],
        speakers=["Anne Lykke"],
    )
    rows = list(event.contributors.values_list("role", "name"))
    assert rows == [
        (Contributor.Role.PARTNER, "Mandag Morgen"),
        (Contributor.Role.PARTNER, "Frivilligrådet"),
        (Contributor.Role.SPEAKER, "Anne Lykke"),
    ]
    assert event.published_at is not None


def test_registering_gives_a_seat_and_a_code_then_the_waiting_list(event, citizens, outbox):
    first, second, third = citizens(3)
    one = services.register(user=first, event=event)
    two = services.register(user=second, event=event)
    three = services.register(user=third, event=event)

    assert [one.status, two.status, three.status] == ["confirmed", "confirmed", "waiting"]
    assert len(one.code) == CODE_LENGTH and set(one.code) <= set(CODE_ALPHABET)
    assert len({one.code, two.code, three.code}) == 3
    assert services.waiting_position(three) == 1
    seat_mail = Email.objects.get(recipient=first)
    assert one.code in seat_mail.body and "Du er tilmeldt" in seat_mail.subject
    waiting_mail = Email.objects.get(recipient=third)
    assert "ventelisten som nummer 1" in waiting_mail.body and three.code not in waiting_mail.body
    assert Notice.objects.filter(user=third, title__contains="ventelisten").count() == 1


def test_cancelling_a_seat_moves_the_first_on_the_waiting_list_up_once_and_tells_her(event, citizens):
    first, second, third, fourth = citizens(4)
    for person in (first, second, third, fourth):
        services.register(user=person, event=event)

    services.cancel_registration(user=first, event=event)

    statuses = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert statuses == {first.id: "cancelled", second.id: "confirmed", third.id: "confirmed", fourth.id: "waiting"}
    promoted = Registration.objects.get(user=third, event=event)
    assert promoted.promoted_at is not None
    assert Notice.objects.filter(user=third, title__contains="fået en plads").count() == 1
    email = Email.objects.get(recipient=third, subject__contains="fået en plads")
    assert promoted.code in email.body
    assert not Notice.objects.filter(user=fourth, title__contains="fået en plads").exists()
    assert services.waiting_position(Registration.objects.get(user=fourth, event=event)) == 1


def test_cancelling_a_place_on_the_waiting_list_moves_nobody(event, citizens):
    first, second, third = citizens(3)
    for person in (first, second, third):
        services.register(user=person, event=event)
    services.cancel_registration(user=third, event=event)
    assert list(event.registrations.values_list("status", flat=True).order_by("id")) == [
        "confirmed",
        "confirmed",
        "cancelled",
    ]
    assert not Notice.objects.filter(title__contains="fået en plads").exists()


def test_after_cancelling_she_may_register_again_and_goes_to_the_back(event, citizens):
    first, second, third = citizens(3)
    for person in (first, second, third):
        services.register(user=person, event=event)
    services.cancel_registration(user=first, event=event)  # third moves up
    again = services.register(user=first, event=event)
    assert again.status == "waiting"
    assert event.registrations.filter(user=first).count() == 2


def test_more_seats_move_the_waiting_list_up(event, citizens):
    people = citizens(4)
    for person in people:
        services.register(user=person, event=event)
    services.update_event(actor=event.created_by, event=event, capacity=3)
    assert event.registrations.filter(status="confirmed").count() == 3
    assert Notice.objects.filter(user=people[2], title__contains="fået en plads").count() == 1
    services.update_event(actor=event.created_by, event=event, capacity=None)
    assert event.registrations.filter(status="confirmed").count() == 4


def test_reminders_go_the_day_before_once_even_when_run_twice(make_event, citizens, outbox):
    tomorrow = make_event(capacity=1)
    later = make_event(title="Workshop om samskabelse")
    first, second, third = citizens(3)
    services.register(user=first, event=tomorrow)
    services.register(user=second, event=tomorrow)  # waiting: no seat, no reminder
    services.register(user=third, event=later)
    shift(tomorrow, days=-9.5)  # begins in half a day

    assert services.send_reminders() == 1
    assert services.send_reminders() == 0

    reminders = Email.objects.filter(subject__startswith="I morgen")
    assert list(reminders.values_list("recipient_id", flat=True)) == [first.id]
    assert Registration.objects.get(user=first).code in reminders.get().body
    assert Notice.objects.filter(title__startswith="I morgen").count() == 1
    # A day later the other event is within a day too; the first one has begun.
    assert services.send_reminders(now=timezone.now() + timedelta(days=9, hours=12)) == 1
    assert Email.objects.filter(subject__startswith="I morgen").count() == 2


def test_an_unpublished_event_sends_no_reminders(make_event, citizens):
    event = make_event()
    person = citizens(1)[0]
    services.register(user=person, event=event)
    services.update_event(actor=event.created_by, event=event, is_published=False)
    assert services.send_reminders(now=event.starts_at - timedelta(hours=2)) == 0


def test_staff_tick_off_codes_at_the_door(event, citizens, organiser):
    first, second, third = citizens(3)
    seat = services.register(user=first, event=event)
    services.register(user=second, event=event)
    waiting = services.register(user=third, event=event)
    shift(event, days=-10)  # it is the day of the event

    typed = f" {seat.code[:3].lower()} {seat.code[3:]} "
    ticked = services.mark_attendance(actor=organiser, event=event, code=typed)
    assert ticked.id == seat.id and ticked.attended_at is not None and ticked.attendance_by == organiser
    assert services.mark_attendance(actor=organiser, event=event, code=seat.code).attended_at == ticked.attended_at
    with pytest.raises(ValidationError) as refused:
        services.mark_attendance(actor=organiser, event=event, code=waiting.code)
    assert "på venteliste" in str(refused.value)
    untick = services.mark_attendance(actor=organiser, event=event, code=seat.code, attended=False)
    assert untick.attended_at is None


def test_the_report_links_ideas_made_at_the_event(make_event, organiser, citizens, committee):
    today = timezone.localdate()
    board = Board.objects.create(
        title="Idéer fra borgermødet",
        slug="borgermoede",
        committee=committee,
        opens_on=today - timedelta(days=30),
        closes_on=today + timedelta(days=30),
    )
    other_board = Board.objects.create(
        title="Andet", slug="andet", committee=committee, opens_on=today, closes_on=today + timedelta(days=1)
    )
    event = shift(make_event(board=board), days=-20)
    author = citizens(1)[0]
    mine = Idea.objects.create(board=board, author=author, title="Bænke ved havnen", body="Flere bænke.")
    hidden = Idea.objects.create(
        board=board,
        author=author,
        title="Skjult",
        body="…",
        status="hidden",
        status_before_hidden="published",
        hidden_at=timezone.now(),
        hidden_by=organiser,
    )
    elsewhere = Idea.objects.create(board=other_board, author=author, title="Andet sted", body="…")

    with pytest.raises(ValidationError) as refused:
        services.write_report(actor=organiser, event=event, report="Noter.", idea_ids=[mine.id, elsewhere.id])
    assert "ideas" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.write_report(actor=organiser, event=event, report="Noter.", idea_ids=[hidden.id])

    done = services.write_report(actor=organiser, event=event, report="42 mødte op.", idea_ids=[mine.id])
    assert done.report == "42 mødte op." and done.reported_by == organiser
    assert list(done.report_ideas.all()) == [mine]


def test_planning_lists_councillors_and_staff(event, organiser, secretary, citizen, second_caseworker):
    planned = services.add_participant(
        actor=organiser, event=event, user=secretary, role=Participant.Role.COUNCILLOR, task="Paneldeltager"
    )
    services.add_participant(actor=organiser, event=event, user=second_caseworker, role=Participant.Role.STAFF)
    assert sorted(event.participants.values_list("user__full_name", flat=True)) == ["Jonas Berg", "Karen Munk"]
    with pytest.raises(ValidationError) as twice:
        services.add_participant(actor=organiser, event=event, user=secretary, role=Participant.Role.COUNCILLOR)
    assert "allerede med" in str(twice.value)
    with pytest.raises(ValidationError) as not_staff:
        services.add_participant(actor=organiser, event=event, user=citizen, role=Participant.Role.STAFF)
    assert "politikere og medarbejdere" in str(not_staff.value)
    services.remove_participant(actor=organiser, participant=planned)
    assert list(event.participants.values_list("user_id", flat=True)) == [second_caseworker.id]


def test_an_english_speaker_is_told_in_english(event, english_citizen):
    services.register(user=english_citizen, event=event)
    email = Email.objects.get(recipient=english_citizen)
    assert email.subject == f"You are registered for “{event.title}”"
    assert "Show it at the door." in email.body
    assert Notice.objects.get(user=english_citizen).title.startswith("You are registered")
