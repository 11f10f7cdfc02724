"""The published results join the committee's queue, go on an agenda with the table, and hear the decision."""

from datetime import timedelta

import pytest
from django.utils import timezone

from budgets import services
from budgets.models import AgendaStatus, Budget
from committees import services as committees
from committees.selectors import proposal_queue
from tests.meetings import hold_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(voting, residents, staff):
    budget, p = voting
    for person in residents(3):
        services.submit_ballot(voter=person, budget=budget, project_ids=[p["bænke"].id, p["lys"].id])
    services.record_paper_ballots(actor=staff, budget=budget, counts={p["cykler"].id: 2}, source="Borgermøde")
    services.close_phase(actor=staff, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    return services.publish_results(actor=staff, budget=budget), p


def test_results_go_on_the_agenda_with_the_table_and_the_decision_comes_back(published, committee, secretary):
    budget, _p = published
    queue = proposal_queue(committee=committee)
    [proposal] = [q for q in queue if q.kind == "budget"]
    assert proposal.object_id == budget.id and proposal.title == "Resultatet af Borgerbudget Holbæk By 2027"
    meeting = committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="budget", object_id=budget.id)
    assert "1. Bænke langs havnen: 3 stemmer (0 på papir); 50.000 kr.; Valgt" in item.description
    assert "Cykelparkering ved biblioteket: 2 stemmer (2 på papir); 100.000 kr.; Valgt" in item.description
    assert "3 borgere stemte online, og der blev afgivet 2 stemmer på papir" in item.description
    assert Budget.objects.get(id=budget.id).agenda_status == AgendaStatus.PLACED
    assert not [q for q in proposal_queue(committee=committee) if q.kind == "budget"]

    committees.publish_agenda(actor=secretary, meeting=meeting)
    assert Budget.objects.get(id=budget.id).agenda_status == AgendaStatus.ON_AGENDA
    hold_meeting(meeting, by=secretary)
    for each in meeting.items.all():
        committees.record_decision(
            actor=secretary, item=each, decision="Udvalget godkender resultatet.", outcome="decided"
        )
    committees.publish_minutes(actor=secretary, meeting=meeting)
    budget = Budget.objects.get(id=budget.id)
    assert budget.agenda_status == AgendaStatus.DECIDED
    assert budget.decision == "Udvalget godkender resultatet."
    assert f"#punkt-{item.id}" in budget.agenda_url


def test_unpublished_results_are_not_proposed(voting, staff, committee):
    budget, _p = voting
    services.close_phase(actor=staff, budget=budget)
    services.compute_results(actor=staff, budget=budget)
    assert not [q for q in proposal_queue(committee=committee) if q.kind == "budget"]
