"""axe-core finds no violations on the legal track's pages not walked by test_casework_browser: the staff's
answer to a request for more time, the citizen's hearing page with the request sent, and the genvurdering
form with its errors."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from casework import services
from tests.e2e.axe import violations
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)

GROUNDS = {
    "legal_rules": "Serviceloven § 84.",
    "considerations": "Behovet er dækket.",
    "facts": "Skolen skriver, at han har det godt.",
    "complaint_guidance": "Du kan klage til Ankestyrelsen inden fire uger.",
}


def test_extension_and_genvurdering_pages(live_stack, browser, axe_source, citizen, caseworker, routed_complaint):
    hearing = services.send_hearing(
        actor=caseworker, complaint=routed_complaint, facts="Skolen skriver, at han trives."
    )
    services.request_extension(actor=citizen, hearing=hearing, reason="Jeg venter på lægen.")
    staff = browser_context_for(browser, live_stack, caseworker).new_page()
    staff.goto(reverse("casework:hearing", args=[hearing.id]))
    expect(staff.get_by_role("heading", name="Giv borgeren mere tid?")).to_be_visible()
    assert violations(staff, axe_source) == [], "extension decision form"
    with staff.expect_navigation():
        staff.get_by_role("button", name="Send svar til borgeren").click()
    assert violations(staff, axe_source) == [], "extension decision form with errors"
    her = browser_context_for(browser, live_stack, citizen).new_page()
    her.goto(reverse("casework:hearing", args=[hearing.id]))
    assert violations(her, axe_source) == [], "hearing page with a request for more time"

    services.send_decision(
        actor=caseworker,
        complaint=routed_complaint,
        kind="upheld",
        decision="Vi fastholder.",
        hearing_override_reason="Borgeren kender oplysningerne fra sin egen klage.",
        **GROUNDS,
    )
    staff.goto(reverse("casework:forward", args=[routed_complaint.id]))
    with staff.expect_navigation():
        staff.get_by_role("button", name="Send klagepakken").click()
    assert "Der er problemer" in staff.content()
    assert violations(staff, axe_source) == [], "genvurdering form with errors"
    staff.context.close()
    her.context.close()
