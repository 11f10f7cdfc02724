"""Board pages, idea pages and the API lists cost the same number of queries however many ideas,
supports and comments there are (support counts are counted inside the one query for the ideas)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from ideas.models import Comment, Idea, Support


def fill(board, author, *, ideas: int, supporters: int, comments: int) -> Idea:
    """`ideas` ideas on the board; each with `supporters` supports and `comments` comments with a reply each."""
    start = User.objects.count()
    people = User.objects.bulk_create(
        User(email=f"fyld-{start + i}@example.dk", full_name=f"Fyld {i}") for i in range(supporters)
    )
    made = Idea.objects.bulk_create(
        Idea(board=board, author=author, title=f"Idé nummer {i}", body="En idé om valgfremme og bus.")
        for i in range(ideas)
    )
    Support.objects.bulk_create(Support(idea=idea, user=person) for idea in made for person in people)
    tops = Comment.objects.bulk_create(
        Comment(idea=idea, author=person, body="Godt!") for idea in made for person in people[:comments]
    )
    Comment.objects.bulk_create(Comment(idea=c.idea, author=author, body="Tak!", parent=c) for c in tops)
    return made[0]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("reader", [None, "citizen", "employee"])
def test_board_and_idea_pages_take_constant_queries(
    client, board, citizen, request, reader, django_assert_max_num_queries
):
    if reader:
        client.force_login(request.getfixturevalue(reader))
    first = fill(board, citizen, ideas=2, supporters=1, comments=1)
    board_url = reverse("ideas:board", args=[board.slug])
    idea_url = reverse("ideas:idea", args=[first.id])
    small = {url: count_queries(client, url) for url in (board_url, idea_url, board_url + "?q=bus&order=new")}

    fill(board, citizen, ideas=40, supporters=12, comments=8)
    busiest = Idea.objects.order_by("-id").first()
    for url, queries in small.items():
        with django_assert_max_num_queries(queries):
            client.get(url)
    with django_assert_max_num_queries(small[idea_url]):
        assert client.get(reverse("ideas:idea", args=[busiest.id])).status_code == 200
    assert small[board_url] <= 15  # the page's own, the role menu's two (committees, department), the unread count


def test_api_lists_take_constant_queries(api, board, citizen, django_assert_max_num_queries):
    client = api(citizen)
    first = fill(board, citizen, ideas=2, supporters=1, comments=1)
    urls = ["/api/ideas/?board=valgfremme", "/api/boards/", f"/api/ideas/{first.id}/comments/"]
    small = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        small[url] = len(queries)
    fill(board, citizen, ideas=30, supporters=10, comments=6)
    for url in urls:
        with django_assert_max_num_queries(small[url]):
            client.get(url)
    data = client.get("/api/ideas/?board=valgfremme&order=support").json()
    assert data["count"] == 32
    assert data["results"][0]["support_count"] == 10
