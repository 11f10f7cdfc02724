"""Ballots that break the rule get a clear reason (Danish or English) and store nothing; bad proposals too."""

import pytest

from budgets.models import Ballot, BallotChoice, Budget, Project
from core.ratelimit import RateLimited
from tests.budgets.conftest import KR

pytestmark = pytest.mark.django_db

MESSAGES = {
    "over": {
        "da": "Du har valgt projekter for 620.000 kr., men budgettet er kun på 500.000 kr. i alt. Fravælg nogle.",
        "en": "You chose projects for 620.000 kr., but the budget is only 500.000 kr. in all. Deselect some.",
    },
    "many": {
        "da": "Du kan højst stemme på 2 projekter (du har valgt 3).",
        "en": "You can vote for at most 2 projects (you chose 3).",
    },
    "eligible": {
        "da": "Kun beboere i Holbæk By kan stemme. Dit postnummer er ikke et af dem, der kan stemme.",
        "en": "Only residents of Holbæk By can vote. Your postcode is not one of those that can vote.",
    },
    "unfeasible": {
        "da": "Du kan kun stemme på projekter, der kan gennemføres.",
        "en": "You can only vote for projects that can be carried out.",
    },
    "cost": {
        "da": "Skriv, hvad du regner med, projektet koster.",
        "en": "Write what you expect the project to cost.",
    },
}


@pytest.fixture(params=["da", "en"])
def voter(request, resident):
    resident.preferred_language = request.param
    resident.save()
    return resident


def _put(api, user, budget, ids):
    return api(user).put(f"/api/budgets/{budget.id}/ballot/", {"projects": ids}, format="json")


def test_over_the_budget(api, voting, voter):
    budget, p = voting
    response = _put(api, voter, budget, [p["legeplads"].id, p["lys"].id, p["cykler"].id])
    assert response.status_code == 400
    assert response.json()["projects"] == [MESSAGES["over"][voter.preferred_language]]
    assert not Ballot.objects.exists()


def test_too_many_under_approval(api, voting, voter):
    budget, p = voting
    Budget.objects.filter(id=budget.id).update(voting_rule="approval", max_choices=2)
    response = _put(api, voter, budget, [p["bænke"].id, p["lys"].id, p["cykler"].id])
    assert response.status_code == 400
    assert response.json()["projects"] == [MESSAGES["many"][voter.preferred_language]]
    assert not Ballot.objects.exists()


def test_not_eligible_by_postcode(api, voting, voter):
    budget, p = voting
    voter.postcode = "4000"
    voter.save()
    response = _put(api, voter, budget, [p["bænke"].id])
    assert response.status_code == 400
    assert response.json()["projects"] == [MESSAGES["eligible"][voter.preferred_language]]


def test_unfeasible_or_foreign_projects(api, voting, voter, make_budget):
    budget, p = voting
    response = _put(api, voter, budget, [p["bro"].id])
    assert response.json()["projects"] == [MESSAGES["unfeasible"][voter.preferred_language]]
    assert _put(api, voter, budget, [999_999]).status_code == 400
    assert _put(api, voter, budget, []).status_code == 400
    assert _put(api, voter, budget, ["x"]).status_code == 400
    assert not BallotChoice.objects.exists()


def test_a_bad_ballot_leaves_the_previous_one_as_it_was(api, voting, voter):
    budget, p = voting
    assert _put(api, voter, budget, [p["bænke"].id]).status_code == 200
    assert _put(api, voter, budget, [p["legeplads"].id, p["lys"].id, p["cykler"].id]).status_code == 400
    assert list(BallotChoice.objects.values_list("project_id", flat=True)) == [p["bænke"].id]


def test_wrong_phase(api, budget, propose, voter):
    project = propose("Bænke", 10_000)
    response = _put(api, voter, budget, [project.id])
    assert response.status_code == 400
    assert response.json()["projects"][0].startswith(
        {"da": "Der kan ikke stemmes nu.", "en": "Voting is not open now."}[voter.preferred_language]
    )


def test_proposal_field_errors_and_nothing_stored(api, budget, voter):
    response = api(voter).post(
        f"/api/budgets/{budget.id}/projects/", {"title": "", "description": "kort", "estimated_cost": 0}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["estimated_cost"] == [MESSAGES["cost"][voter.preferred_language]]
    assert {"title", "description"} <= set(body)
    assert not Project.objects.exists()


def test_proposal_over_the_whole_budget(api, budget, voter):
    response = api(voter).post(
        f"/api/budgets/{budget.id}/projects/",
        {"title": "Ny svømmehal", "description": "En svømmehal midt i byen.", "estimated_cost": 600_000 * KR},
        format="json",
    )
    assert response.status_code == 400 and "estimated_cost" in response.json()


def test_a_citizen_past_the_idea_limit_is_told_to_wait_and_nothing_is_proposed(budget, propose, settings):
    # A budget project is an idea on the budget's board, so the ideas' limit counts it (core.ratelimit).
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "ideas.create": (1, 600)}
    propose("Bænke ved åen", 50_000)
    with pytest.raises(RateLimited, match="Du har sendt for mange på kort tid"):
        propose("Flere bænke ved åen", 50_000)
    assert Project.objects.filter(budget=budget).count() == 1
