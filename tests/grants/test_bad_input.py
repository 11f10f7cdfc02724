"""Bad input gets field errors in the user's language and stores nothing."""

import pytest
from django.urls import reverse

from grants.models import Application, BudgetLine, Round
from tests.grants.conftest import GROUNDS, KR

pytestmark = pytest.mark.django_db

MESSAGES = {
    "max": {
        "da": "Du kan højst søge 25.000 kr. pr. ansøgning.",
        "en": "You can apply for at most 25.000 kr. per application.",
    },
    "dates": {"da": "Projektet kan ikke slutte, før det starter.", "en": "The project cannot end before it starts."},
    "required": {"da": "Feltet skal udfyldes.", "en": "This field is required."},
    "left": {"da": "Der er kun 5.000 kr. tilbage i runden.", "en": "There is only 5.000 kr. left in the round."},
    "line": {
        "da": "Linje 1: beløbet skal være større end 0 kr.",
        "en": "Line 1: the amount must be more than 0 kr.",
    },
}


@pytest.fixture(params=["da", "en"])
def language(request, citizen, reviewer):
    for person in (citizen, reviewer):
        person.preferred_language = request.param
        person.save()
    return request.param


def test_api_draft_errors_in_the_users_language_and_nothing_stored(api, citizen, pool, round, language):
    response = api(citizen).post(
        f"/api/grant-pools/{pool.id}/applications/",
        {
            "title": " ",
            "amount_applied": 30_000 * KR,
            "starts_on": "2027-05-10",
            "ends_on": "2027-05-01",
            "budget_lines": [{"purpose": "Lokale", "amount": 0}],
        },
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert errors["title"] == [MESSAGES["required"][language]]
    assert errors["amount_applied"] == [MESSAGES["max"][language]]
    assert errors["ends_on"] == [MESSAGES["dates"][language]]
    assert MESSAGES["line"][language] in errors["budget_lines"]
    assert not Application.objects.exists() and not BudgetLine.objects.exists()


def test_submit_at_once_that_cannot_be_sent_stores_nothing(api, citizen, pool, round):
    response = api(citizen).post(
        f"/api/grant-pools/{pool.id}/applications/", {"title": "Valgfest", "submit": True}, format="json"
    )
    assert response.status_code == 400
    assert "budget_lines" in response.json() and "description" in response.json()
    assert not Application.objects.exists()


def test_grant_over_the_money_left_is_refused_and_changes_nothing(api, reviewer, submitted, round, language):
    Round.objects.filter(id=round.id).update(granted_total=70_000 * KR)
    response = api(reviewer).post(
        f"/api/grant-applications/{submitted.id}/decision/", {"outcome": "granted", **GROUNDS}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["amount_granted"] == [MESSAGES["left"][language]]
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED and not submitted.decision_letter
    assert Round.objects.get(id=round.id).granted_total == 70_000 * KR


def test_decision_without_grounds_is_refused(api, reviewer, submitted, language):
    response = api(reviewer).post(
        f"/api/grant-applications/{submitted.id}/decision/",
        {"outcome": "refused", "rules_applied": "", "considerations": "", "facts": ""},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"rules_applied", "considerations", "facts"}
    assert response.json()["facts"] == [MESSAGES["required"][language]]
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED


def test_partial_grant_must_be_less_than_applied(api, reviewer, submitted):
    response = api(reviewer).post(
        f"/api/grant-applications/{submitted.id}/decision/",
        {"outcome": "partly_granted", "amount_granted": 20_000 * KR, **GROUNDS},
        format="json",
    )
    assert response.status_code == 400
    assert "amount_granted" in response.json()


def test_money_step_form_shows_field_errors_and_keeps_the_draft(client, citizen, draft):
    client.force_login(citizen)
    response = client.post(
        reverse("grants:step", args=[draft.id, 2]),
        {
            "amount_applied": "tyve tusind",
            "own_contribution": "",
            "starts_on": "",
            "ends_on": "",
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0",
            "lines-0-purpose": "Lokale",
            "lines-0-amount": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv et beløb i hele kroner" in page
    assert "Udfyld både formål og beløb" in page
    draft.refresh_from_db()
    assert draft.amount_applied == 20_000 * KR and draft.budget_lines.count() == 2


def test_kroner_are_read_the_danish_way(client, citizen, draft):
    client.force_login(citizen)
    response = client.post(
        reverse("grants:step", args=[draft.id, 2]),
        {
            "amount_applied": "12.500,50",
            "own_contribution": "0",
            "starts_on": "",
            "ends_on": "",
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0",
            "lines-0-purpose": "Lokale",
            "lines-0-amount": "12.500,50 kr.",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.amount_applied == 1_250_050
    assert list(draft.budget_lines.values_list("amount", flat=True)) == [1_250_050]
