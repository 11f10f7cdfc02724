"""Ideas carry themes: suggested from the text when posted, confirmed or changed by staff; the author may agree
to hear what a committee decides about the theme."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideas import services
from ideas.models import Idea, IdeaThemeSuggestion
from ideas.selectors import themed_idea_examples
from themes.models import Theme

TEXT = "Der er store huller i asfalten, og bilerne kører alt for stærkt forbi skolen. Lav en cykelsti."


@pytest.fixture
def road_idea(board, citizen, suggestion_model, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        idea = services.create_idea(author=citizen, board=board, title="Sikker skolevej", body=TEXT)
    assert len(callbacks) == 1  # the suggestion task, after commit
    services.suggest_idea_themes(idea_id=idea.id)
    return idea


def test_posting_suggests_themes_and_applies_none(road_idea, demo_themes):
    suggestion = road_idea.theme_suggestions.first()
    assert suggestion.theme == demo_themes["vej-og-trafik"] and 0.35 <= suggestion.score <= 1
    assert not road_idea.themes.exists()
    assert services.suggest_idea_themes(idea_id=road_idea.id) == []  # once
    assert IdeaThemeSuggestion.objects.filter(idea=road_idea).count() >= 1


def test_staff_see_the_suggestion_ticked_and_confirm_it_on_the_idea_page(client, road_idea, employee, demo_themes):
    client.force_login(employee)
    html = client.get(reverse("ideas:idea", args=[road_idea.id])).content.decode()
    checked = re.findall(r'<input type="checkbox" name="themes" value="(\d+)"[^>]*checked', html)
    assert str(demo_themes["vej-og-trafik"].id) in checked
    assert "Foreslået ud fra teksten: Vej og trafik (" in html
    chosen = [demo_themes["skolebus-og-koersel"].id, demo_themes["vej-og-trafik"].id]
    response = client.post(reverse("ideas:themes", args=[road_idea.id]), {"themes": chosen})
    assert response.status_code == 302
    assert sorted(road_idea.themes.values_list("id", flat=True)) == sorted(chosen)
    assert "Skolebus og kørsel" in client.get(reverse("ideas:idea", args=[road_idea.id])).content.decode()


def test_the_board_secretary_may_set_themes(client, road_idea, secretary, demo_themes):
    client.force_login(secretary)
    response = client.post(reverse("ideas:themes", args=[road_idea.id]), {"themes": [demo_themes["affald"].id]})
    assert response.status_code == 302
    assert list(road_idea.themes.all()) == [demo_themes["affald"]]


@pytest.mark.parametrize("who", ["citizen", "other_citizen"])
def test_citizens_and_authors_may_not_set_themes(client, api, request, road_idea, who, demo_themes):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert "Emner (for medarbejdere)" not in client.get(reverse("ideas:idea", args=[road_idea.id])).content.decode()
    assert (
        client.post(reverse("ideas:themes", args=[road_idea.id]), {"themes": [demo_themes["affald"].id]}).status_code
        == 403
    )
    payload = {"themes": [demo_themes["affald"].id]}
    assert api(user).put(f"/api/ideas/{road_idea.id}/themes/", payload, format="json").status_code == 403
    assert api(user).get(f"/api/ideas/{road_idea.id}/themes/").status_code == 403
    assert api().get(f"/api/ideas/{road_idea.id}/themes/").status_code in (401, 403)
    assert not road_idea.themes.exists()


def test_api_themes_for_staff(api, road_idea, employee, demo_themes):
    data = api(employee).get(f"/api/ideas/{road_idea.id}/themes/").json()
    assert data["themes"] == [] and data["suggested"][0]["slug"] == "vej-og-trafik"
    road = demo_themes["vej-og-trafik"]
    response = api(employee).put(f"/api/ideas/{road_idea.id}/themes/", {"themes": [road.id]}, format="json")
    assert response.status_code == 200 and response.json()["themes"] == [road.id]


@pytest.mark.parametrize("payload", [{}, {"themes": [99_999_999]}, {"themes": "vej"}, {"themes": ["x"]}, [1]])
def test_bad_themes_change_nothing(api, client, road_idea, employee, payload):
    assert api(employee).put(f"/api/ideas/{road_idea.id}/themes/", payload, format="json").status_code == 400
    client.force_login(employee)
    if isinstance(payload, dict) and payload.get("themes") not in (None, "vej"):
        assert client.post(reverse("ideas:themes", args=[road_idea.id]), payload).status_code == 400
    assert not road_idea.themes.exists()


def test_an_inactive_theme_cannot_be_set(api, road_idea, employee, demo_themes):
    Theme.objects.filter(slug="affald").update(active=False)
    payload = {"themes": [demo_themes["affald"].id]}
    assert api(employee).put(f"/api/ideas/{road_idea.id}/themes/", payload, format="json").status_code == 400
    demo_themes["affald"].active = False
    with pytest.raises(services.ValidationError):
        services.set_idea_themes(actor=employee, idea=road_idea, themes=[demo_themes["affald"]])


def test_the_author_may_agree_to_hear_about_decisions(client, api, board, citizen):
    client.force_login(citizen)
    form = client.get(reverse("ideas:create", args=[board.slug])).content.decode()
    assert "Må vi give dig besked, hvis et politisk udvalg behandler emnet?" in form
    response = client.post(
        reverse("ideas:create", args=[board.slug]),
        {"title": "Sikker skolevej", "body": TEXT, "notify_about_decisions": "on"},
    )
    assert response.status_code == 302
    assert Idea.objects.get().notify_about_decisions is True
    payload = {"board": board.slug, "title": "Endnu en idé", "body": TEXT}
    created = api(citizen).post("/api/ideas/", payload, format="json").json()
    assert Idea.objects.get(id=created["id"]).notify_about_decisions is False
    bad = api(citizen).post("/api/ideas/", payload | {"notify_about_decisions": "måske"}, format="json")
    assert bad.status_code == 400


def test_training_examples_are_shown_ideas_with_confirmed_themes(road_idea, demo_themes, employee):
    services.set_idea_themes(actor=employee, idea=road_idea, themes=[demo_themes["vej-og-trafik"]])
    assert themed_idea_examples(10) == [(f"Sikker skolevej\n{TEXT}", [demo_themes["vej-og-trafik"].id])]
    services.hide_idea(actor=employee, idea=road_idea, reason="Reklame")
    assert themed_idea_examples(10) == []


def test_top_ideas_for_a_theme_are_the_most_supported_then_the_newest_and_never_name_the_author(
    board, citizen, citizens, employee, demo_themes
):
    from ideas.selectors import top_ideas_for_themes

    road = demo_themes["vej-og-trafik"]
    made = []
    for n in range(4):
        idea = services.create_idea(author=citizen, board=board, title=f"Idé nummer {n}", body=TEXT)
        idea.themes.add(road)
        made.append(idea)
    for supporter in citizens(3):
        services.support_idea(user=supporter, idea=made[1])
    services.support_idea(user=citizens(1)[0], idea=made[2])
    services.hide_idea(actor=employee, idea=made[3], reason="Reklame")
    top = top_ideas_for_themes(theme_ids=[road.id], limit=3)
    assert [(idea["title"], idea["support_count"]) for idea in top] == [
        ("Idé nummer 1", 3), ("Idé nummer 2", 1), ("Idé nummer 0", 0),
    ]  # fmt: skip
    assert all(
        set(idea) == {"title", "support_count", "status", "status_display", "board_title", "url"} for idea in top
    )


def test_a_lost_suggestion_is_made_by_the_sweeper_not_by_the_idea_page(
    client, board, citizen, employee, suggestion_model
):
    idea = services.create_idea(author=citizen, board=board, title="Sikker skolevej", body=TEXT)  # task never runs
    client.force_login(employee)
    assert client.get(reverse("ideas:idea", args=[idea.id])).status_code == 200
    idea.refresh_from_db()
    assert idea.themes_suggested_at is None  # a GET writes nothing
    assert services.sweep_unsuggested_themes(now=timezone.now() + timedelta(minutes=5)) == 1
    assert idea.theme_suggestions.exists()
