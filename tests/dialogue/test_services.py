"""Writing in a thread: messages, resends, answers to summaries, read marks, hiding."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dialogue.models import Message, Participant
from dialogue.selectors import messages_after, thread_page, unread_count
from dialogue.serializers import MessageSerializer
from dialogue.services import hide_message, mark_read, post_contact_summary, post_message

from .conftest import say

pytestmark = pytest.mark.django_db


def test_a_message_is_stored_numbered_and_counted_unread_for_the_others(thread, citizen, caseworker):
    first, created = post_message(author=citizen, thread=thread, body="  Hvornår hører jeg noget?  ", client_id="c-1")
    second = say(caseworker, thread, "I morgen.")
    assert created
    assert (first.seq, second.seq) == (1, 2)
    assert first.body == "Hvornår hører jeg noget?"
    assert list(messages_after(thread=thread, after=first.id)) == [second]
    assert unread_count(thread=thread, user=citizen) == 1
    assert unread_count(thread=thread, user=caseworker) == 0  # posting reads up to one's own message


def test_a_resend_with_the_same_client_id_returns_the_stored_message(thread, citizen):
    message, created = post_message(author=citizen, thread=thread, body="Hej", client_id="same")
    again, created_again = post_message(author=citizen, thread=thread, body="Hej", client_id="same")
    assert created and not created_again
    assert again.id == message.id
    assert Message.objects.filter(thread=thread).count() == 1


def test_the_same_client_id_from_another_author_is_another_message(thread, citizen, caseworker):
    post_message(author=citizen, thread=thread, body="Hej", client_id="same")
    _message, created = post_message(author=caseworker, thread=thread, body="Hej", client_id="same")
    assert created


@pytest.mark.parametrize(
    ("body", "client_id", "field"),
    [
        ("", "a", "body"),
        ("   \n ", "a", "body"),
        ("x" * 4001, "a", "body"),
        (42, "a", "body"),
        (None, "a", "body"),
        ("nul\x00byte", "a", "body"),
        ("Hej", "", "client_id"),
        ("Hej", None, "client_id"),
        ("Hej", 7, "client_id"),
        ("Hej", "x" * 65, "client_id"),
        ("Hej", "mellem rum", "client_id"),
    ],
)
def test_bad_messages_are_refused_and_nothing_is_stored(thread, citizen, body, client_id, field):
    with pytest.raises(ValidationError) as error:
        post_message(author=citizen, thread=thread, body=body, client_id=client_id)
    assert field in error.value.message_dict
    assert not Message.objects.exists()


def test_4000_characters_is_allowed(thread, citizen):
    assert len(say(citizen, thread, "x" * 4000).body) == 4000


def test_someone_outside_the_thread_may_not_post(thread, other_citizen, other_caseworker):
    for outsider in (other_citizen, other_caseworker):
        with pytest.raises(PermissionDenied):
            say(outsider, thread)
    assert not Message.objects.exists()


def test_department_staff_who_post_join_the_thread(thread, lead):
    say(lead, thread, "Jeg kigger også på sagen.")
    assert thread.participants.get(user=lead).role == Participant.Role.STAFF


def test_contact_summaries_are_posted_by_staff_only(thread, citizen, caseworker):
    with pytest.raises(PermissionDenied):
        say(citizen, thread, "Resumé", kind=Message.Kind.CONTACT_SUMMARY)
    assert say(caseworker, thread, "Vi talte sammen.", kind=Message.Kind.CONTACT_SUMMARY).kind == "contact_summary"


@pytest.mark.parametrize("who", ["citizen", "caseworker"])
def test_no_client_posts_a_contact_summary_as_a_message(request, thread, who):
    """post_message is what every door calls: it refuses the kind, staff's too; post_contact_summary is the way."""
    with pytest.raises(ValidationError) as refused:
        post_message(
            author=request.getfixturevalue(who),
            thread=thread,
            body="Vi talte sammen.",
            client_id="s-1",
            kind="contact_summary",
        )
    assert list(refused.value.message_dict) == ["kind"]
    assert not Message.objects.exists()


def test_a_contact_summary_has_its_own_service(thread, citizen, caseworker):
    with pytest.raises(PermissionDenied):
        post_contact_summary(author=citizen, thread=thread, body="Vi talte sammen.", client_id="s-1")
    message, created = post_contact_summary(author=caseworker, thread=thread, body="Vi talte sammen.", client_id="s-2")
    again, created_again = post_contact_summary(author=caseworker, thread=thread, body="Vi talte.", client_id="s-2")
    assert (created, created_again, again.id, message.kind) == (True, False, message.id, "contact_summary")
    with pytest.raises(ValidationError):
        post_contact_summary(author=caseworker, thread=thread, body="  ", client_id="s-3")


