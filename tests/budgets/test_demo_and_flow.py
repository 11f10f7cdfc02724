"""The demo budget, and the flow a new user tries through the pages: refused over the amount, votes, results."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from budgets.models import Ballot, Budget, Phase
from committees import services as committees

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_municipality, settings):
    settings.DEMO = True
    return Budget.objects.get(slug="holbaek-by-2027")


def test_demo_budget_votes_with_feasible_and_unfeasible_projects(demo):
    assert demo.phase == Phase.VOTING and demo.total == 50_000_000
    assert sorted(demo.projects.values_list("feasibility", flat=True)) == ["feasible"] * 4 + ["unfeasible"] * 2
    call_command("seed_demo", stdout=io.StringIO())
    assert Budget.objects.count() == 1 and demo.projects.count() == 6


def test_vote_refused_over_the_amount_then_valid_then_results_and_agenda(client, demo):
    citizen = User.objects.get(email="borger2@example.dk")
    projects = {p.idea.title: p for p in demo.projects.select_related("idea")}
    playground = projects["Ny legeplads i Østre Anlæg"]
    light = projects["Lys på stien til Holbæk Station"]
    bikes = projects["Overdækket cykelparkering ved biblioteket"]
    client.force_login(citizen)
    page = client.get(reverse("budgets:budget", args=[demo.slug])).content.decode()
    assert "Stem nu" in page and "Kan ikke gennemføres" in page and "Kystdirektoratet" in page
    # The assessment reads at a glance: a feasible project's tag green, an unfeasible one's red.
    assert '<span class="badge badge-success">Kan gennemføres</span>' in page
    assert '<span class="badge badge-error">Kan ikke gennemføres</span>' in page
    assert "kr.." not in page  # an amount ends its own sentence's full stop ("500.000 kr.", not "kr..")

    url = reverse("budgets:ballot", args=[demo.slug])
    response = client.post(url, {"projects": [playground.id, light.id, bikes.id]})
    assert response.status_code == 400
    assert (
        "Du har valgt projekter for 570.000 kr., men budgettet er kun på 500.000 kr. i alt."
        in response.content.decode()
    )
    assert not Ballot.objects.filter(voter=citizen).exists()
    response = client.post(url, {"projects": [playground.id, bikes.id], "notify_progress": "on"})
    assert response.status_code == 302
    assert "Du har stemt" in client.get(url).content.decode()

    secretary = User.objects.get(email="sekretaer@example.dk")
    client.force_login(secretary)
    client.post(reverse("budgets:close-phase", args=[demo.slug]))
    client.post(reverse("budgets:compute", args=[demo.slug]))
    client.post(reverse("budgets:publish-results", args=[demo.slug]))
    client.logout()
    page = client.get(reverse("budgets:budget", args=[demo.slug])).content.decode()
    assert 'id="results"' in page and "Valgt" in page
    # Playground 2 online + 4 on paper = 6; light 1 + 6 = 7; bikes 1 + 3 = 4; benches 2.
    demo.refresh_from_db()
    table = [(r.project_id, r.votes, r.outcome) for r in demo.results.order_by("rank")]
    assert table[0] == (light.id, 7, "selected") and table[1] == (playground.id, 6, "selected")

    meeting = committees.create_meeting(
        actor=secretary, committee=demo.committee, start=timezone.now() + timedelta(days=7), place="Byrådssalen"
    )
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="budget", object_id=demo.id)
    assert "1. Lys på stien til Holbæk Station: 7 stemmer (6 på papir); 180.000 kr.; Valgt" in item.description
