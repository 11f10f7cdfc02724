"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the committee pages: the public agenda and
minutes, and the secretary's pages, forms with errors included."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import CommitteeMembership
from committees import services
from ideas import services as idea_services
from ideas.models import Board
from tests.e2e.axe import violations
from tests.e2e.sessions import browser_context_for
from tests.files import PDF
from tests.meetings import hold_meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def meetings(committee, secretary):
    CommitteeMembership.objects.filter(user=secretary).update(is_public=True)
    start = timezone.now() + timedelta(days=5)
    planned = services.create_meeting(actor=secretary, committee=committee, start=start, place="lokale 1.D")
    minutes = services.create_meeting(actor=secretary, committee=committee, start=start, place="lokale 1.D")
    for meeting in (planned, minutes):
        for title in ("Drøftelse - Samskabelse", "Orientering - Status"):
            services.add_item(
                actor=secretary,
                meeting=meeting,
                title=title,
                item_type="discussion",
                case_number="13/37262",
                recommendation="Udvalget drøfter sagen.",
                description="Baggrund\n\nSagen kort.\n\n- et\n- to",
            )
    item = minutes.items.first()
    services.add_attachment(
        actor=secretary, item=item, title="Bilag", upload=SimpleUploadedFile("b.pdf", PDF, "application/pdf")
    )
    services.publish_agenda(actor=secretary, meeting=minutes)
    hold_meeting(minutes, by=secretary)
    for each in minutes.items.all():
        services.record_decision(actor=secretary, item=each, decision="Udvalget drøftede punktet.")
    services.publish_minutes(actor=secretary, meeting=minutes)
    return planned, minutes


@pytest.fixture
def proposal(committee, secretary, citizen):
    today = timezone.localdate()
    board = Board.objects.create(
        title="Valgfremme", slug="valgfremme", committee=committee, opens_on=today, closes_on=today + timedelta(days=9)
    )
    idea = idea_services.create_idea(author=citizen, board=board, title="Gratis bus", body="Gratis bus på valgdagen.")
    return idea_services.propose_idea(actor=secretary, idea=idea)


def test_committee_pages_have_no_wcag_violations(
    live_stack, browser, axe_source, secretary, meetings, committee, proposal
):
    planned, minutes = meetings
    anonymous = browser.new_context(base_url=live_stack.url, locale="da-DK").new_page()
    for path in ["/udvalg/", f"/udvalg/{committee.slug}/", f"/moeder/{minutes.id}/", f"/moeder/{planned.id}/"]:
        anonymous.goto(path)
        assert violations(anonymous, axe_source) == [], path
    context = browser_context_for(browser, live_stack, secretary)
    page = context.new_page()
    item = planned.items.first()
    for path in [
        f"/udvalg/{committee.slug}/",
        f"/udvalg/{committee.slug}/moeder/nyt/",
        f"/udvalg/{committee.slug}/forslag/",
        f"/moeder/{planned.id}/",
        f"/moeder/{planned.id}/rediger/",
        f"/moeder/{planned.id}/punkter/nyt/",
        f"/punkter/{item.id}/rediger/",
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    page.goto(f"/moeder/{planned.id}/punkter/nyt/")
    page.get_by_role("button", name="Gem punktet").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert violations(page, axe_source) == [], "item form with errors"
    context.close()
