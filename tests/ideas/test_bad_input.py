"""Bad input gets a clear error in the user's language (Danish, or English when she prefers it) and changes nothing."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from ideas import services
from ideas.models import Board, Comment, Idea, Support

LANGUAGES = ["da", "en"]

MESSAGES = {
    "required": {"da": "Feltet skal udfyldes.", "en": "This field is required."},
    "too_long": {
        "da": "Teksten må højst være på 5000 tegn (den er på 5001).",
        "en": "The text may be at most 5000 characters long (it is 5001).",
    },
    "form_required": {"da": "Dette felt er påkrævet.", "en": "This field is required."},
    "closed": {
        "da": "Tavlen er lukket for nye idéer og støtte.",
        "en": "The board is closed to new ideas and support.",
    },
    "reviewing": {
        "da": "Tavlen er lukket for nye idéer og støtte, fordi idéerne er under behandling.",
        "en": "The board is closed to new ideas and support because the ideas are under review.",
    },
    "reply_to_reply": {
        "da": "Du kan kun svare på en kommentar, ikke på et svar.",
        "en": "You can only reply to a comment, not to a reply.",
    },
    "edit_window": {
        "da": "Du kan kun rette din kommentar i de første 15 minutter efter, at du skrev den.",
        "en": "You can only edit your comment during the first 15 minutes after you wrote it.",
    },
    "dates": {
        "da": "Slutdatoen skal ligge efter startdatoen.",
        "en": "The closing date must be after the opening date.",
    },
}


@pytest.fixture
def person(request, citizen, english_citizen):
    """The acting citizen, in the language under test."""
    return {"da": citizen, "en": english_citizen}[request.param]


def counts():
    return Idea.objects.count(), Support.objects.count(), Comment.objects.count()


@pytest.mark.parametrize("person", LANGUAGES, indirect=True)
def test_empty_and_oversized_idea_text_via_the_api(api, board, person):
    lang = person.preferred_language
    before = counts()
    response = api(person).post("/api/ideas/", {"board": board.slug, "title": "  ", "body": ""}, format="json")
    assert response.status_code == 400
    assert response.json() == {"title": [MESSAGES["required"][lang]], "body": [MESSAGES["required"][lang]]}
    response = api(person).post(
        "/api/ideas/", {"board": board.slug, "title": "En god idé", "body": "x" * 5001}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"body": [MESSAGES["too_long"][lang]]}
    assert counts() == before


@pytest.mark.parametrize("person", LANGUAGES, indirect=True)
def test_empty_and_oversized_idea_text_via_the_page(client, board, person):
    lang = person.preferred_language
    client.force_login(person)
    url = reverse("ideas:create", args=[board.slug])
    before = counts()
    response = client.post(url, {"title": "", "body": ""})
    assert response.status_code == 400
    assert MESSAGES["form_required"][lang] in response.content.decode()
    response = client.post(url, {"title": "En god idé", "body": "x" * 5001})
    assert response.status_code == 400
    assert "5000" in response.content.decode() and "5001" in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize("phase", ["closed", "reviewing"])
@pytest.mark.parametrize("person", LANGUAGES, indirect=True)
def test_support_on_a_board_that_does_not_collect(client, api, idea, person, phase):
    Board.objects.filter(id=idea.board_id).update(phase=phase)
    lang = person.preferred_language
    before = counts()
    response = api(person).post(f"/api/ideas/{idea.id}/support/")
    assert response.status_code == 400
    assert response.json() == {"idea": [MESSAGES[phase][lang]]}
    client.force_login(person)
    response = client.post(reverse("ideas:support", args=[idea.id]))
    assert response.status_code == 400
    assert MESSAGES[phase][lang] in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize("person", LANGUAGES, indirect=True)
def test_reply_to_a_reply(client, api, idea, other_citizen, person):
    lang = person.preferred_language
    top = services.post_comment(author=other_citizen, idea=idea, body="Godt forslag")
    reply = services.post_comment(author=other_citizen, idea=idea, body="Tak", parent=top)
    before = counts()
    response = api(person).post(f"/api/ideas/{idea.id}/comments/", {"body": "Svar", "parent": reply.id}, format="json")
    assert response.status_code == 400
    assert response.json() == {"parent": [MESSAGES["reply_to_reply"][lang]]}
    client.force_login(person)
    response = client.post(reverse("ideas:comment", args=[idea.id]), {"body": "Svar", "parent": reply.id})
    assert response.status_code == 400
    assert MESSAGES["reply_to_reply"][lang] in response.content.decode()
    assert counts() == before


@pytest.mark.parametrize("person", LANGUAGES, indirect=True)
def test_editing_a_comment_after_15_minutes(client, api, idea, person):
    lang = person.preferred_language
    comment = services.post_comment(author=person, idea=idea, body="Første udgave")
    Comment.objects.filter(id=comment.id).update(created_at=timezone.now() - timedelta(minutes=15, seconds=1))
    response = api(person).patch(f"/api/comments/{comment.id}/", {"body": "For sent"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"comment": [MESSAGES["edit_window"][lang]]}
    client.force_login(person)
    response = client.post(reverse("ideas:comment-edit", args=[comment.id]), {"body": "For sent"})
    assert response.status_code == 400
    assert MESSAGES["edit_window"][lang] in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Første udgave" and comment.edited_at is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_board_dates_in_the_wrong_order(api, client, committee, secretary, lang):
    secretary.preferred_language = lang
    secretary.save()
    today = timezone.localdate()
    data = {
        "committee": committee.slug,
        "title": "Unge og demokrati",
        "slug": "unge",
        "opens_on": today.isoformat(),
        "closes_on": (today - timedelta(days=1)).isoformat(),
        "support_threshold": 5,
    }
    response = api(secretary).post("/api/boards/", data, format="json")
    assert response.status_code == 400
    assert response.json() == {"closes_on": [MESSAGES["dates"][lang]]}
    assert not Board.objects.exists()


def test_board_dates_in_the_wrong_order_when_changed_and_in_the_database(api, board, secretary):
    response = api(secretary).patch(f"/api/boards/{board.slug}/", {"closes_on": "2000-01-01"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"closes_on": [MESSAGES["dates"]["da"]]}
    board.refresh_from_db()
    assert board.closes_on > board.opens_on
    with pytest.raises(IntegrityError):
        Board.objects.filter(id=board.id).update(closes_on=board.opens_on)


def test_board_dates_in_the_wrong_order_in_the_admin(client, committee, django_user_model):
    admin = django_user_model.objects.create_superuser("admin@example.dk", None, full_name="Admin")
    client.force_login(admin)
    response = client.post(
        reverse("admin:ideas_board_add"),
        {
            "title": "Unge og demokrati",
            "slug": "unge",
            "committee": committee.id,
            "opens_on": "2026-05-01",
            "closes_on": "2026-04-01",
            "support_threshold": 5,
            "phase": "collecting",
        },
    )
    assert response.status_code == 200
    assert MESSAGES["dates"]["da"] in response.content.decode()
    assert not Board.objects.exists()


def test_short_report_and_empty_hide_reason(api, idea, other_citizen, employee):
    response = api(other_citizen).post("/api/reports/", {"idea": idea.id, "reason": "øv"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"reason": ["Skriv mindst 5 tegn."]}
    response = api(employee).post(f"/api/ideas/{idea.id}/hide/", {"reason": ""}, format="json")
    assert response.status_code == 400
    assert response.json() == {"reason": ["Feltet skal udfyldes."]}
    idea.refresh_from_db()
    assert not idea.is_hidden and not idea.reports.exists()


def test_unknown_ids_are_404(api, client, citizen):
    assert api(citizen).post("/api/ideas/999999/support/").status_code == 404
    assert api().get("/api/boards/findes-ikke/").status_code == 404
    client.force_login(citizen)
    assert client.post(reverse("ideas:comment-edit", args=[999999]), {"body": "x"}).status_code == 404
