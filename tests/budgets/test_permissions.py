"""Every door follows the permissions: citizens, staff, the committee's secretary, anonymous."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from budgets import services

pytestmark = pytest.mark.django_db


def test_budgets_and_projects_are_public(api, client, voting):
    budget, p = voting
    assert api().get("/api/budgets/").json()["results"][0]["total_display"] == "500.000 kr."
    assert api().get(f"/api/budgets/{budget.id}/").json()["phase"] == "voting"
    assert len(api().get(f"/api/budgets/{budget.id}/projects/").json()) == 5
    assert client.get(reverse("budgets:budget", args=[budget.slug])).status_code == 200
    assert client.get(reverse("budgets:project", args=[p["bro"].id])).status_code == 200


@pytest.mark.parametrize("action", ["close_phase", "publish_review", "compute_results", "publish_results"])
def test_citizens_cannot_run_the_budget(budget, citizen, action):
    with pytest.raises(PermissionDenied):
        getattr(services, action)(actor=citizen, budget=budget)


def test_citizen_cannot_review_or_enter_paper_ballots(voting, citizen, client):
    budget, p = voting
    with pytest.raises(PermissionDenied):
        services.review_project(actor=citizen, project=p["bænke"], feasibility="feasible", municipal_cost=1)
    with pytest.raises(PermissionDenied):
        services.record_paper_ballots(actor=citizen, budget=budget, counts={p["bænke"].id: 5}, source="Møde")
    client.force_login(citizen)
    response = client.post(
        reverse("budgets:paper", args=[budget.slug]), {"source": "Møde", f"votes_{p['bænke'].id}": 5}
    )
    assert response.status_code == 403
    assert client.post(reverse("budgets:close-phase", args=[budget.slug])).status_code == 403


def test_the_committee_secretary_may_run_it(budget, secretary):
    services.close_phase(actor=secretary, budget=budget)


def test_anonymous_cannot_vote_or_propose(api, voting):
    budget, p = voting
    assert (
        api().put(f"/api/budgets/{budget.id}/ballot/", {"projects": [p["bænke"].id]}, format="json").status_code == 401
    )
    assert api().post(f"/api/budgets/{budget.id}/projects/", {}, format="json").status_code == 401


def test_results_are_public_once_published(api, voting, staff, resident):
    budget, p = voting
    services.submit_ballot(voter=resident, budget=budget, project_ids=[p["bænke"].id])
    services.close_phase(actor=staff, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    assert api().get(f"/api/budgets/{budget.id}/results/").status_code == 404
    assert api(staff).get(f"/api/budgets/{budget.id}/results/").status_code == 200
    services.publish_results(actor=staff, budget=budget)
    table = api().get(f"/api/budgets/{budget.id}/results/").json()
    assert (table[0]["project"], table[0]["votes"], table[0]["outcome"]) == (p["bænke"].id, 1, "selected")
    assert all("voter" not in row for row in table)


def test_voting_needs_mitid_on_the_substantial_level(voting, resident):
    budget, p = voting
    resident.assurance_level = "low"
    with pytest.raises(PermissionDenied):
        services.submit_ballot(voter=resident, budget=budget, project_ids=[p["bænke"].id])
    from budgets.models import Ballot

    assert not Ballot.objects.exists()
