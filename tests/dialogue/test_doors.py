"""The thread page and the REST API: who gets in, and what a post does."""

import pytest
from django.urls import reverse

from dialogue.models import Message
from dialogue.services import hide_message

from .conftest import say

pytestmark = pytest.mark.django_db

INSIDERS = ["citizen", "caseworker", "second_caseworker", "lead"]
OUTSIDERS = ["other_citizen", "other_caseworker"]


def page(thread):
    return reverse("dialogue:thread", args=[thread.id])


def messages_api(thread):
    return f"/api/threads/{thread.id}/messages/"


# Who gets in, on every door


@pytest.mark.parametrize("who", INSIDERS)
def test_the_citizen_the_caseworker_and_department_staff_may_take_part(client, api, people, thread, who):
    user = people[who]
    client.force_login(user)
    assert client.get(page(thread)).status_code == 200
    assert api(user).get(messages_api(thread)).status_code == 200
    assert api(user).get(f"/api/threads/{thread.id}/").status_code == 200
    posted = api(user).post(messages_api(thread), {"client_id": f"hi-{who}", "body": "Hej"}, format="json")
    assert posted.status_code == 201


@pytest.mark.parametrize("who", OUTSIDERS)
def test_anyone_else_gets_404_as_if_the_thread_did_not_exist(client, api, people, thread, who):
    user = people[who]
    client.force_login(user)
    assert client.get(page(thread)).status_code == 404
    assert client.post(page(thread), {"client_id": "x", "body": "Hej", "kind": "text"}).status_code == 404
    assert api(user).get(messages_api(thread)).status_code == 404
    assert api(user).get(f"/api/threads/{thread.id}/").status_code == 404
    assert api(user).post(messages_api(thread), {"client_id": "x", "body": "Hej"}, format="json").status_code == 404
    assert api(user).post(f"/api/threads/{thread.id}/read/", {"up_to": 1}, format="json").status_code == 404
    assert not Message.objects.exists()


def test_anonymous_is_sent_to_log_in_or_refused(client, api, thread):
    response = client.get(page(thread))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert api().get(messages_api(thread)).status_code == 401
    assert api().post(messages_api(thread), {"client_id": "x", "body": "Hej"}, format="json").status_code == 401


# The page, without JavaScript


def test_the_page_shows_the_history_and_marks_it_read(client, thread, citizen, caseworker):
    message = say(caseworker, thread, "Vi har fundet en rollator til dig.")
    client.force_login(citizen)
    response = client.get(page(thread))
    assert "Vi har fundet en rollator til dig." in response.text
    assert 'id="message-form"' in response.text
    assert thread.participants.get(user=citizen).last_read_id == message.id


def test_a_link_in_a_message_is_a_link_and_its_markup_stays_text(client, thread, citizen, caseworker):
    say(caseworker, thread, 'Se afgørelsen: https://kommune.example/afgoerelser/1/. <script>alert("x")</script>')
    client.force_login(citizen)
    html = client.get(page(thread)).text
    assert (
        '<a href="https://kommune.example/afgoerelser/1/" rel="nofollow">https://kommune.example/afgoerelser/1/</a>.'
        in html
    )
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<script>alert("x")' not in html


def test_the_breadcrumb_names_the_complaint_by_its_reference(client, routed_complaint):
    client.force_login(routed_complaint.citizen)
    html = client.get(page(routed_complaint.thread)).text
    detail = reverse("complaints:detail", args=[routed_complaint.id])
    assert f'<a class="breadcrumbs__link" href="{detail}">{routed_complaint.reference}</a>' in html


def test_posting_the_form_stores_the_message_and_redirects(client, thread, citizen):
    client.force_login(citizen)
    data = {"client_id": "form-1", "kind": "text", "body": "Tak for svaret"}
    response = client.post(page(thread), data)
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{page(thread)}#message-{message.id}"
    assert client.post(page(thread), data).status_code == 302  # the same form twice: one message
    assert Message.objects.count() == 1
    assert "Tak for svaret" in client.get(page(thread)).text


