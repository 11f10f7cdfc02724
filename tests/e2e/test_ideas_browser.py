"""A citizen proposes an idea in a real browser; three others carry it over the threshold; she is told,
in the product and by an e-mail that the real Celery worker sends."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideas.models import Board, Idea
from notifications.models import Email
from tests.conftest import make_user
from tests.e2e.live import wait_until
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(browser, live_stack, user):
    context = browser_context_for(browser, live_stack, user)
    return context, context.new_page()


def test_an_idea_crosses_the_threshold_in_the_browser(live_stack, browser, committee):
    today = timezone.localdate()
    Board.objects.create(
        title="Valgfremme – flere skal stemme",
        slug="valgfremme",
        committee=committee,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        support_threshold=3,
    )
    author = make_user("forfatter@example.dk", "Mette Hansen")
    supporters = [make_user(f"stoetter{i}@example.dk", f"Støtter {i}") for i in range(3)]

    context, page = log_in(browser, live_stack, author)
    page.goto(f"{live_stack.url}/idetavler/valgfremme/")
    page.click("text=Skriv en idé")
    page.fill("#id_title", "Valgcafé på biblioteket")
    page.fill("#id_body", "En valgcafé med kaffe og kandidater på biblioteket i ugen før valget.")
    page.click("main button[type=submit]")
    assert "Tak – din idé er offentliggjort" in page.content()
    page.click("text=Se din idé")
    idea_url = page.url
    context.close()

    for supporter in supporters:
        context, page = log_in(browser, live_stack, supporter)
        page.goto(idea_url)
        page.click("main form button:has-text('Støt idéen')")
        assert "Du støtter idéen." in page.content()
        context.close()

    idea = Idea.objects.get(title="Valgcafé på biblioteket")
    assert idea.status == Idea.Status.PROPOSED
    context, page = log_in(browser, live_stack, author)
    page.goto(f"{live_stack.url}/underretninger/")
    assert "Idéen ”Valgcafé på biblioteket” er nu et forslag til udvalget" in page.content()
    page.goto(idea_url)
    assert "Foreslået til udvalget" in page.content()
    context.close()
    wait_until(
        lambda: Email.objects.filter(
            recipient=author, dedupe_key__startswith=f"idea-proposed-{idea.id}-", status=Email.Status.SENT
        ).exists()
    )
