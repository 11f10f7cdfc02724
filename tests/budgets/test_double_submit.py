"""A double click on "Send forslaget" (the form's hidden key, carried through the check step) or a retried API call
(the Idempotency-Key header) proposes one project; a comment and the staff's paper ballots sent twice are stored
once — entered twice, the paper votes would have counted twice. The ballot itself is a PUT that replaces: a
repeat changes nothing."""

import pytest
from django.urls import reverse

from budgets.models import PaperTally, Project
from ideas.models import Comment
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

PROJECT = {
    "title": "Bænke langs havnen",
    "description": "Bænke langs havnen, så ældre kan hvile sig.",
    "estimated_cost": "60.000",
}


def test_the_proposal_sent_twice_from_the_check_step_proposes_one_project(client, budget, citizen, other_citizen):
    client.force_login(citizen)
    url = reverse("budgets:propose", args=[budget.slug])
    form = {**PROJECT, "idempotency_key": hidden_key(client.get(url).content.decode())}
    check = client.post(url, form).content.decode()
    assert hidden_key(check) == form["idempotency_key"]  # the check step carries the key on
    first, second = client.post(url, {**form, "send": "1"}), client.post(url, {**form, "send": "1"})
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Project.objects.filter(budget=budget).count() == 1
    client.force_login(other_citizen)
    assert client.post(url, {**form, "send": "1"}).status_code == 302
    assert Project.objects.filter(budget=budget).count() == 2


def test_the_api_answers_a_repeated_key_with_the_first_project(api, budget, citizen):
    url = f"/api/budgets/{budget.id}/projects/"
    body = {
        "title": "Lys på stien",
        "description": "Lys på stien til stationen, så den er tryg.",
        "estimated_cost": 20_000_000,
    }
    sent = [api(citizen).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="prop-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Project.objects.filter(budget=budget).count() == 1
    assert api(citizen).post(url, body, format="json").status_code == 201
    assert Project.objects.filter(budget=budget).count() == 2


def test_a_comment_sent_twice_is_posted_once(client, budget, propose, other_citizen):
    project = propose("Ny legeplads i Ahorns Allé", 250_000)
    client.force_login(other_citizen)
    page = reverse("budgets:project", args=[project.id])
    form = {"body": "God idé, jeg støtter den.", "idempotency_key": hidden_key(client.get(page).content.decode())}
    for _ in range(2):
        response = client.post(reverse("budgets:comment", args=[project.id]), form)
        assert response.status_code == 302 and response["Location"] == page
    assert Comment.objects.filter(idea=project.idea).count() == 1


def test_paper_ballots_entered_twice_count_once(client, voting, staff):
    budget, projects = voting
    client.force_login(staff)
    page = client.get(reverse("budgets:budget", args=[budget.slug])).content.decode()
    form = {
        "source": "Borgermøde på biblioteket",
        f"votes_{projects['bænke'].id}": 5,
        "idempotency_key": hidden_key(page.split(reverse("budgets:paper", args=[budget.slug]), 1)[1]),
    }
    for _ in range(2):
        assert client.post(reverse("budgets:paper", args=[budget.slug]), form).status_code == 302
    assert list(PaperTally.objects.filter(budget=budget).values_list("votes", flat=True)) == [5]
    # Another entry (another key) is another meeting's ballots, counted as before.
    assert (
        client.post(reverse("budgets:paper", args=[budget.slug]), {**form, "idempotency_key": "k2"}).status_code == 302
    )
    assert PaperTally.objects.filter(budget=budget).count() == 2
