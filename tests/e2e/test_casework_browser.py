"""The issue's legal track in Chromium against the live stack: the caseworker sends a partshøring, the citizen
answers and attaches the decision she complains about, the caseworker writes an upheld decision whose grounds
and guidance the form insists on, the genvurdering produces the klagepakke, and the citizen sees where her
complaint went. Every page on the way is checked with axe; the citizen's at 375 px."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from casework.models import Decision, GuidanceTemplate, Hearing, Reassessment
from tests.documents.reading import all_bookmarks
from tests.e2e.axe import violations
from tests.e2e.sessions import browser_context_for
from tests.files import PDF

pytestmark = pytest.mark.django_db(transaction=True)


def fits_375(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 375")


def click(page, name: str, role: str = "link") -> None:
    with page.expect_navigation():
        page.get_by_role(role, name=name).click()


def clean(page, axe_source, what: str) -> None:
    assert violations(page, axe_source) == [], what


def test_partshoering_decision_genvurdering_and_klagepakke(
    live_stack, browser, axe_source, citizen, caseworker, routed_complaint, family, tmp_path
):
    """Long on purpose: one case's whole legal track, about twenty pages in Chromium, each checked with axe."""
    GuidanceTemplate.objects.create(
        department=family,
        name="Klage til Ankestyrelsen",
        appeals_body="Ankestyrelsen",
        text="Du kan klage til Ankestyrelsen inden fire uger. Send klagen til os.",
    )
    complaint_path = reverse("complaints:detail", args=[routed_complaint.id])
    staff = browser_context_for(browser, live_stack, caseworker).new_page()
    mette = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport={"width": 375, "height": 800})
    mette.add_cookies(browser_context_for(browser, live_stack, citizen).cookies())
    her = mette.new_page()

    # The caseworker sends a partshøring.
    staff.goto(complaint_path)
    clean(staff, axe_source, "complaint page, staff")
    click(staff, "Send partshøring eller spørgsmål")
    clean(staff, axe_source, "hearing form")
    staff.get_by_label("Oplysningerne, borgeren skal kommentere").fill(
        "Skolen skriver, at jeres søn har det godt i skolen og i SFO."
    )
    click(staff, "Send til borgeren", role="button")
    assert Hearing.objects.get().status == "open"
    clean(staff, axe_source, "hearing page, staff")

    # The citizen sees that the case waits for her, answers, and attaches the decision she complains about.
    her.goto(complaint_path)
    expect(her.get_by_text("Vi venter på dit svar.")).to_be_visible()
    assert fits_375(her), "complaint page at 375 px"
    clean(her, axe_source, "complaint page, citizen, waiting")
    click(her, "Læs og svar")
    assert fits_375(her), "hearing page at 375 px"
    clean(her, axe_source, "hearing page, citizen")
    her.get_by_label("Dit svar").fill("Han har det godt i skolen, men han sover dårligt om natten.")
    click(her, "Send svar", role="button")
    assert Hearing.objects.get().status == "answered"
    her.goto(reverse("complaints:attachments", args=[routed_complaint.id]))
    clean(her, axe_source, "documents page")
    decision_file = tmp_path / "afgoerelse.pdf"
    decision_file.write_bytes(PDF)
    her.get_by_label("Afgørelsen, der klages over").check()
    her.get_by_label("Titel").fill("Afgørelse om aflastning")
    her.get_by_label("Fil").set_input_files(str(decision_file))
    click(her, "Tilføj dokument", role="button")
    expect(her.get_by_role("link", name="Afgørelse om aflastning")).to_be_visible()

    # The caseworker writes an upheld decision: the form insists on the grounds.
    staff.goto(complaint_path)
    click(staff, "Skriv afgørelse")
    clean(staff, axe_source, "decision form")
    staff.get_by_label("Afgørelsen fastholdes").check()
    staff.get_by_label("Hvad er afgjort?").fill("Vi fastholder afgørelsen om aflastning.")
    click(staff, "Send afgørelsen", role="button")
    expect(staff.get_by_role("heading", name="Der er problemer")).to_be_visible()
    assert "Skriv de retsregler" in staff.content()
    assert not Decision.objects.exists()
    clean(staff, axe_source, "decision form with errors")
    staff.get_by_label("Regler, afgørelsen bygger på").fill("Serviceloven § 84, stk. 1.")
    staff.get_by_label("Hovedhensyn").fill("Jeres søn er i skole og SFO til kl. 17.")
    staff.get_by_label("De faktiske forhold").fill("Skolen skriver, at han har det godt.")
    assert "Ankestyrelsen" in staff.get_by_label("Klagevejledning").input_value()  # from the template
    click(staff, "Tjek læsbarhed", role="button")
    expect(staff.get_by_text("Læsbarhed: LIX")).to_be_visible()
    clean(staff, axe_source, "decision form with LIX")
    click(staff, "Send afgørelsen", role="button")
    decision = Decision.objects.get()
    assert decision.kind == "upheld" and staff.url.endswith(decision.get_absolute_url())
    clean(staff, axe_source, "decision page")

    # The genvurdering builds the klagepakke and forwards it.
    staff.goto(complaint_path)
    click(staff, "Genvurdér og send til klageinstansen")
    clean(staff, axe_source, "genvurdering form")
    assert staff.get_by_label("Klageinstans").input_value() == "Ankestyrelsen"
    staff.get_by_label("Hvorfor fastholdes afgørelsen efter genvurderingen?").fill(
        "Det nye om søvnen ændrer ikke, at behovet er dækket."
    )
    click(staff, "Send klagepakken", role="button")
    reassessment = Reassessment.objects.get()
    response = staff.request.get(reassessment.get_pdf_url())
    assert response.status == 200
    assert "Genvurdering" in all_bookmarks(response.body())

    # The citizen sees where her complaint went and when.
    her.goto(complaint_path)
    expect(her.get_by_text("Klagen er sendt til Ankestyrelsen den")).to_be_visible()
    expect(her.get_by_text("Klagen er sendt til klageinstansen").first).to_be_visible()  # the timeline
    expect(her.get_by_role("link", name="Klagepakken (PDF)")).to_be_visible()
    assert fits_375(her), "complaint page after forwarding at 375 px"
    clean(her, axe_source, "complaint page, citizen, forwarded")
    her.goto(decision.get_absolute_url())
    clean(her, axe_source, "decision page, citizen")
    mette.close()
    staff.context.close()
