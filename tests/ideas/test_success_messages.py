"""A comment posted (sent twice with one key: the same message) or edited says so on the idea's page. An idea
posted, by the citizen or for her by citizen service, leads to a receipt that is itself a success alert ("Tak – din
idé er offentliggjort"): no message there."""

import pytest
from django.urls import reverse

from ideas import services
from tests.idempotency_keys import hidden_key
from tests.success_messages import alerts, assert_told

pytestmark = pytest.mark.django_db


def test_an_idea_lands_on_its_receipt_without_a_second_message(client, board, citizen):
    client.force_login(citizen)
    url = reverse("ideas:create", args=[board.slug])
    form = {"title": "Flere bænke ved søen", "body": "Der mangler bænke langs stien ved søen, så ældre kan hvile sig."}
    response = client.post(url, form, follow=True)
    assert "Tak – din idé er offentliggjort" in response.text and alerts(response) == []


def test_a_comment_posted_twice_with_one_key_and_edited(client, idea, other_citizen):
    client.force_login(other_citizen)
    key = hidden_key(client.get(reverse("ideas:idea", args=[idea.id])).text)
    form = {"body": "God idé, jeg støtter den.", "shown_as": "full", "idempotency_key": key}
    for _ in range(2):
        assert_told(
            client.post(reverse("ideas:comment", args=[idea.id]), form, follow=True), "Din kommentar er offentliggjort."
        )
    comment = idea.comments.get()
    url = reverse("ideas:comment-edit", args=[comment.id])
    assert_told(client.post(url, {"body": "God idé, jeg støtter den helt."}, follow=True), "Din kommentar er gemt.")


def test_a_reply(client, idea, citizen, other_citizen):
    parent = services.post_comment(author=citizen, idea=idea, body="Hvor skal bænkene stå?")
    client.force_login(other_citizen)
    form = {"body": "Ved badebroen.", "shown_as": "full", "parent": parent.id}
    assert_told(
        client.post(reverse("ideas:comment", args=[idea.id]), form, follow=True), "Din kommentar er offentliggjort."
    )