def test_an_empty_message_shows_the_error_and_stores_nothing(client, thread, citizen):
    client.force_login(citizen)
    response = client.post(page(thread), {"client_id": "form-2", "kind": "text", "body": "  "})
    assert response.status_code == 400
    assert "Skriv en besked." in response.text
    assert 'class="alert alert-error error-summary"' in response.text
    assert not Message.objects.exists()


def test_the_citizen_confirms_a_summary_on_the_page(client, thread, citizen, caseworker):
    summary = say(caseworker, thread, "Vi aftalte et hjemmebesøg.", kind=Message.Kind.CONTACT_SUMMARY)
    client.force_login(citizen)
    assert "Ja, resuméet er rigtigt" in client.get(page(thread)).text
    data = {"client_id": f"answer-{summary.id}", "kind": "confirmation", "reply_to": summary.id, "body": ""}
    assert client.post(page(thread), data).status_code == 302
    answer = Message.objects.get(kind=Message.Kind.CONFIRMATION)
    assert answer.reply_to == summary
    text = client.get(page(thread)).text
    assert "Borgeren har bekræftet resuméet." in text
    assert "Ja, resuméet er rigtigt" not in text


def test_the_citizen_corrects_a_summary_on_the_page(client, thread, citizen, caseworker):
    summary = say(caseworker, thread, "Vi aftalte et møde fredag.", kind=Message.Kind.CONTACT_SUMMARY)
    client.force_login(citizen)
    data = {"client_id": f"answer-{summary.id}", "kind": "correction", "reply_to": summary.id, "body": "Torsdag"}
    client.post(page(thread), data)
    client.force_login(caseworker)
    text = client.get(page(thread)).text
    assert "Borgeren har rettet resuméet." in text
    assert "Torsdag" in text


def test_staff_do_not_get_the_answer_buttons(client, thread, caseworker):
    say(caseworker, thread, "Resumé", kind=Message.Kind.CONTACT_SUMMARY)
    client.force_login(caseworker)
    text = client.get(page(thread)).text
    assert "Ja, resuméet er rigtigt" not in text
    assert "Venter på borgerens svar." in text


def test_staff_hide_a_message_on_the_page(client, thread, citizen, caseworker):
    message = say(citizen, thread, "Mit CPR-nummer er 010203-1234")
    hide_url = reverse("dialogue:hide", args=[thread.id, message.id])
    client.force_login(caseworker)
    response = client.post(hide_url, {"reason": ""})
    assert response.status_code == 400
    assert "Skriv, hvorfor beskeden skjules." in response.text
    assert client.post(hide_url, {"reason": "CPR-nummer"}).status_code == 302
    staff_view = client.get(page(thread)).text
    assert "010203-1234" in staff_view
    assert "kun for medarbejdere" in staff_view
    client.force_login(citizen)
    citizen_view = client.get(page(thread)).text
    assert "010203-1234" not in citizen_view
    assert "CPR-nummer" in citizen_view
    assert client.post(hide_url, {"reason": "Fortrudt"}).status_code == 403


def test_hiding_another_threads_message_is_404(client, thread, other_thread, other_citizen, caseworker):
    foreign = say(other_citizen, other_thread, "Fremmed")
    client.force_login(caseworker)
    assert client.post(reverse("dialogue:hide", args=[thread.id, foreign.id]), {"reason": "x"}).status_code == 404
    assert Message.objects.get(id=foreign.id).hidden_at is None


# The REST API


def test_the_api_lists_messages_after_an_id(api, thread, citizen, caseworker):
    first, second = say(citizen, thread, "1"), say(caseworker, thread, "2")
    response = api(citizen).get(messages_api(thread), {"after": first.id})
    assert response.status_code == 200
    assert [m["id"] for m in response.data["results"]] == [second.id]
    assert response.data["has_more"] is False
    assert [m["body"] for m in api(citizen).get(messages_api(thread)).data["results"]] == ["1", "2"]


@pytest.mark.parametrize("after", ["abc", "-1", "OTHER", "999999999"])
def test_the_api_refuses_an_after_that_is_not_this_threads_message(
    api, thread, other_thread, other_citizen, citizen, after
):
    if after == "OTHER":
        after = str(say(other_citizen, other_thread).id)
    response = api(citizen).get(messages_api(thread), {"after": after})
    assert response.status_code == 400
    assert "after" in response.data


