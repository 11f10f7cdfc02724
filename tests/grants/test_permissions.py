"""Every door follows the permissions: applicant, the pool's reviewers, other staff, other citizens, anonymous."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from grants import services
from grants.models import Application
from tests.conftest import make_user
from tests.grants.conftest import GROUNDS, KR

pytestmark = pytest.mark.django_db


def test_pools_are_public(api, pool, round):
    response = api().get("/api/grant-pools/")
    assert response.status_code == 200
    [listed] = response.json()["results"]
    assert listed["rounds"][0]["money_left"] == 75_000 * KR
    assert listed["rounds"][0]["money_left_display"] == "75.000 kr."


@pytest.mark.parametrize("who", ["other_citizen", "caseworker", "secretary"])
def test_strangers_get_404_for_an_application(request, api, client, submitted, who):
    stranger = request.getfixturevalue(who)
    assert api(stranger).get(f"/api/grant-applications/{submitted.id}/").status_code == 404
    assert api(stranger).post(f"/api/grant-applications/{submitted.id}/decision/", {}, format="json").status_code == 404
    client.force_login(stranger)
    assert client.get(reverse("grants:application", args=[submitted.id])).status_code == 404
    assert client.get(reverse("grants:letter", args=[submitted.id])).status_code == 404


def test_anonymous_may_not_see_applications(api, client, pool, submitted):
    assert api().get(f"/api/grant-applications/{submitted.id}/").status_code == 401
    assert api().get(f"/api/grant-pools/{pool.id}/applications/").status_code == 401
    assert client.get(reverse("grants:application", args=[submitted.id])).status_code == 302


def test_list_shows_a_citizen_her_own_and_a_reviewer_every_submitted(
    api, citizen, other_citizen, reviewer, pool, round, submitted, draft_fields
):
    other_draft = services.start_application(applicant=other_citizen, round=round, **draft_fields)
    url = f"/api/grant-pools/{pool.id}/applications/"
    assert [a["id"] for a in api(citizen).get(url).json()["results"]] == [submitted.id]
    assert [a["id"] for a in api(other_citizen).get(url).json()["results"]] == [other_draft.id]
    # Reviewers see what was submitted, never someone else's draft.
    assert [a["id"] for a in api(reviewer).get(url).json()["results"]] == [submitted.id]


def test_applicant_cannot_decide_her_own(api, citizen, submitted):
    response = api(citizen).post(
        f"/api/grant-applications/{submitted.id}/decision/", {"outcome": "granted", **GROUNDS}, format="json"
    )
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED


def test_reviewer_decides_through_the_api(api, reviewer, submitted, round):
    response = api(reviewer).post(
        f"/api/grant-applications/{submitted.id}/decision/",
        {"outcome": "partly_granted", "amount_granted": 12_000 * KR, **GROUNDS},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "partly_granted"
    assert "12.000 kr." in response.json()["decision_letter"]
    round.refresh_from_db()
    assert round.money_left == 63_000 * KR


def test_a_reviewer_who_applies_cannot_review_her_own(pool, round, draft_fields):
    reviewer_applicant = make_user("bedoemmer3@example.dk", "Berit Bedømmer")
    pool.reviewers.add(reviewer_applicant)
    application = services.start_application(applicant=reviewer_applicant, round=round, submit=True, **draft_fields)
    with pytest.raises(PermissionDenied):
        services.decide_application(reviewer=reviewer_applicant, application=application, outcome="granted", **GROUNDS)
    with pytest.raises(PermissionDenied):
        services.request_information(reviewer=reviewer_applicant, application=application, question="Hvorfor?")


def test_scores_are_never_shown_to_the_applicant(client, citizen, reviewer, submitted, pool):
    services.score_application(
        reviewer=reviewer, application=submitted, criterion=pool.criteria_list.first(), score=2, note="Hemmelig note"
    )
    client.force_login(citizen)
    page = client.get(reverse("grants:application", args=[submitted.id])).content.decode()
    assert "Hemmelig note" not in page and "Bedømmelse (intern)" not in page
    client.force_login(reviewer)
    page = client.get(reverse("grants:application", args=[submitted.id])).content.decode()
    assert "Hemmelig note" in page


def test_other_citizen_cannot_report_or_submit(api, other_citizen, citizen, draft):
    assert api(other_citizen).post(f"/api/grant-applications/{draft.id}/submit/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.submit_application(actor=other_citizen, application=draft)
    with pytest.raises(PermissionDenied):
        services.withdraw_application(actor=other_citizen, application=draft)


def test_only_reviewers_see_the_review_queue(client, citizen, reviewer, caseworker, pool, submitted):
    url = reverse("grants:queue", args=[pool.slug])
    for person in (citizen, caseworker):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(reviewer)
    assert submitted.title in client.get(url).content.decode()


def test_association_application_needs_membership(api, citizen, other_citizen, association, pool, round):
    body = {"title": "Valgfest", "association": association.slug}
    response = api(citizen).post(f"/api/grant-pools/{pool.id}/applications/", body, format="json")
    assert response.status_code == 400
    assert response.json()["association"] == ["Du kan kun søge på vegne af en forening, du er medlem af."]
    response = api(other_citizen).post(f"/api/grant-pools/{pool.id}/applications/", body, format="json")
    assert response.status_code == 201
    assert response.json()["association"] == association.slug