def test_the_citizen_confirms_a_summary_once(thread, citizen, caseworker):
    summary = say(caseworker, thread, "Vi aftalte et hjemmebesøg.", kind=Message.Kind.CONTACT_SUMMARY)
    confirmation = say(citizen, thread, "", kind=Message.Kind.CONFIRMATION, reply_to_id=summary.id)
    assert confirmation.reply_to == summary
    assert confirmation.body == "Jeg bekræfter, at resuméet er rigtigt."
    with pytest.raises(ValidationError, match="allerede svaret"):
        say(citizen, thread, "Og dog", kind=Message.Kind.CORRECTION, reply_to_id=summary.id)


def test_the_citizen_corrects_a_summary_in_her_own_words(thread, citizen, caseworker):
    summary = say(caseworker, thread, "Vi aftalte et møde fredag.", kind=Message.Kind.CONTACT_SUMMARY)
    correction = say(citizen, thread, "Det var torsdag.", kind=Message.Kind.CORRECTION, reply_to_id=summary.id)
    assert (correction.kind, correction.body) == ("correction", "Det var torsdag.")
    with pytest.raises(ValidationError):
        say(citizen, thread, "", kind=Message.Kind.CORRECTION, reply_to_id=summary.id)


@pytest.mark.parametrize("target", ["text", "other_thread", "none", "missing", "string"])
def test_answers_refer_to_a_summary_of_this_thread(thread, other_thread, citizen, caseworker, other_citizen, target):
    reply_to = {
        "text": lambda: say(caseworker, thread, "Bare en besked").id,
        "other_thread": lambda: say(other_citizen, other_thread, "Fremmed").id,
        "none": lambda: None,
        "missing": lambda: 10**9,
        "string": lambda: "1",
    }[target]()
    with pytest.raises(ValidationError) as error:
        say(citizen, thread, "Ja", kind=Message.Kind.CONFIRMATION, reply_to_id=reply_to)
    assert "reply_to" in error.value.message_dict
    assert not Message.objects.filter(kind=Message.Kind.CONFIRMATION).exists()


def test_only_the_citizen_answers_a_summary(thread, caseworker, lead):
    summary = say(caseworker, thread, "Resumé", kind=Message.Kind.CONTACT_SUMMARY)
    for staff in (caseworker, lead):
        with pytest.raises(ValidationError, match="Kun borgeren"):
            say(staff, thread, "", kind=Message.Kind.CONFIRMATION, reply_to_id=summary.id)


def test_a_plain_message_refers_to_nothing(thread, citizen, caseworker):
    summary = say(caseworker, thread, "Resumé", kind=Message.Kind.CONTACT_SUMMARY)
    with pytest.raises(ValidationError):
        say(citizen, thread, "Hej", reply_to_id=summary.id)


def test_read_marks_only_move_forward(thread, citizen, caseworker):
    first, second = say(citizen, thread, "1"), say(citizen, thread, "2")
    assert mark_read(user=caseworker, thread=thread, up_to=second.id)
    assert not mark_read(user=caseworker, thread=thread, up_to=first.id)
    assert thread.participants.get(user=caseworker).last_read_id == second.id


@pytest.mark.parametrize("up_to", ["other_thread", 10**9, "7", None, True, -1, 0])
def test_read_marks_name_a_message_of_this_thread(thread, other_thread, other_citizen, caseworker, up_to):
    if up_to == "other_thread":
        up_to = say(other_citizen, other_thread).id
    with pytest.raises(ValidationError) as error:
        mark_read(user=caseworker, thread=thread, up_to=up_to)
    assert "up_to" in error.value.message_dict


def test_staff_hide_a_message_and_the_others_see_the_reason_only(thread, citizen, caseworker):
    message = say(citizen, thread, "Et telefonnummer: 12 34 56 78")
    with pytest.raises(PermissionDenied):
        hide_message(actor=citizen, message=message, reason="Fortrudt")
    with pytest.raises(ValidationError):
        hide_message(actor=caseworker, message=message, reason="  ")
    hidden = hide_message(actor=caseworker, message=message, reason="Personoplysninger")
    assert hidden.body == "Et telefonnummer: 12 34 56 78"  # kept for the record
    seen_by_citizen = MessageSerializer(hidden).data
    seen_by_staff = MessageSerializer(hidden, context={"can_moderate": True}).data
    assert (seen_by_citizen["hidden"], seen_by_citizen["body"], seen_by_citizen["hidden_reason"]) == (
        True,
        "",
        "Personoplysninger",
    )
    assert seen_by_staff["body"] == "Et telefonnummer: 12 34 56 78"
    with pytest.raises(ValidationError, match="allerede skjult"):
        hide_message(actor=caseworker, message=message, reason="Igen")


