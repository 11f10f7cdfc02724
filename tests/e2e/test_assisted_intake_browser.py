"""The issue's journey in Chromium, through the local provider: a Borgerservice employee logs in with the staff
provider and files a complaint for a citizen on the phone; that citizen later logs in with demo MitID and
finds it under "Mine klager". The pages on the way are checked with axe and at 375 px."""

import pytest
from playwright.sync_api import expect

from accounts.models import Department
from complaints.models import Complaint
from tests.e2e.axe import violations

pytestmark = pytest.mark.django_db(transaction=True)


def fits_375(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 375")


def log_in_at_the_provider(page, live_stack, *, button: str, identity: str, level: str | None = None):
    page.get_by_role("button", name=button).click()
    page.wait_for_url(f"{live_stack.devidp.url}/vaelg-identitet/**")
    page.get_by_label(identity, exact=False).check()
    if level:
        page.get_by_label(level).check()
    page.get_by_role("button", name="Log ind").click()


def test_borgerservice_files_for_a_phone_citizen_who_later_finds_it_after_mitid(live_stack, browser, axe_source):
    Department.objects.create(name="Borgerservice", slug="borgerservice", accepts_complaints=False)
    Department.objects.create(name="Familiecentret", slug="familiecentret")

    staff = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport={"width": 375, "height": 800})
    page = staff.new_page()
    page.goto("/accounts/login/?next=/borgerservice/")
    log_in_at_the_provider(page, live_stack, button="Log ind med Medarbejderlogin", identity="Bodil Service")
    page.wait_for_url(f"{live_stack.url}/borgerservice/")
    assert violations(page, axe_source) == [], "Borgerservice page"
    with page.expect_navigation():
        page.get_by_role("link", name="Opret en klage for en borger").click()
    assert fits_375(page), "the form at 375 px"
    with page.expect_navigation():
        page.get_by_role("button", name="Opret klagen").click()
    assert "Skriv borgerens navn" in page.content() or "Dette felt er påkrævet" in page.content()
    assert violations(page, axe_source) == [], "form with errors"

    page.get_by_label("Borgerens navn").fill("Ida Nybo")
    page.get_by_label("Kun telefon").check()
    page.get_by_label("Borgeren har sagt ja til, at jeg opretter det for hende").check()
    page.get_by_label("Postadresse").fill("Ahlgade 1\n4300 Holbæk")
    page.locator("#id_phone").fill("22 33 44 55")
    page.get_by_label("CPR-nummer").fill("650999-3333")
    page.get_by_label("Kvittering som brev (print det bagefter)").check()
    page.get_by_label("Klage over sagsbehandlingen").check()
    page.get_by_label("Hvilken afdeling drejer klagen sig om").select_option(label="Familiecentret")
    page.locator("#id_subject").fill("Ingen svar på min ansøgning")
    page.locator("#id_description").fill("Jeg har ventet i tre måneder på svar om hjælp i hjemmet.")
    page.locator("input[name=contact_channel][value=phone]").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opret klagen").click()
    expect(page.get_by_role("heading", name="Klagen er oprettet for Ida Nybo")).to_be_visible()
    code = page.locator(".claim-code strong").inner_text()
    assert len(code) == 14
    assert violations(page, axe_source) == [], "receipt"
    assert fits_375(page), "the receipt at 375 px"
    complaint = Complaint.objects.get()
    assert complaint.filed_by.email == "borgerservice@example.dk"
    staff.close()

    citizen = browser.new_context(base_url=live_stack.url, locale="da-DK")
    page = citizen.new_page()
    page.goto("/accounts/login/?next=/klager/")
    log_in_at_the_provider(
        page, live_stack, button="Log ind med MitID", identity="Ida Nybo (ny.borger@example.dk)", level="Betydelig"
    )
    page.wait_for_url(f"{live_stack.url}/klager/")
    expect(page.get_by_role("link", name=complaint.reference)).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name=complaint.reference).click()
    expect(page.get_by_text("Oprettet af Borgerservice for borgeren").first).to_be_visible()
    page.goto("/mine-data/hent-sag/")
    assert violations(page, axe_source) == [], "claim page"
    citizen.close()


def test_the_idea_pages_of_assisted_intake_and_anonymity_have_no_wcag_violations(
    live_stack, browser, axe_source, clerk, citizen, other_citizen, committee
):
    from datetime import timedelta

    from django.utils import timezone

    from ideas import services
    from ideas.models import Board
    from tests.e2e.sessions import browser_context_for

    today = timezone.localdate()
    board = Board.objects.create(
        title="Valgfremme", slug="valgfremme", committee=committee, opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )  # fmt: skip
    idea = services.create_idea(
        author=citizen, board=board, title="Stemmeboks på biblioteket", body="En stemmeboks på biblioteket.",
        shown_as="anonymous",
    )  # fmt: skip
    services.support_idea(user=other_citizen, idea=idea, shown_as="short")
    context = browser_context_for(browser, live_stack, clerk)
    page = context.new_page()
    page.goto("/borgerservice/ideer/ny/")
    assert violations(page, axe_source) == [], "assisted idea form"
    with page.expect_navigation():
        page.get_by_role("button", name="Offentliggør idéen").click()
    assert violations(page, axe_source) == [], "assisted idea form with errors"
    page.goto(f"/ideer/{idea.id}/")
    assert "Ali R." in page.content()
    context.close()
    public = browser.new_context(base_url=live_stack.url, locale="da-DK").new_page()
    public.goto(f"/ideer/{idea.id}/")
    assert violations(public, axe_source) == [], "idea page with chosen names"
    assert "Mette Hansen" not in public.content()
    public.context.close()
    context = browser_context_for(browser, live_stack, other_citizen)
    page = context.new_page()
    page.goto(f"/ideer/{idea.id}/")
    assert violations(page, axe_source) == [], "idea page with the support and comment choices"
    context.close()
