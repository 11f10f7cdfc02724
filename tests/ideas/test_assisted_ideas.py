"""Borgerservice writes an idea on a board for a citizen who is not online; she claims it later."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts import services as accounts_services
from accounts.models import StandIn
from ideas import services
from ideas.models import Idea, Support
from notifications.models import Email

pytestmark = pytest.mark.django_db

CITIZEN = {"full_name": "Inger Madsen", "identified_by": "known", "consent": True, "phone": "22 33 44 55"}
IDEA = {"title": "Bænke langs fjorden", "body": "Flere bænke på stien langs fjorden, så ældre kan hvile sig."}


def test_the_idea_is_written_for_a_stand_in_and_says_who_wrote_it(clerk, board):
    idea, code = services.create_idea_for_citizen(actor=clerk, board=board, shown_as="short", **CITIZEN, **IDEA)
    assert idea.author.stand_in.created_by == clerk
    assert idea.author_display_name == "Inger M."
    assert idea.filed_for_citizen_label == "Oprettet af Borgerservice for borgeren"
    assert len(code) == 14


def test_bad_input_is_refused_in_danish_and_changes_nothing(clerk, board):
    for overrides, field in (({"consent": False}, "consent"), ({"identified_by": "guess"}, "identified_by"),
                             ({"phone": ""}, "postal_address"), ({"cpr": "99"}, "cpr")):  # fmt: skip
        with pytest.raises(ValidationError) as raised:
            services.create_idea_for_citizen(actor=clerk, board=board, **{**CITIZEN, **overrides}, **IDEA)
        assert field in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.create_idea_for_citizen(actor=clerk, board=board, **CITIZEN, title="x", body="y")
    assert "title" in raised.value.message_dict
    assert not Idea.objects.exists() and not StandIn.objects.exists()


@pytest.mark.parametrize("who", ["caseworker", "citizen", "secretary"])
def test_only_citizen_service_may(request, client, board, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.create_idea_for_citizen(actor=actor, board=board, **CITIZEN, **IDEA)
    client.force_login(actor)
    assert client.get(reverse("ideas:assisted-create")).status_code == 403
    assert not Idea.objects.exists()


def test_the_page_shows_the_code_once(client, clerk, board, caseworker):
    client.force_login(clerk)
    data = {**CITIZEN, "consent": "on", "board": board.id, "shown_as": "anonymous", **IDEA}
    response = client.post(reverse("ideas:assisted-create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    idea = Idea.objects.get()
    first = client.get(response["Location"]).content.decode()
    code = first.split('class="claim-code"><strong>')[1].split("<")[0]
    assert len(code) == 14
    assert code not in client.get(response["Location"]).content.decode()
    public = client.get(reverse("ideas:idea", args=[idea.id])).content.decode()
    assert "Oprettet af Borgerservice for borgeren" in public and "En borger" in public
    client.force_login(caseworker)
    assert client.get(response["Location"]).status_code == 404


def test_claiming_moves_the_idea_its_comments_and_supports(clerk, board, citizen, idea):
    assisted, code = services.create_idea_for_citizen(
        actor=clerk, board=board, email="inger@example.dk", **CITIZEN, **IDEA
    )
    stand_in_user = assisted.author
    assert code in Email.objects.get(to_address="inger@example.dk").body
    services.post_comment(author=stand_in_user, idea=idea, body="Jeg er enig")
    services.support_idea(user=stand_in_user, idea=idea)
    services.support_idea(user=citizen, idea=idea)  # she supported it herself too: one support stays
    accounts_services.claim_with_code(user=citizen, code=code, address=None)
    assert Idea.objects.get(id=assisted.id).author == citizen
    assert idea.comments.get().author == citizen
    assert list(Support.objects.filter(idea=idea).values_list("user_id", flat=True)) == [citizen.id]


def test_the_api_door(api, clerk, citizen, board):
    payload = {**CITIZEN, **IDEA, "board": board.slug, "shown_as": "short"}
    assert api(citizen).post("/api/assisted-ideas/", payload, format="json").status_code == 403
    bad = api(clerk).post("/api/assisted-ideas/", {**payload, "consent": False}, format="json")
    assert bad.status_code == 400 and "Borgeren skal have sagt ja" in str(bad.json())
    assert not Idea.objects.exists()
    response = api(clerk).post("/api/assisted-ideas/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["author_name"] == "Inger M." and len(response.json()["claim_code"]) == 14
