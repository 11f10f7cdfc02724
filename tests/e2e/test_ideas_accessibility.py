"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the idea boards' pages, for citizens and staff."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideas import services
from ideas.models import Board
from tests.e2e.axe import violations
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lively_idea(committee, citizen, other_citizen, moderator):
    today = timezone.localdate()
    board = Board.objects.create(
        title="Valgfremme – flere skal stemme",
        slug="valgfremme",
        description="Hvad skal der til, for at flere stemmer?",
        committee=committee,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
        support_threshold=3,
    )
    idea = services.create_idea(
        author=citizen, board=board, title="Gratis bus til valgstederne", body="Lad busserne køre gratis på valgdagen."
    )
    services.support_idea(user=other_citizen, idea=idea)
    top = services.post_comment(author=other_citizen, idea=idea, body="God idé!")
    services.post_comment(author=citizen, idea=idea, body="Tak.", parent=top)
    rude = services.post_comment(author=other_citizen, idea=idea, body="Noget grimt.")
    services.report_content(reporter=citizen, comment=rude, reason="Grimt sprog.")
    services.hide_comment(actor=moderator, comment=rude, reason="Krænkende sprog.")
    services.report_content(reporter=other_citizen, idea=idea, reason="Ligner reklame.")
    return idea


def test_citizen_and_public_idea_pages_have_no_wcag_violations(live_stack, browser, axe_source, citizen, lively_idea):
    comment = lively_idea.comments.filter(author=citizen).first()
    context = browser_context_for(browser, live_stack, citizen)
    page = context.new_page()
    for path in [
        reverse("ideas:board-list"),
        reverse("ideas:board", args=["valgfremme"]),
        reverse("ideas:board", args=["valgfremme"]) + "?q=bus&status=published&order=new",
        reverse("ideas:idea", args=[lively_idea.id]),
        reverse("ideas:create", args=["valgfremme"]),
        reverse("ideas:receipt", args=[lively_idea.id]),
        reverse("ideas:edit", args=[lively_idea.id]),
        reverse("ideas:comment-edit", args=[comment.id]),
        reverse("ideas:report", args=[lively_idea.id]),
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    page.goto(reverse("ideas:create", args=["valgfremme"]))
    page.get_by_role("button", name="Offentliggør idéen").click()
    assert violations(page, axe_source) == [], "idea form with errors"
    context.close()

    context = browser.new_context(base_url=live_stack.url)
    page = context.new_page()
    page.goto(reverse("ideas:idea", args=[lively_idea.id]))
    assert violations(page, axe_source) == [], "idea page, anonymous"
    context.close()


def test_staff_idea_pages_have_no_wcag_violations(live_stack, browser, axe_source, moderator, lively_idea):
    context = browser_context_for(browser, live_stack, moderator)
    page = context.new_page()
    for path in [
        reverse("ideas:moderation"),
        reverse("ideas:hide", args=[lively_idea.id]),
        reverse("ideas:idea", args=[lively_idea.id]),
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    context.close()