def test_a_message_is_stored_in_few_statements_without_savepoints(thread, citizen, caseworker):
    """Her participation (whether she may, for whom she writes), then in the transaction: the thread's lock with
    the message's number, the message, the read mark. No resend lookup (the unique constraint is the check),
    no savepoint, no MAX."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    say(citizen, thread, "Først")
    with CaptureQueriesContext(connection) as queries:
        _message, created = post_message(author=citizen, thread=thread, body="Hej igen", client_id="c-count")

    assert created
    statements = [query["sql"] for query in queries.captured_queries]
    # The service's transaction is a savepoint only because the test runs inside a transaction of its own.
    assert [sql.split()[0] for sql in statements] == [
        "SELECT",  # her participation
        "SAVEPOINT",
        "UPDATE",  # the thread: locked, numbered
        "INSERT",  # the message
        "INSERT",  # her read mark (staff who post join): one upsert
        "RELEASE",
    ], statements
    assert not any("MAX(" in sql for sql in statements)
    assert Participant.objects.get(thread=thread, user=citizen).last_read_id == _message.id


def test_a_resend_takes_no_number(thread, citizen):
    """The resend's transaction is undone (its number with it): the next message is the next number."""
    first, _created = post_message(author=citizen, thread=thread, body="Hej", client_id="same")
    again, created = post_message(author=citizen, thread=thread, body="Hej", client_id="same")
    following, _created = post_message(author=citizen, thread=thread, body="Og så", client_id="next")
    assert (again.id, created) == (first.id, False)
    assert following.seq == first.seq + 1
    thread.refresh_from_db()
    assert thread.last_seq == following.seq


def test_a_resent_confirmation_is_the_stored_one_not_a_second_answer(thread, citizen, caseworker):
    summary = say(caseworker, thread, "Vi aftalte et hjemmebesøg.", kind=Message.Kind.CONTACT_SUMMARY)
    fields = {"author": citizen, "thread": thread, "body": "", "client_id": "svar", "reply_to_id": summary.id}
    confirmation, created = post_message(kind=Message.Kind.CONFIRMATION, **fields)
    again, created_again = post_message(kind=Message.Kind.CONFIRMATION, **fields)
    assert created and not created_again
    assert again.id == confirmation.id
    assert Message.objects.filter(thread=thread).count() == 2


def test_who_is_removed_or_whose_dates_ended_is_refused_at_her_next_message(thread, citizen, caseworker, other_citizen):
    from datetime import timedelta

    from django.utils import timezone

    from dialogue.services import remove_participant, set_representative

    representative = set_representative(
        thread=thread, user=other_citizen, on_behalf_of=citizen, valid_from=None, valid_until=None
    )
    written = say(other_citizen, thread, "Jeg skriver for Mette")
    assert written.on_behalf_of_id == citizen.id
    yesterday = timezone.localdate() - timedelta(days=1)
    Participant.objects.filter(id=representative.id).update(valid_until=yesterday)
    with pytest.raises(PermissionDenied):
        say(other_citizen, thread, "Stadig mig")
    say(citizen, thread, "Jeg er her")
    remove_participant(thread=thread, user=citizen)
    with pytest.raises(PermissionDenied):
        say(citizen, thread, "Er jeg her endnu?")
    remove_participant(thread=thread, user=caseworker)
    say(caseworker, thread, "Stadig her")  # still staff of the thread's department, who may always join
    assert Message.objects.filter(thread=thread).count() == 3


def test_staff_who_post_join_the_thread_with_their_own_message_read(thread, lead):
    message, _created = post_message(author=lead, thread=thread, body="Jeg hjælper", client_id="x")
    joined = Participant.objects.get(thread=thread, user=lead)
    assert (joined.role, joined.last_read_id, joined.emailed_up_to) == (Participant.Role.STAFF, message.id, message.id)


def test_nobody_is_said_to_have_read_her_own_message(thread, citizen, caseworker):
    # Writing moves her read mark to her own message; the page marks her under the last one someone else wrote.
    question = say(caseworker, thread, "Hvornår passer det dig, at jeg ringer?")
    answer = say(citizen, thread, "Efter kl. 15.")
    assert thread.participants.get(user=citizen).last_read_id == answer.id
    page = thread_page(thread=thread, reader=caseworker)
    read_by = {message.id: message.read_by for message in page["thread_messages"]}
    assert read_by == {question.id: [citizen.full_name], answer.id: []}
    assert page["last_id"] == answer.id and page["own"].user_id == caseworker.id
