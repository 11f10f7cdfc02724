"""The demo pool, and the flow a new user tries through the pages: apply, be asked, answer, be granted less."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from grants.models import Application, Pool

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_municipality, settings):
    settings.DEMO = True


def test_demo_pool_has_two_applications_in_different_states_and_is_idempotent(demo):
    pool = Pool.objects.get(slug="valgfremme")
    assert pool.amount_per_round == 7_500_000
    current = pool.rounds.get(title="Folkeafstemningen 2027")
    assert sorted(current.applications.values_list("status", flat=True)) == ["partly_granted", "submitted"]
    assert current.money_left == 6_700_000
    call_command("seed_demo", stdout=io.StringIO())
    assert Application.objects.count() == 2


def test_pool_page_shows_money_left_and_granted_projects_without_private_names(client, demo):
    page = client.get(reverse("grants:pool", args=["valgfremme"])).content.decode()
    assert "67.000 kr." in page
    assert "Valgbus fra plejehjemmene" in page and "8.000 kr." in page
    assert "Sofie Nielsen" not in page  # a private person who did not agree
    assert "Stemmecafé på Holbæk Bibliotek" not in page  # not decided yet


def _lines(*lines):
    data = {"lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0"}
    for number, (purpose, amount) in enumerate(lines):
        data[f"lines-{number}-purpose"], data[f"lines-{number}-amount"] = purpose, amount
    return data


def test_apply_ask_answer_and_grant_less_through_the_pages(client, demo, outbox):
    citizen = User.objects.get(email="borger@example.dk")
    reviewer = User.objects.get(email="puljer@example.dk")
    client.force_login(citizen)
    response = client.post(
        reverse("grants:start", args=["valgfremme"]),
        {
            "title": "Stemmeskole for nydanskere",
            "description": "To aftener på sprogskolen, hvor vi viser, hvordan man stemmer, og hvad valget handler om.",
            "target_groups": ["new_danes"],
        },
    )
    application = Application.objects.get(title="Stemmeskole for nydanskere")
    assert response["Location"] == reverse("grants:step", args=[application.id, 2])
    response = client.post(
        reverse("grants:step", args=[application.id, 2]),
        {
            "amount_applied": "12.000",
            "own_contribution": "0",
            "starts_on": "2027-02-01",
            "ends_on": "2027-02-20",
            **_lines(("Tolk", "7.000"), ("Materialer", "5.000")),
        },
    )
    assert response["Location"] == reverse("grants:step", args=[application.id, 3])
    assert "Tilføj bilaget" in client.get(response["Location"]).content.decode()
    check = client.get(reverse("grants:step", args=[application.id, 4])).content.decode()
    assert "Tjek dine svar" in check and "12.000 kr." in check
    response = client.post(reverse("grants:submit", args=[application.id]))
    assert response["Location"] == reverse("grants:receipt", args=[application.id])
    application.refresh_from_db()
    assert application.reference in client.get(response["Location"]).content.decode()

    client.force_login(reviewer)
    assert application.title in client.get(reverse("grants:queue", args=["valgfremme"])).content.decode()
    client.post(reverse("grants:question", args=[application.id]), {"question": "Hvor mange deltagere?"})
    application.refresh_from_db()
    assert application.status == Application.Status.INFO_REQUESTED

    client.force_login(citizen)
    page = client.get(reverse("grants:application", args=[application.id])).content.decode()
    assert "Hvor mange deltagere?" in page
    client.post(reverse("grants:answer", args=[application.id]), {"answer": "Cirka 40 fra sprogskolen."})
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    client.force_login(reviewer)
    response = client.post(
        reverse("grants:decide", args=[application.id]),
        {
            "outcome": "partly_granted",
            "amount_granted": "9.000",
            "rules_applied": "Retningslinjerne for puljen til valgfremme.",
            "considerations": "Projektet når nydanskere; tolkeudgiften er sat for højt.",
            "facts": "Der søges 12.000 kr., heraf 7.000 kr. til tolk.",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("grants:pool", args=["valgfremme"])).content.decode()
    assert "58.000 kr." in page  # 67.000 kr. left before, 9.000 kr. granted

    client.force_login(citizen)
    letter = client.get(reverse("grants:letter", args=[application.id])).content.decode()
    assert "Du får delvis støtte: 9.000 kr. af de 12.000 kr., du har søgt om." in letter
    assert "tolkeudgiften er sat for højt" in letter
