"""In headless Chromium at phone width (issue 9): the citizen adds information with a file and withdraws her
complaint on its confirmation page; the caseworker's close confirmation. axe finds nothing on any of them."""

import pytest
from playwright.sync_api import expect

from complaints.models import Complaint
from tests.e2e.axe import violations
from tests.e2e.test_complaint_steps_browser import clean, phone_page
from tests.files import PDF

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_citizen_adds_information_then_withdraws(
    live_stack, browser, axe_source, citizen, routed_complaint, tmp_path
):
    context, page = phone_page(browser, live_stack, citizen)
    page.goto(f"/klager/{routed_complaint.id}/")
    page.get_by_role("link", name="Tilføj oplysninger").click()
    clean(page, axe_source, "add information")
    page.get_by_label("Hvad vil du tilføje?").fill("Jeg har fået en ny lægeerklæring.")
    document = tmp_path / "laegeerklaering.pdf"
    document.write_bytes(PDF)
    page.get_by_label("Filer").set_input_files(str(document))
    page.get_by_role("button", name="Send oplysningerne").click()
    expect(page.get_by_text("Tak – oplysningerne er sendt til sagsbehandleren.")).to_be_visible()
    expect(page.locator("#timeline + ol")).to_contain_text("Jeg har fået en ny lægeerklæring.")
    expect(page.get_by_role("link", name="laegeerklaering.pdf").first).to_be_visible()

    page.get_by_role("link", name="Træk klagen tilbage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vil du trække klagen tilbage?")
    clean(page, axe_source, "withdraw confirmation")
    page.get_by_role("button", name="Ja, træk klagen tilbage").click()
    expect(page.get_by_text("Klagen er trukket tilbage.").first).to_be_visible()
    assert Complaint.objects.get(id=routed_complaint.id).outcome == "withdrawn"
    assert violations(page, axe_source) == []
    context.close()


def test_the_caseworker_confirms_closing(live_stack, browser, axe_source, caseworker, routed_complaint):
    context, page = phone_page(browser, live_stack, caseworker)
    page.goto(f"/klager/{routed_complaint.id}/")
    page.get_by_label("Løst i dialog").check()
    page.get_by_label("Besked til borgeren").fill("Vi fandt en løsning sammen.")
    page.get_by_role("button", name="Afslut og send spørgeskema").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vil du afslutte klagen?")
    clean(page, axe_source, "close confirmation")
    assert Complaint.objects.get(id=routed_complaint.id).status != "closed"
    page.get_by_role("button", name="Ja, afslut klagen").click()
    expect(page.get_by_text("Klagen er afsluttet").first).to_be_visible()
    assert Complaint.objects.get(id=routed_complaint.id).status == "closed"
    context.close()
