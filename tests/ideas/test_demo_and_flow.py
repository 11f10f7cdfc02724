"""The demo boards, and the flow a new user tries: propose an idea, others support it past the threshold."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from ideas.models import Association, Board, Comment, Idea, Support


@pytest.fixture
def demo(demo_municipality, db, settings):
    settings.DEMO = True


def test_seed_is_idempotent(demo):
    before = (Board.objects.count(), Idea.objects.count(), Support.objects.count(), Comment.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Board.objects.count(), Idea.objects.count(), Support.objects.count(), Comment.objects.count()) == before
    assert set(Board.objects.filter(standalone=True).values_list("title", flat=True)) == {
        "Valgfremme – flere skal stemme",
        "Folkemødet 2015 – hvad skal Holbæk byde ind med?",
        "Samskabelse – borgere som ressource",
    }
    assert set(Board.objects.values_list("committee__slug", flat=True)) == {"projektudvalget-demokratieksperimentariet"}
    assert Association.objects.get(name="Holbæk Ungdomsråd").members.filter(email="borger2@example.dk").exists()
    assert Idea.objects.filter(status=Idea.Status.PROPOSED).count() == 1


def test_a_new_idea_on_a_demo_board_crosses_the_threshold_with_the_demo_citizens(client, demo):
    author = User.objects.get(email="borger@example.dk")
    client.force_login(author)
    response = client.post(
        reverse("ideas:create", args=["valgfremme"]),
        {
            "title": "Valgcafé på biblioteket",
            "body": "En valgcafé med kaffe og kandidater på biblioteket i ugen før valget.",
        },
    )
    idea = Idea.objects.get(title="Valgcafé på biblioteket")
    assert response["Location"] == reverse("ideas:receipt", args=[idea.id])
    assert "Tak – din idé er offentliggjort" in client.get(response["Location"]).content.decode()

    for email in ["borger2@example.dk", "borger3@example.dk", "borger4@example.dk"]:
        client.force_login(User.objects.get(email=email))
        assert client.post(reverse("ideas:support", args=[idea.id])).status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED

    client.force_login(author)
    notices = client.get(reverse("notice-list")).content.decode()
    assert "Valgcafé på biblioteket" in notices and "forslag til udvalget" in notices
    page = client.get(reverse("ideas:idea", args=[idea.id])).content.decode()
    assert "Foreslået til udvalget" in page
    assert "3 personer støtter idéen" in page


def test_board_page_search_filter_order_and_pages(client, demo):
    citizen = User.objects.get(email="borger@example.dk")
    board = Board.objects.get(slug="valgfremme")
    Idea.objects.bulk_create(
        Idea(board=board, author=citizen, title=f"Fyldidé {i}", body="Tekst om noget helt andet.") for i in range(25)
    )
    url = reverse("ideas:board", args=["valgfremme"])
    first = client.get(url).content.decode()
    assert "28 idéer" in first and "Side 1 af 2" in first
    # Most support first: the bus idea (1 support) and the postal-vote idea (2) lead.
    assert first.index("Brevstemmevalg på uddannelsesstederne") < first.index("Gratis bus til valgstederne")
    second = client.get(url, {"side": 2}).content.decode()
    assert "Side 2 af 2" in second
    found = client.get(url, {"q": "brevstemme"}).content.decode()
    assert "1 idé" in found and "Brevstemmevalg" in found and "Gratis bus" not in found
    newest = client.get(url, {"order": "new"}).content.decode()
    assert "Fyldidé 24" in newest and "Brevstemmevalg" not in newest  # older ideas are on page 2
    proposed = client.get(url, {"status": "proposed"}).content.decode()
    assert "Ingen idéer passer til din søgning." in proposed


def test_english_pages(client, demo, english_citizen):
    client.force_login(english_citizen)
    page = client.get(reverse("ideas:board", args=["valgfremme"])).content.decode()
    assert "Write an idea" in page and "Most support" in page
