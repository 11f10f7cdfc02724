"""The ideas' other creating doors sent twice (the form's hidden key, the API's Idempotency-Key): an idea written by
citizen service, a report of an idea or a comment (the second used to be "Du har allerede anmeldt dette"), and a
board created through the API — each made once, the second gets the first's answer."""

import pytest
from django.urls import reverse

from ideas.models import Board, Idea, Report
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

CITIZEN = {"full_name": "Inger Madsen", "identified_by": "known", "consent": True, "phone": "22 33 44 55"}
IDEA = {"title": "Bænke langs fjorden", "body": "Flere bænke på stien langs fjorden, så ældre kan hvile sig."}


def test_citizen_service_writes_once_on_a_double_click_and_the_receipt_shows_the_code(client, clerk, board):
    client.force_login(clerk)
    url = reverse("ideas:assisted-create")
    data = {**CITIZEN, "consent": "on", "board": board.id, "shown_as": "anonymous", **IDEA}
    data["idempotency_key"] = hidden_key(client.get(url).content.decode())
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Idea.objects.count() == 1
    page = client.get(second["Location"]).content.decode()
    assert len(page.split('class="claim-code"><strong>')[1].split("<")[0]) == 14


def test_the_assisted_api_answers_a_repeated_key_with_the_first_idea_without_its_code(api, clerk, board):
    payload = {**CITIZEN, **IDEA, "board": board.slug, "shown_as": "short"}
    sent = [api(clerk).post("/api/assisted-ideas/", payload, format="json", HTTP_IDEMPOTENCY_KEY="w-1") for _ in "ab"]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json()["id"] == sent[1].json()["id"]
    assert len(sent[0].json()["claim_code"]) == 14 and sent[1].json()["claim_code"] is None
    assert Idea.objects.count() == 1


def test_a_report_sent_twice_thanks_twice_and_is_stored_once(client, api, idea, other_citizen, citizen):
    client.force_login(other_citizen)
    url = reverse("ideas:report", args=[idea.id])
    form = {
        "reason": "Den indeholder en persons telefonnummer.",
        "idempotency_key": hidden_key(client.get(url).content.decode()),
    }
    for _ in range(2):
        response = client.post(url, form, follow=True)
        assert response.status_code == 200
        assert "Tak. En moderator ser på din anmeldelse." in response.content.decode()
    assert Report.objects.filter(idea=idea).count() == 1
    # Another key: "already reported", a 400 on the form as before (not a 500).
    assert client.post(url, {**form, "idempotency_key": "another"}).status_code == 400
    body = {"idea": idea.id, "reason": "Reklame for et firma."}
    sent = [api(citizen).post("/api/reports/", body, format="json", HTTP_IDEMPOTENCY_KEY="r-1") for _ in "ab"]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Report.objects.filter(idea=idea).count() == 2


def test_the_board_api_creates_one_board_per_key(api, secretary, committee):
    body = {
        "title": "Trafik i Holbæk",
        "slug": "trafik",
        "committee": committee.slug,
        "support_threshold": 3,
        "opens_on": "2030-01-01",
        "closes_on": "2030-03-01",
    }
    sent = [api(secretary).post("/api/boards/", body, format="json", HTTP_IDEMPOTENCY_KEY="b-1") for _ in "ab"]
    assert [response.status_code for response in sent] == [201, 201], sent[0].content
    assert sent[0].json() == sent[1].json()
    assert Board.objects.filter(slug="trafik").count() == 1
