"""A double click on "send" posts one idea or one comment (the form's hidden key, the API's Idempotency-Key),
and past the rate limit a citizen is told to wait instead of posting her 11th idea in a minute."""

import pytest
from django.urls import reverse

from ideas.models import Comment, Idea
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

IDEA = {"title": "Flere bænke ved søen", "body": "Der mangler bænke langs stien ved søen, så ældre kan hvile sig."}


def test_the_idea_form_sent_twice_posts_one_idea(client, board, citizen):
    client.force_login(citizen)
    url = reverse("ideas:create", args=[board.slug])
    form = {**IDEA, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Idea.objects.filter(board=board).count() == 1


def test_the_comment_form_sent_twice_posts_one_comment(client, idea, other_citizen):
    client.force_login(other_citizen)
    key = hidden_key(client.get(reverse("ideas:idea", args=[idea.id])).content.decode())
    form = {"body": "God idé, jeg støtter den.", "shown_as": "full", "idempotency_key": key}
    url = reverse("ideas:comment", args=[idea.id])
    first, second = client.post(url, form), client.post(url, form)
    assert first["Location"] == second["Location"]
    assert Comment.objects.filter(idea=idea).count() == 1


def test_the_api_answers_a_repeated_key_with_the_first_idea_and_comment(api, board, idea, other_citizen):
    client = api(other_citizen)
    posted = [
        client.post("/api/ideas/", {**IDEA, "board": board.slug}, format="json", HTTP_IDEMPOTENCY_KEY="idea-1")
        for _ in range(2)
    ]
    assert [answer.status_code for answer in posted] == [201, 201]
    assert posted[0].json()["id"] == posted[1].json()["id"]
    comments = [
        client.post(f"/api/ideas/{idea.id}/comments/", {"body": "Enig!"}, format="json", HTTP_IDEMPOTENCY_KEY="c-1")
        for _ in range(2)
    ]
    assert comments[0].json()["id"] == comments[1].json()["id"]
    assert Comment.objects.filter(idea=idea).count() == 1


def test_past_the_rate_limit_the_idea_form_says_wait_and_the_api_answers_429(client, api, board, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ideas.create": (2, 600)}
    client.force_login(citizen)
    url = reverse("ideas:create", args=[board.slug])
    for number in range(2):
        assert client.post(url, {**IDEA, "title": f"Idé nummer {number}"}).status_code == 302
    page = client.post(url, IDEA)
    assert page.status_code == 400
    assert "Du har sendt for mange på kort tid." in page.content.decode()
    refused = api(citizen).post("/api/ideas/", {**IDEA, "board": board.slug}, format="json")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Idea.objects.filter(board=board).count() == 2
