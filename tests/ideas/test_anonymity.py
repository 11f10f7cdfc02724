"""How an author, a commenter or a supporter is shown publicly: the form she chose, on every door."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import CommitteeMembership
from ideas import services
from ideas.models import Comment, Idea, Support
from ideas.selectors import idea_public_summary
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

FULL = "Mette Hansen"


@pytest.fixture
def anonymous_idea(board, citizen):
    return services.create_idea(
        author=citizen,
        board=board,
        title="Stemmeboks på biblioteket",
        body="Sæt en stemmeboks op på biblioteket i ugen før valget.",
        shown_as="anonymous",
    )


def test_the_default_is_the_full_name_as_before(idea):
    assert idea.shown_as == "full" and idea.author_display_name == FULL


@pytest.mark.parametrize(("shown_as", "expected"), [("full", FULL), ("short", "Mette H."), ("anonymous", "En borger")])
def test_the_public_name_in_each_form(board, citizen, shown_as, expected):
    idea = services.create_idea(
        author=citizen, board=board, title="En idé til valget", body="Noget om valget, der er langt nok.",
        shown_as=shown_as,
    )  # fmt: skip
    assert idea.author_display_name == expected
    comment = services.post_comment(author=citizen, idea=idea, body="En kommentar", shown_as=shown_as)
    assert comment.author_public_name == expected
    services.support_idea(user=citizen, idea=idea, shown_as=shown_as)
    assert Support.objects.get(idea=idea).public_name == expected


def test_a_single_name_shortens_to_itself(board):
    madonna = make_user("m@example.dk", "Madonna")
    assert madonna.public_name("short") == "Madonna"


def test_an_unknown_choice_is_refused_in_danish_and_changes_nothing(board, citizen, idea):
    for call in (
        lambda: services.create_idea(author=citizen, board=board, title="Titel her", body="Lang nok tekst.",
                                     shown_as="celebrity"),
        lambda: services.post_comment(author=citizen, idea=idea, body="Hej med jer", shown_as="x"),
        lambda: services.support_idea(user=citizen, idea=idea, shown_as=""),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as raised:
            call()
        assert "Vælg, hvordan dit navn skal vises" in raised.value.message_dict["shown_as"][0]
    assert Idea.objects.count() == 1 and not Comment.objects.exists() and not Support.objects.exists()


def test_supporting_again_changes_only_how_she_is_shown(idea, other_citizen):
    assert services.support_idea(user=other_citizen, idea=idea, shown_as="full")
    assert not services.support_idea(user=other_citizen, idea=idea, shown_as="anonymous")
    assert Support.objects.get().shown_as == "anonymous"


def test_public_pages_never_show_the_full_name(client, anonymous_idea, board, other_citizen, english_citizen):
    services.post_comment(author=other_citizen, idea=anonymous_idea, body="God idé!", shown_as="short")
    services.support_idea(user=english_citizen, idea=anonymous_idea, shown_as="anonymous")
    services.support_idea(user=other_citizen, idea=anonymous_idea, shown_as="short")
    for url in (reverse("ideas:idea", args=[anonymous_idea.id]), reverse("ideas:board", args=[board.slug])):
        page = client.get(url).content.decode()
        for secret in (FULL, "Ali Rahimi", "Emma Smith", "borger@example.dk"):
            assert secret not in page, (url, secret)
    page = client.get(reverse("ideas:idea", args=[anonymous_idea.id])).content.decode()
    assert "En borger" in page and "Ali R." in page


def test_the_api_shows_the_chosen_form_only(api, anonymous_idea, other_citizen, english_citizen):
    api(other_citizen).post(
        f"/api/ideas/{anonymous_idea.id}/comments/", {"body": "God idé!", "shown_as": "short"}, format="json"
    )
    assert (
        api(english_citizen)
        .post(f"/api/ideas/{anonymous_idea.id}/support/", {"shown_as": "anonymous"}, format="json")
        .status_code
        == 201
    )
    idea = api().get(f"/api/ideas/{anonymous_idea.id}/").json()
    assert idea["author_name"] == "En borger" and idea["supporters"] == ["En borger"]
    comments = api().get(f"/api/ideas/{anonymous_idea.id}/comments/").content.decode()
    assert "Ali R." in comments
    everything = str(idea) + comments + api().get(f"/api/ideas/?board={anonymous_idea.board.slug}").content.decode()
    for secret in (FULL, "Ali Rahimi", "Emma Smith"):
        assert secret not in everything


def test_the_api_refuses_an_unknown_choice(api, idea, other_citizen):
    response = api(other_citizen).post(f"/api/ideas/{idea.id}/support/", {"shown_as": "vip"}, format="json")
    assert response.status_code == 400 and "Vælg, hvordan dit navn skal vises" in str(response.json())
    assert not Support.objects.exists()


def test_the_page_forms_carry_the_choice(client, idea, other_citizen):
    client.force_login(other_citizen)
    client.post(reverse("ideas:support", args=[idea.id]), {"shown_as": "short"})
    client.post(reverse("ideas:comment", args=[idea.id]), {"body": "Enig!", "shown_as": "anonymous"})
    assert Support.objects.get().shown_as == "short"
    assert Comment.objects.get().shown_as == "anonymous"
    page = client.get(reverse("ideas:idea", args=[idea.id])).content.decode()
    assert "Ali R." in page  # among the supporters


def test_what_committees_and_agendas_read_uses_the_chosen_form(anonymous_idea):
    assert idea_public_summary(idea_id=anonymous_idea.id)["author_name"] == "En borger"


def test_moderators_still_know_who_it_is(client, anonymous_idea, caseworker, moderator, other_citizen):
    comment = services.post_comment(author=other_citizen, idea=anonymous_idea, body="Hemmelig", shown_as="anonymous")
    services.report_content(reporter=caseworker, reason="Tjek den", comment=comment)
    client.force_login(moderator)  # the moderation role
    queue = client.get(reverse("ideas:moderation")).content.decode()
    assert "Ali Rahimi" in queue and "vist som En borger" in queue
    page = client.get(reverse("ideas:idea", args=[anonymous_idea.id])).content.decode()
    assert "Ali Rahimi" in page
    client.force_login(caseworker)  # staff without the moderation role: as the public
    assert client.get(reverse("ideas:moderation")).status_code == 403
    assert "Ali Rahimi" not in client.get(reverse("ideas:idea", args=[anonymous_idea.id])).content.decode()


def test_a_committee_member_never_sees_the_identity(client, anonymous_idea, committee):
    member = make_user("medlem@example.dk", "Per Politiker")
    CommitteeMembership.objects.create(user=member, committee=committee, role="member")
    client.force_login(member)
    page = client.get(reverse("ideas:idea", args=[anonymous_idea.id])).content.decode()
    assert FULL not in page and "En borger" in page
