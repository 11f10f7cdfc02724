"""Every staff write on a participatory budget — the budget, its phases, the review, paper ballots, results,
progress — leaves one row in the audit trail, in order."""

import pytest

from accounts.models import StaffAction
from budgets import services
from tests.budgets.conftest import to_vote

pytestmark = pytest.mark.django_db


def trail(actor) -> list[tuple[str, str, int]]:
    return list(
        StaffAction.objects.filter(actor=actor).order_by("id").values_list("action", "target_type", "target_id")
    )


def test_a_budget_from_creation_to_progress_leaves_its_trail(budget, propose, staff, residents):
    services.update_budget(actor=staff, budget=budget, area="Holbæk By og havnen")
    project = propose("Bænke langs havnen", 60_000)
    to_vote(budget, staff, {project: 50_000})
    (voter,) = residents(1)
    services.submit_ballot(voter=voter, budget=budget, project_ids=[project.id])
    services.record_paper_ballots(actor=staff, budget=budget, counts={project.id: 2}, source="Borgermøde i Hallen")
    services.close_phase(actor=staff, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    services.publish_results(actor=staff, budget=budget)
    services.add_progress_note(actor=staff, project=project, status="in_progress", body="Bænkene er bestilt.")

    b, p = ("budgets.budget", budget.id), ("budgets.project", project.id)
    assert trail(staff) == [
        ("budgets.create_budget", *b),
        ("budgets.update_budget", *b),
        ("budgets.review_project", *p),
        ("budgets.close_phase", *b),
        ("budgets.publish_review", *b),
        ("budgets.close_phase", *b),
        ("budgets.record_paper_ballots", *b),
        ("budgets.close_phase", *b),
        ("budgets.compute_results", *b),
        ("budgets.publish_results", *b),
        ("budgets.add_progress_note", *p),
    ]
    assert StaffAction.objects.filter(action="budgets.close_phase").first().details == {
        "closed": "voting",
        "to": "results",
    }
    assert not StaffAction.objects.filter(actor=voter).exists()  # a citizen's vote is no staff action
