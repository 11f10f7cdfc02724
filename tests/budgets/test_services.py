"""Budgets through their services: phases, proposals on the budget's idea board, review, ballots, results, progress."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from budgets import services
from budgets.models import Ballot, BallotChoice, Budget, Phase, Project, Result
from ideas import services as idea_services
from ideas.models import Board, Idea
from ideas.selectors import boards_overview
from notifications.models import Email, Notice
from tests.budgets.conftest import KR

pytestmark = pytest.mark.django_db


def test_phase_follows_the_dates_and_staff_can_close_early(make_budget, staff):
    today = timezone.localdate()
    budget = make_budget(
        collect_from=today + timedelta(days=1),
        collect_until=today + timedelta(days=5),
        vote_from=today + timedelta(days=10),
        vote_until=today + timedelta(days=20),
    )
    assert budget.phase == Phase.UPCOMING
    budget.collect_from = today
    budget.save()
    assert budget.phase == Phase.COLLECTING
    services.close_phase(actor=staff, budget=budget)
    budget.refresh_from_db()
    assert budget.phase == Phase.REVIEW
    # The budget's idea board stops collecting with it.
    assert Board.objects.get(id=budget.board_id).phase == Board.Phase.REVIEWING
    assert budget.phase_by_dates(today + timedelta(days=30)) == Phase.RESULTS


def test_a_project_is_an_idea_on_the_budgets_own_board_that_never_becomes_a_committee_proposal(
    budget, propose, citizen, other_citizen
):
    project = propose("Bænke langs havnen", 60_000)
    assert project.idea.board_id == budget.board_id and project.idea.author == citizen
    assert budget.board.standalone is False
    assert budget.board not in boards_overview()  # not listed under Idétavler
    # Supports are the idea machinery's: counted once per person, never turning it into a proposal.
    idea_services.support_idea(user=other_citizen, idea=project.idea)
    idea_services.support_idea(user=citizen, idea=project.idea)
    assert Idea.objects.get(id=project.idea_id).status == Idea.Status.PUBLISHED
    comment = idea_services.post_comment(author=other_citizen, idea=project.idea, body="Gerne med læ for vinden.")
    assert comment.idea_id == project.idea_id


def test_unfeasible_reason_is_public_only_after_publishing(api, budget, propose, staff):
    bridge = propose("Gangbro over fjorden", 450_000)
    benches = propose("Bænke langs havnen", 60_000)
    services.review_project(
        actor=staff, project=bridge, feasibility="unfeasible", reason="Kræver tilladelse fra staten."
    )
    url = f"/api/budgets/{budget.id}/projects/"
    listed = {p["id"]: p for p in api().get(url).json()}
    assert listed[bridge.id]["feasibility"] == "pending" and listed[bridge.id]["feasibility_reason"] == ""
    services.close_phase(actor=staff, budget=budget)
    with pytest.raises(ValidationError):
        services.publish_review(actor=staff, budget=budget)  # one project is not reviewed yet
    services.review_project(actor=staff, project=benches, feasibility="feasible", municipal_cost=50_000 * KR)
    services.publish_review(actor=staff, budget=budget)
    listed = {p["id"]: p for p in api().get(url).json()}
    assert listed[bridge.id]["feasibility"] == "unfeasible"
    assert listed[bridge.id]["feasibility_reason"] == "Kræver tilladelse fra staten."
    assert listed[benches.id]["municipal_cost"] == 50_000 * KR


def test_ballot_is_stored_and_changed_until_voting_closes(voting, resident, staff):
    budget, projects = voting
    services.submit_ballot(voter=resident, budget=budget, project_ids=[projects["legeplads"].id, projects["bænke"].id])
    services.submit_ballot(voter=resident, budget=budget, project_ids=[projects["lys"].id])
    ballot = Ballot.objects.get(budget=budget, voter=resident)
    assert list(ballot.choices.values_list("project_id", flat=True)) == [projects["lys"].id]
    services.close_phase(actor=staff, budget=budget)
    budget.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.submit_ballot(voter=resident, budget=budget, project_ids=[projects["bænke"].id])
    assert "Der kan ikke stemmes nu." in error.value.message_dict["projects"][0]
    assert list(ballot.choices.values_list("project_id", flat=True)) == [projects["lys"].id]


def test_results_with_paper_ballots_a_skipped_project_and_a_tie(voting, residents, staff, other_citizen):
    budget, p = voting
    # Municipal costs: legeplads 300.000, bænke 50.000, lys 220.000, cykler 100.000 (total 500.000).
    people = residents(9)
    votes = {
        "legeplads": people[0:5],  # 5 online
        "lys": people[5:9],  # 4 online + 1 on paper = 5: ties with legeplads, but costs less → first
        "cykler": people[0:3],  # 3
        "bænke": people[5:7],  # 2 online + 1 on paper = 3: ties with cykler, costs less → first
    }
    chosen: dict = {}
    for key, voters in votes.items():
        for person in voters:
            chosen.setdefault(person, []).append(p[key].id)
    for person, ids in chosen.items():
        services.submit_ballot(voter=person, budget=budget, project_ids=ids)
    services.record_paper_ballots(
        actor=staff, budget=budget, counts={p["lys"].id: 1, p["bænke"].id: 1}, source="Borgermøde i Holbæk Hallen"
    )
    with pytest.raises(ValidationError):
        services.compute_results(actor=staff, budget=budget)  # voting still open
    services.close_phase(actor=staff, budget=budget)
    with pytest.raises(PermissionDenied):
        services.compute_results(actor=other_citizen, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    table = [
        (r.project_id, r.online_votes, r.paper_votes, r.votes, r.outcome, r.money_left_after)
        for r in Result.objects.filter(budget=budget).order_by("rank")
    ]
    assert table == [
        (p["lys"].id, 4, 1, 5, "selected", 280_000 * KR),  # tie on 5 votes: the cheaper first
        (p["legeplads"].id, 5, 0, 5, "does_not_fit", 280_000 * KR),  # 300.000 no longer fits
        (p["bænke"].id, 2, 1, 3, "selected", 230_000 * KR),
        (p["cykler"].id, 3, 0, 3, "selected", 130_000 * KR),
    ]
    with pytest.raises(ValidationError):
        services.compute_results(actor=staff, budget=budget)  # once


def test_progress_note_tells_each_person_who_agreed_once(voting, residents, staff, citizen):
    budget, p = voting
    voter_yes, voter_no, follower = residents(3)
    services.submit_ballot(voter=voter_yes, budget=budget, project_ids=[p["bænke"].id], notify_progress=True)
    services.submit_ballot(voter=voter_no, budget=budget, project_ids=[p["bænke"].id])
    services.follow_project(user=follower, project=p["bænke"])
    services.follow_project(user=voter_yes, project=p["bænke"])  # also a follower: still one message
    Project.objects.filter(id=p["bænke"].id).update(notify_progress=True)  # the proposer agreed
    services.close_phase(actor=staff, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    note = services.add_progress_note(actor=staff, project=p["bænke"], status="in_progress", body="Bænkene er bestilt.")
    told = sorted(
        Notice.objects.filter(dedupe_key__startswith=f"budget-progress-{note.id}-").values_list("user_id", flat=True)
    )
    assert told == sorted([voter_yes.id, follower.id, citizen.id])
    assert Email.objects.filter(dedupe_key__startswith=f"budget-progress-{note.id}-").count() == 3
    assert "Bænkene er bestilt." in Email.objects.get(recipient=follower).body
    with pytest.raises(ValidationError):  # an unselected project has no implementation
        services.add_progress_note(actor=staff, project=p["bro"], status="in_progress", body="Nej.")


def test_ballot_content_is_counted_but_never_read_by_others(api, voting, resident, other_citizen):
    budget, p = voting
    services.submit_ballot(voter=resident, budget=budget, project_ids=[p["bænke"].id])
    assert api(resident).get(f"/api/budgets/{budget.id}/ballot/").json()["projects"] == [p["bænke"].id]
    assert api(other_citizen).get(f"/api/budgets/{budget.id}/ballot/").json()["projects"] == []
    assert api().get(f"/api/budgets/{budget.id}/ballot/").status_code == 401
    assert api().get(f"/api/budgets/{budget.id}/results/").status_code == 404  # not published
    assert BallotChoice.objects.count() == 1


def test_changing_the_dates_moves_the_idea_board_with_the_budget(budget, staff, citizen):
    today = timezone.localdate()
    services.update_budget(actor=staff, budget=budget, collect_until=today + timedelta(days=8), title="Holbæk By 2027")
    board = Board.objects.get(id=budget.board_id)
    assert (board.closes_on, board.title, board.phase) == (today + timedelta(days=8), "Holbæk By 2027", "collecting")
    with pytest.raises(ValidationError) as error:
        services.update_budget(actor=staff, budget=budget, vote_from=today)
    assert "vote_from" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.update_budget(actor=citizen, budget=budget, title="Mit budget")


def test_an_administrator_creates_a_budget_in_the_admin(client, committee, make_user_admin):
    today = timezone.localdate()
    client.force_login(make_user_admin)
    response = client.post(
        "/admin/budgets/budget/add/",
        {
            "title": "Borgerbudget Tølløse 2028",
            "slug": "toelloese-2028",
            "description": "Hvad skal 200.000 kr. bruges til i Tølløse?",
            "total": 20_000_000,
            "committee": committee.id,
            "area": "Tølløse",
            "eligible_postcodes": "4340",
            "voting_rule": "approval",
            "max_choices": 3,
            "collect_from": today.isoformat(),
            "collect_until": (today + timedelta(days=10)).isoformat(),
            "vote_from": (today + timedelta(days=20)).isoformat(),
            "vote_until": (today + timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Budget.objects.get(slug="toelloese-2028")
    assert created.board.standalone is False and created.eligible_postcodes == ["4340"]
