"""Every door of the escalated themes: members read, the secretary acts, everyone else is refused; bad input
gets a clear answer and changes nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from escalations import services
from escalations.models import Escalation, EscalationSettings


@pytest.fixture
def two_open(follows, themed, road, waste, secretary):
    now = timezone.now()
    for hours in range(1, 6):
        themed(road, now - timedelta(hours=hours))
        themed(waste, now - timedelta(hours=hours))
    return {e.theme.slug: e for e in services.escalate_themes(now=now)}


@pytest.fixture
def people(citizen, caseworker, member, secretary, other_secretary):
    return {
        "anonymous": None,
        "citizen": citizen,
        "caseworker": caseworker,
        "member": member,
        "secretary": secretary,
        "other_secretary": other_secretary,
    }


READERS = {"member", "secretary"}


def page_status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize("who", ["anonymous", "citizen", "caseworker", "member", "secretary", "other_secretary"])
def test_pages_are_for_the_committee(client, people, two_open, committee, who):
    user = people[who]
    for url in (
        reverse("escalations:list", args=[committee.slug]),
        reverse("escalations:theme", args=[committee.slug, "vej-og-trafik"]),
    ):
        status = page_status(client, user, url)
        # Not known to exist outside the committee (issue 10, finding 16).
        expected = 200 if who in READERS else 302 if who == "anonymous" else 404
        assert status == expected, (url, who, status)
    settings_status = page_status(client, user, reverse("escalations:settings", args=[committee.slug]))
    expected = 200 if who == "secretary" else 302 if who == "anonymous" else 403 if who in READERS else 404
    assert settings_status == expected


@pytest.mark.parametrize("who", ["anonymous", "citizen", "caseworker", "member", "other_secretary"])
def test_only_the_secretary_dismisses_merges_and_sets(client, people, two_open, committee, who):
    road, waste = two_open["vej-og-trafik"], two_open["affald"]
    statuses = [
        page_status(client, people[who], reverse("escalations:dismiss", args=[road.id]), "post", {"reason": "Nej"}),
        page_status(client, people[who], reverse("escalations:merge", args=[road.id]), "post", {"into": waste.id}),
        page_status(
            client,
            people[who],
            reverse("escalations:settings", args=[committee.slug]),
            "post",
            {"threshold": 1, "window_days": 1, "rise_factor": 2},
        ),
    ]
    if who == "anonymous":
        assert statuses == [302, 302, 302]
    elif who == "member":
        assert statuses == [403, 403, 403]
    else:  # not a member: neither the escalation nor the committee's settings exist for them
        assert statuses == [404, 404, 404]
    assert set(Escalation.objects.values_list("status", flat=True)) == {"open"}
    assert EscalationSettings.objects.get().threshold == 5


def test_the_secretary_handles_escalations_on_the_theme_page(client, secretary, two_open, committee, road, waste):
    client.force_login(secretary)
    page = client.get(reverse("escalations:theme", args=[committee.slug, "vej-og-trafik"])).content.decode()
    assert "Afvis emnet" in page and "Slå sammen med et andet eskaleret emne" in page
    response = client.post(
        reverse("escalations:merge", args=[two_open["affald"].id]), {"into": two_open["vej-og-trafik"].id}
    )
    assert response.status_code == 302
    response = client.post(reverse("escalations:dismiss", args=[two_open["vej-og-trafik"].id]), {"reason": "Ikke nu"})
    assert response.status_code == 302
    statuses = dict(Escalation.objects.values_list("theme__slug", "status"))
    assert statuses == {"affald": "merged", "vej-og-trafik": "dismissed"}
    listing = client.get(reverse("escalations:list", args=[committee.slug])).content.decode()
    assert "Ikke nu" in listing and "Slået sammen med et andet" in listing


def test_bad_input_on_pages_changes_nothing(client, secretary, two_open, committee, other_committee):
    client.force_login(secretary)
    road = two_open["vej-og-trafik"]
    for data in ({}, {"reason": ""}, {"reason": "x" * 2001}):
        response = client.post(reverse("escalations:dismiss", args=[road.id]), data)
        assert response.status_code == 400
        assert 'id="error-summary"' in response.content.decode()
    for data in ({}, {"into": road.id}, {"into": "abc"}, {"into": 99_999_999}):
        assert client.post(reverse("escalations:merge", args=[road.id]), data).status_code == 400
    for data in (
        {"threshold": 0, "window_days": 30, "rise_factor": 2},
        {"threshold": 5, "window_days": 400, "rise_factor": 2},
        {"threshold": 5, "window_days": 30, "rise_factor": 1},
        {"threshold": "fem", "window_days": 30, "rise_factor": 2},
        {"threshold": 5, "window_days": 30, "rise_factor": 2, "themes": [99_999_999]},
    ):
        assert client.post(reverse("escalations:settings", args=[committee.slug]), data).status_code == 400
    assert client.get(reverse("escalations:theme", args=[committee.slug, "findes-ikke"])).status_code == 404
    assert client.post(reverse("escalations:dismiss", args=[99_999_999]), {"reason": "x"}).status_code == 404
    assert set(Escalation.objects.values_list("status", flat=True)) == {"open"}
    assert EscalationSettings.objects.get().threshold == 5


def test_the_secretary_sets_when_themes_escalate(client, secretary, committee, road):
    client.force_login(secretary)
    response = client.post(
        reverse("escalations:settings", args=[committee.slug]),
        {"threshold": 8, "window_days": 14, "rise_factor": "3.5", "themes": [road.id]},
    )
    assert response.status_code == 302
    saved = EscalationSettings.objects.get(committee=committee)
    assert (saved.threshold, saved.window_days, saved.rise_factor, list(saved.themes.all())) == (8, 14, 3.5, [road])


@pytest.mark.parametrize("who", ["anonymous", "citizen", "caseworker", "member", "secretary", "other_secretary"])
def test_api_doors(api, people, two_open, committee, who):
    client = api(people[who])
    road, waste = two_open["vej-og-trafik"], two_open["affald"]
    reads = [
        client.get(f"/api/committees/{committee.slug}/escalations/").status_code,
        client.get(f"/api/committees/{committee.slug}/themes/vej-og-trafik/").status_code,
        client.get(f"/api/committees/{committee.slug}/escalation-settings/").status_code,
    ]
    writes = [
        client.post(f"/api/escalations/{road.id}/dismiss/", {"reason": "Nej"}, format="json").status_code,
        client.post(f"/api/escalations/{road.id}/merge/", {"into": waste.id}, format="json").status_code,
        client.put(
            f"/api/committees/{committee.slug}/escalation-settings/",
            {"threshold": 1, "window_days": 1, "rise_factor": 2, "themes": []},
            format="json",
        ).status_code,
    ]
    if who == "anonymous":
        assert set(reads + writes) <= {401, 403}
    elif who in READERS:
        assert reads == [200, 200, 200]
    else:
        assert reads == [404, 404, 404]
    if who == "secretary":
        assert writes == [200, 400, 200]  # dismissed first, so it can no longer be merged
    elif who != "anonymous":
        assert writes == ([403, 403, 403] if who == "member" else [404, 404, 404])


def test_api_bad_input(api, secretary, two_open, committee):
    client = api(secretary)
    road, waste = two_open["vej-og-trafik"], two_open["affald"]
    for payload in ({}, {"reason": ""}, {"reason": "x" * 2001}, [1]):
        assert client.post(f"/api/escalations/{road.id}/dismiss/", payload, format="json").status_code == 400
    for payload in ({}, {"into": "x"}, {"into": 99_999_999}, {"into": road.id}):
        assert client.post(f"/api/escalations/{road.id}/merge/", payload, format="json").status_code == 400
    for payload in ({"threshold": 0, "window_days": 30, "rise_factor": 2, "themes": []}, {"threshold": 5}):
        url = f"/api/committees/{committee.slug}/escalation-settings/"
        assert client.put(url, payload, format="json").status_code == 400
    assert client.get(f"/api/committees/{committee.slug}/themes/findes-ikke/").status_code == 404
    assert set(Escalation.objects.values_list("status", flat=True)) == {"open"}
    response = client.post(f"/api/escalations/{waste.id}/merge/", {"into": road.id}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "merged"


def test_the_queue_shows_theme_proposals_with_their_page(client, member, two_open, committee):
    client.force_login(member)
    html = client.get(reverse("committees:proposals", args=[committee.slug])).content.decode()
    assert "Eskaleret emne: »Vej og trafik«" in html
    assert "5 klager og 0 idéer på 30 dage" in html
    assert reverse("escalations:theme", args=[committee.slug, "vej-og-trafik"]) in html
    detail = client.get(reverse("committees:detail", args=[committee.slug])).content.decode()
    assert reverse("escalations:list", args=[committee.slug]) in detail
