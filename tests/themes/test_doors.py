"""The theme pages and API: managers (leads, secretaries, administrators) manage; others are refused."""

import pytest
from django.urls import reverse

from themes.models import Theme


@pytest.fixture
def road(db):
    return Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik", description="Veje")


@pytest.fixture
def retired(db):
    return Theme.objects.create(name="Gammelt emne", slug="gammelt", active=False)


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["lead", "secretary"])
def test_manager_lists_creates_and_edits_themes(client, request, who, road, retired):
    login(client, request.getfixturevalue(who))
    page = client.get(reverse("themes:list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vej og trafik" in html and "Gammelt emne" in html and "Ikke aktiv" in html
    assert "Der er endnu ingen model" in html

    response = client.post(reverse("themes:create"), {"name": "Affald", "description": "Skrald", "active": "on"})
    assert response.status_code == 302
    assert Theme.objects.filter(name="Affald", slug="affald", active=True).exists()

    response = client.post(reverse("themes:edit", args=[road.id]), {"name": "Veje", "description": ""})
    assert response.status_code == 302
    road.refresh_from_db()
    assert (road.name, road.active) == ("Veje", False)


def test_the_list_shows_how_well_the_model_did(client, lead, suggestion_model):
    suggestion_model.top1_accuracy, suggestion_model.micro_f1, suggestion_model.holdout = 0.91, 0.88, 140
    suggestion_model.save()
    html = login(client, lead).get(reverse("themes:list")).content.decode()
    assert "700 henvendelser" in html
    assert "rigtigt for 91 % af dem" in html and "0,88" in html


def test_bad_input_is_answered_and_changes_nothing(client, lead, road):
    login(client, lead)
    response = client.post(reverse("themes:create"), {"name": "VEJ OG TRAFIK"})
    assert response.status_code == 400
    assert "Der findes allerede et emne med det navn" in response.content.decode()
    response = client.post(reverse("themes:edit", args=[road.id]), {"name": "", "active": "on"})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    assert Theme.objects.get().name == "Vej og trafik"
    assert client.get(reverse("themes:edit", args=[99_999_999])).status_code == 404


@pytest.mark.parametrize("who", ["citizen", "caseworker"])
def test_others_are_refused_every_page(client, request, who, road):
    login(client, request.getfixturevalue(who))
    assert client.get(reverse("themes:list")).status_code == 403
    assert client.get(reverse("themes:create")).status_code == 403
    assert client.post(reverse("themes:create"), {"name": "X"}).status_code == 403
    assert client.get(reverse("themes:edit", args=[road.id])).status_code == 404
    assert client.post(reverse("themes:edit", args=[road.id]), {"name": "X"}).status_code == 404
    assert client.post(reverse("themes:train")).status_code == 403
    assert Theme.objects.get().name == "Vej og trafik"


def test_anonymous_is_sent_to_login(client, road):
    response = client.get(reverse("themes:list"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_train_now_enqueues_training(client, lead, django_capture_on_commit_callbacks):
    login(client, lead)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("themes:train"))
    assert response.status_code == 302
    assert len(callbacks) == 1


def test_the_menu_shows_themes_to_managers_only(client, lead, caseworker):
    assert reverse("themes:list") in login(client, lead).get(reverse("home")).content.decode()
    client.logout()
    assert reverse("themes:list") not in login(client, caseworker).get(reverse("home")).content.decode()


def test_api_lists_active_themes_to_everyone_logged_in_and_all_to_managers(api, citizen, lead, road, retired):
    assert api().get("/api/themes/").status_code in (401, 403)
    assert [t["slug"] for t in api(citizen).get("/api/themes/").json()] == ["vej-og-trafik"]
    assert [t["slug"] for t in api(lead).get("/api/themes/").json()] == ["vej-og-trafik", "gammelt"]


def test_api_create_and_update_for_managers(api, secretary, road):
    response = api(secretary).post("/api/themes/", {"name": "Skole og SFO", "description": "Skoler"}, format="json")
    assert response.status_code == 201
    assert response.json()["slug"] == "skole-og-sfo"
    response = api(secretary).patch(f"/api/themes/{road.id}/", {"active": False}, format="json")
    assert response.status_code == 200
    assert response.json() == {"id": road.id, "name": "Vej og trafik", "slug": "vej-og-trafik", "description": "Veje",
                               "active": False}  # fmt: skip


@pytest.mark.parametrize(
    "payload",
    [{}, {"name": ""}, {"name": "x" * 101}, {"name": "vej og trafik"}, {"name": "Ok", "active": "måske"}, [1, 2]],
)
def test_api_bad_input_gets_400_and_changes_nothing(api, lead, road, payload):
    response = api(lead).post("/api/themes/", payload, format="json")
    assert response.status_code == 400
    assert Theme.objects.count() == 1


def test_api_refuses_others(api, citizen, caseworker, road):
    for user in (citizen, caseworker):
        assert api(user).post("/api/themes/", {"name": "Nyt"}, format="json").status_code == 403
        assert api(user).patch(f"/api/themes/{road.id}/", {"name": "X"}, format="json").status_code == 404
        assert api(user).get(f"/api/themes/{road.id}/").status_code == 404
    assert Theme.objects.get().name == "Vej og trafik"
