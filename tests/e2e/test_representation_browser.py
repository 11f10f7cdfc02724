"""The issue's representation journey in Chromium, through the local provider's demo MitID: the citizen gives her
relative fuldmagt for her complaint; the relative logs in, accepts and writes in the thread on her behalf (both
names shown, live to the citizen); the citizen revokes, and the relative's open thread page loses its socket at
once and the pages answer 404. The pages on the way are checked with axe and at 375 px."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import Department, User
from accounts.services import store_cpr
from complaints import services
from complaints.models import Complaint, Representation
from tests.e2e.axe import violations
from tests.e2e.test_assisted_intake_browser import fits_375, log_in_at_the_provider

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_MS = 15000


def mitid_login(browser, live_stack, *, identity: str, next_url: str, width: int = 1024):
    context = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"/accounts/login/?next={next_url}")
    log_in_at_the_provider(page, live_stack, button="Log ind med MitID", identity=identity, level="Betydelig")
    page.wait_for_url(f"{live_stack.url}{next_url}")
    return context, page


def click_to_page(page, role: str, name: str):
    with page.expect_navigation():
        page.get_by_role(role, name=name).first.click()


def wait_live(page):
    expect(page.locator("#live-status")).to_have_text(re.compile(r"^Live"), timeout=WAIT_MS)


def test_citizen_grants_the_relative_acts_on_her_behalf_and_loses_access_when_revoked(live_stack, browser, axe_source):
    """Long on purpose, about 10 s: a power of attorney from grant to revocation as the citizen, the relative and
    the caseworker each see it, live, with axe on its pages (one test, since each step needs the one before)."""
    family = Department.objects.create(name="Familiecentret", slug="familiecentret")
    mette = User.objects.create_user("borger@example.dk", None, full_name="Mette Hansen")
    store_cpr(user=mette, cpr="6101801234")
    susanne = User.objects.create_user("paaroerende@example.dk", None, full_name="Susanne Hansen")
    store_cpr(user=susanne, cpr="6407552222")
    mette.assurance_level = "substantial"
    complaint = services.file_complaint(
        citizen=mette,
        kind=Complaint.Kind.DECISION,
        department=family,
        subject="Afslag på aflastning",
        description="Vi har fået afslag på aflastning til vores søn og forstår ikke hvorfor.",
        contact_channel=Complaint.ContactChannel.EMAIL,
    )

    # The citizen gives her sister fuldmagt for the complaint, from its page.
    citizen, page = mitid_login(browser, live_stack, identity="Mette Hansen (borger@example.dk)", next_url="/klager/")
    click_to_page(page, "link", complaint.reference)
    click_to_page(page, "link", "Giv en anden fuldmagt til klagen")
    assert violations(page, axe_source) == [], "Fuldmagter page"
    page.get_by_label("E-mail på den, der skal have fuldmagt").fill("paaroerende@example.dk")
    assert page.get_by_label(f"{complaint.reference} {complaint.subject}").is_checked()
    click_to_page(page, "button", "Giv fuldmagt")
    expect(page.get_by_role("heading", name="Fuldmagt: Susanne Hansen på vegne af Mette Hansen")).to_be_visible()
    expect(page.get_by_text("Venter på accept")).to_be_visible()
    representation = Representation.objects.get()

    # The relative logs in (at 375 px), accepts, and writes in the thread on Mette's behalf.
    relative, their_page = mitid_login(
        browser,
        live_stack,
        identity="Susanne Hansen (paaroerende@example.dk)",
        next_url=f"/fuldmagter/{representation.id}/",
        width=375,
    )
    assert violations(their_page, axe_source) == [], "acceptance page"
    assert fits_375(their_page), "acceptance page at 375 px"
    click_to_page(their_page, "button", "Accepter fuldmagten")
    expect(their_page.get_by_text("Aktiv").first).to_be_visible()
    their_page.goto("/klager/")
    expect(their_page.get_by_text("på vegne af Mette Hansen")).to_be_visible()
    click_to_page(their_page, "link", complaint.reference)
    expect(their_page.get_by_text("Du handler på vegne af Mette Hansen")).to_be_visible()
    assert fits_375(their_page), "complaint page at 375 px"
    click_to_page(their_page, "link", "Gå til samtalen")
    wait_live(their_page)
    assert violations(their_page, axe_source) == [], "thread page of the representative"

    page.goto(f"/samtaler/{complaint.thread_id}/")
    wait_live(page)
    their_page.get_by_label("Din besked").fill("Jeg skriver for min søster Mette.")
    their_page.get_by_role("button", name="Send besked").click()
    # Live to the citizen, in the relative's own name on Mette's behalf.
    message = page.locator("#message-list .message", has_text="Jeg skriver for min søster Mette.")
    message.wait_for(timeout=WAIT_MS)
    assert message.locator(".message-author").inner_text() == "Susanne Hansen"
    assert message.locator(".message-behalf").inner_text() == "på vegne af Mette Hansen"
    own = their_page.locator("#message-list .message", has_text="Jeg skriver for min søster Mette.")
    own.locator(".message-behalf", has_text="på vegne af Mette Hansen").wait_for(timeout=WAIT_MS)

    # The citizen revokes; the relative's open thread page loses its live connection at once.
    page.goto(f"/fuldmagter/{representation.id}/")
    click_to_page(page, "button", "Kald fuldmagten tilbage")
    expect(page.get_by_text("Tilbagekaldt").first).to_be_visible()
    expect(their_page.locator("#live-status")).to_have_text(
        re.compile(r"^Du kan ikke følge samtalen live"), timeout=WAIT_MS
    )
    assert their_page.goto(f"/samtaler/{complaint.thread_id}/").status == 404
    assert their_page.goto(f"/klager/{complaint.id}/").status == 404

    # The citizen's timeline shows what was done for her, with both names.
    page.goto(f"/klager/{complaint.id}/")
    timeline = page.locator("ol.timeline").inner_text()
    for step in ("Fuldmagt givet", "Fuldmagten er accepteret", "Fuldmagten er tilbagekaldt"):
        assert step in timeline
    assert "Susanne Hansen på vegne af Mette Hansen" in timeline
    citizen.close()
    relative.close()
