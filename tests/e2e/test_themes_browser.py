"""In Chromium against the live stack: the secretary finds an escalated theme, reads its page and puts it on a
meeting with the evidence drafted; and axe-core (WCAG 2.1 A and AA) finds no violations on the pages of themes,
escalations and the public service figures, and the contrast of the texts axe leaves for review there (the
charts' SVG text) measured in the page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from committees import services as committees
from complaints import services as complaints
from escalations.models import EscalationSettings
from escalations.services import escalate_themes
from figures.services import refresh_service_figures
from tests.e2e.axe import contrast_left_for_review, violations
from tests.e2e.sessions import browser_context_for
from themes.models import Theme

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def escalated(committee, secretary, citizen, family, caseworker):
    road = Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    Theme.objects.create(name="Affald og genbrug", slug="affald")
    EscalationSettings.objects.create(committee=committee)
    for n in range(5):
        complaint = complaints.file_complaint(
            citizen=citizen, kind="other", department=family, subject=f"Huller i vejen {n}",
            description="Jeg hedder Mette Hansen. Der er store huller i asfalten på Ahornvej 12.",
            contact_channel="email",
        )  # fmt: skip
        complaint.themes.add(road)
    task = complaints.route_complaint(complaint_id=complaint.id)
    escalate_themes()
    refresh_service_figures()
    meeting = committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )
    return {"meeting": meeting, "task": task, "complaint": complaint}


def test_the_secretary_puts_an_escalated_theme_on_the_agenda(live_stack, browser, axe_source, secretary, committee,
                                                             escalated):  # fmt: skip
    context = browser_context_for(browser, live_stack, secretary)
    page = context.new_page()
    page.goto(f"/udvalg/{committee.slug}/forslag/")
    card = page.locator("li.card", has_text="Eskaleret emne: »Vej og trafik«")
    expect(card).to_be_visible()
    assert violations(page, axe_source) == [], "the proposal queue with a theme"
    card.get_by_role("link", name="Se tal og uddrag på emnesiden").click()
    expect(page.get_by_role("heading", name="Emnet »Vej og trafik«")).to_be_visible()
    assert page.locator("svg[role=img] title", has_text="Klager pr. uge").count() == 1
    expect(page.get_by_role("table", name="Klager og idéer om emnet pr. uge")).to_be_visible()
    body = page.content()
    assert "Mette" not in body and "Ahornvej" not in body and "[navn]" in body
    assert violations(page, axe_source) == [], "the theme page"
    assert contrast_left_for_review(page, axe_source) == [], "the theme page's charts"
    page.get_by_role("button", name="Afvis emnet").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert violations(page, axe_source) == [], "the theme page with an error"
    page.goto(f"/udvalg/{committee.slug}/forslag/")
    page.locator("li.card", has_text="Eskaleret emne").get_by_role("button", name="Sæt på mødets dagsorden").click()
    assert "/punkter/" in page.url
    description = page.get_by_label("Beskrivelse af sagen").input_value()
    assert "Uddrag af klager og idéer (personoplysninger er fjernet):" in description and "Mette" not in description
    for path in (f"/udvalg/{committee.slug}/emner/", f"/udvalg/{committee.slug}/emner/indstillinger/", "/emner/"):
        page.goto(path)
        assert violations(page, axe_source) == [], path
    context.close()


def test_theme_and_figure_pages_have_no_wcag_violations(live_stack, browser, axe_source, escalated, caseworker,
                                                        citizen):  # fmt: skip
    anonymous = browser.new_context(base_url=live_stack.url, locale="da-DK").new_page()
    anonymous.goto("/servicetal/")
    assert anonymous.locator("figure svg[role=img] title", has_text="Dage til første kontakt").count() == 1
    assert violations(anonymous, axe_source) == [], "/servicetal/"
    assert contrast_left_for_review(anonymous, axe_source) == [], "/servicetal/ (its charts, its selects)"
    anonymous.goto("/servicetal/?year=abc")
    assert violations(anonymous, axe_source) == [], "/servicetal/ with an error"
    staff = browser_context_for(browser, live_stack, caseworker).new_page()
    staff.goto(f"/opgaver/{escalated['task'].id}/")
    expect(staff.get_by_role("group", name="Emner")).to_be_visible()
    assert violations(staff, axe_source) == [], "the contact form with themes"
    person = browser_context_for(browser, live_stack, citizen).new_page()
    person.goto("/klager/ny/kontakt/")
    expect(person.get_by_label("Må vi give dig besked, hvis et politisk udvalg behandler emnet?")).to_be_visible()
    assert violations(person, axe_source) == [], "the complaint form"