def test_the_api_post_is_idempotent_on_client_id(api, thread, citizen):
    data = {"client_id": "api-1", "body": "Hej fra appen"}
    first = api(citizen).post(messages_api(thread), data, format="json")
    again = api(citizen).post(messages_api(thread), data, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.data["id"] == again.data["id"]
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"client_id": "a", "body": ""}, "body"),
        ({"client_id": "a", "body": "x" * 4001}, "body"),
        ({"client_id": "a"}, "body"),
        ({"body": "Hej"}, "client_id"),
        ({"client_id": "a b", "body": "Hej"}, "client_id"),
        ({"client_id": "a", "body": "Hej", "kind": "contact_summary"}, "kind"),
        ({"client_id": "a", "body": "Hej", "kind": "confirmation", "reply_to": 999999999}, "reply_to"),
    ],
)
def test_the_api_answers_bad_input_with_field_errors_and_stores_nothing(api, thread, citizen, data, field):
    response = api(citizen).post(messages_api(thread), data, format="json")
    assert response.status_code == 400
    assert field in response.data
    assert not Message.objects.exists()


def test_the_api_hides_a_hidden_text_from_the_citizen(api, thread, citizen, caseworker):
    message = say(citizen, thread, "Hemmeligt")
    hide_message(actor=caseworker, message=message, reason="Personoplysninger")
    (for_citizen,) = api(citizen).get(messages_api(thread)).data["results"]
    (for_staff,) = api(caseworker).get(messages_api(thread)).data["results"]
    assert (for_citizen["body"], for_citizen["hidden_reason"]) == ("", "Personoplysninger")
    assert for_staff["body"] == "Hemmeligt"


def test_the_api_marks_read_and_shows_participants(api, thread, citizen, caseworker):
    message = say(caseworker, thread, "Læs mig")
    assert api(citizen).post(f"/api/threads/{thread.id}/read/", {"up_to": message.id}, format="json").status_code == 204
    participants = api(caseworker).get(f"/api/threads/{thread.id}/").data["participants"]
    assert {
        "user": citizen.id,
        "name": "Mette Hansen",
        "role": "citizen",
        "on_behalf_of": None,
        "on_behalf_of_name": None,
        "last_read_id": message.id,
    } in participants
    assert api(citizen).post(f"/api/threads/{thread.id}/read/", {"up_to": "x"}, format="json").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_the_api_refuses_more_than_20_messages_in_10_seconds(api, thread, citizen):
    client = api(citizen)
    for number in range(20):
        posted = client.post(messages_api(thread), {"client_id": f"f{number}", "body": "x"}, format="json")
        assert posted.status_code == 201
    response = client.post(messages_api(thread), {"client_id": "f20", "body": "x"}, format="json")
    assert response.status_code == 429
    assert Message.objects.count() == 20


def test_no_door_lets_staff_post_a_contact_summary(client, api, thread, caseworker):
    """The page and the API (the socket: test_consumer) refuse the kind, as post_message does."""
    data = {"client_id": "s-1", "body": "Vi talte sammen.", "kind": "contact_summary"}
    client.force_login(caseworker)
    assert client.post(page(thread), data).status_code == 400
    response = api(caseworker).post(messages_api(thread), data, format="json")
    assert response.status_code == 400 and "kind" in response.data
    assert not Message.objects.exists()


def test_the_page_obeys_the_flood_limit_with_a_form_error(client, thread, citizen, settings):
    """The limit is counted in post_message, so a page POST counts as an API call or a socket frame does."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "dialogue.message": (2, 10)}
    client.force_login(citizen)
    for number in range(2):
        posted = client.post(page(thread), {"client_id": f"p{number}", "kind": "text", "body": "Hej"})
        assert posted.status_code == 302
    response = client.post(page(thread), {"client_id": "p2", "kind": "text", "body": "Hej"})
    assert response.status_code == 400
    assert "Du har sendt for mange på kort tid" in response.text
    assert Message.objects.count() == 2
