"""In Chromium at 375 px: the citizen asks for aktindsigt in her case, the caseworker reviews the redaction (before
and after) and releases, and the citizen reads the documents with her neighbour's name removed. Every page on the
way, and the erasure and retention pages, are checked with axe."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from access_requests.models import AccessRequest
from complaints import services as complaint_services
from retention import services as retention_services
from retention.models import RetentionPeriod
from tests.conftest import make_user
from tests.documents.reading import pages
from tests.e2e.axe import violations
from tests.e2e.sessions import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)
NEIGHBOUR = "Min nabo Hans Jensen var med til mødet og hørte, at vi blev lovet aflastning."


def fits_375(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 375")


def narrow_page(browser, live_stack, user):
    context = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport={"width": 375, "height": 800})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(user), "url": live_stack.url}])
    return context.new_page()


def checked(page, axe_source, what: str) -> None:
    assert violations(page, axe_source) == [], what
    assert fits_375(page), f"{what} at 375 px"


def test_the_citizen_receives_the_released_documents_with_another_persons_name_removed(
    live_stack, browser, axe_source, file_complaint, caseworker, citizen
):
    complaint = file_complaint(description=NEIGHBOUR)
    complaint_services.route_complaint(complaint_id=complaint.id)

    page = narrow_page(browser, live_stack, citizen)
    page.goto(reverse("complaints:detail", args=[complaint.id]))
    with page.expect_navigation():
        page.get_by_role("link", name="Bed om aktindsigt i sagens dokumenter").click()
    checked(page, axe_source, "the request form")
    with page.expect_navigation():
        page.get_by_role("button", name="Send anmodningen").click()
    expect(page.get_by_role("heading", name="Anmodning om aktindsigt", exact=False)).to_be_visible()
    checked(page, axe_source, "the request, open")
    access_request = AccessRequest.objects.get()

    staff = narrow_page(browser, live_stack, caseworker)
    staff.goto(reverse("access_requests:detail", args=[access_request.id]))
    checked(staff, axe_source, "the caseworker's review")
    assert "Hans Jensen" in staff.locator(".original-text").first.inner_text()  # before
    assert "Min nabo [navn]" in staff.locator("textarea[name^=text_]").first.input_value()  # after
    with staff.expect_navigation():
        staff.get_by_role("button", name="Afgør og udlever").click()
    checked(staff, axe_source, "the caseworker's decided request")
    staff.goto(reverse("access_requests:list"))
    checked(staff, axe_source, "the caseworker's list")

    page.reload()
    checked(page, axe_source, "the released documents")
    released = page.locator("main").inner_text()
    assert "Fuld aktindsigt" in released and "Min nabo [navn]" in released and "Hans Jensen" not in released
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent de udleverede dokumenter (PDF)").click()
    text = "\n".join(pages(Path(download.value.path()).read_bytes()))
    assert "Min nabo [navn]" in text and "Hans Jensen" not in text


def test_erasure_and_retention_pages_have_no_wcag_violations(
    live_stack, browser, axe_source, file_complaint, caseworker, citizen, family
):
    complaint = file_complaint()
    complaint_services.route_complaint(complaint_id=complaint.id)
    complaint_services.close_complaint(actor=caseworker, complaint=complaint, outcome="withdrawn", note="Trukket.")
    page = narrow_page(browser, live_stack, citizen)
    page.goto(reverse("retention:erasure-create", args=[complaint.id]))
    checked(page, axe_source, "the erasure form")
    with page.expect_navigation():
        page.get_by_role("button", name="Send anmodningen").click()
    checked(page, axe_source, "the erasure request")
    staff = narrow_page(browser, live_stack, caseworker)
    staff.goto(page.url.replace(live_stack.url, ""))
    with staff.expect_navigation():
        staff.get_by_role("button", name="Afgør").click()
    checked(staff, axe_source, "the decision form with an error")
    staff.get_by_label("Sagen bevares").check()
    staff.get_by_label("Begrundelse").fill("Arkivloven kræver, at sagen bevares i fem år.")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Afgør").click()
    page.reload()
    assert "Arkivloven kræver" in page.locator("main").inner_text()
    RetentionPeriod.objects.create(department=family, years=1)
    type(complaint).objects.filter(id=complaint.id).update(closed_at=complaint.created_at.replace(year=2019))
    assert retention_services.anonymise_expired_cases() == 1
    staff.goto(reverse("retention:overview"))
    checked(staff, axe_source, "the anonymisation log")
    assert complaint.reference in staff.locator("main").inner_text()


def test_erasure_of_all_her_data_pages_have_no_wcag_violations(
    live_stack, browser, axe_source, file_complaint, caseworker, citizen
):
    closed = file_complaint(subject="En afsluttet klage")
    complaint_services.route_complaint(complaint_id=closed.id)
    complaint_services.close_complaint(actor=caseworker, complaint=closed, outcome="withdrawn", note="Trukket.")
    still_open = file_complaint(subject="En klage under behandling")
    complaint_services.route_complaint(complaint_id=still_open.id)
    page = narrow_page(browser, live_stack, citizen)
    page.goto(reverse("retention:overview"))
    with page.expect_navigation():
        page.get_by_role("link", name="Bed om at få alle dine oplysninger slettet").click()
    checked(page, axe_source, "the form to erase all her data")
    with page.expect_navigation():
        page.get_by_role("button", name="Send anmodningen").click()
    checked(page, axe_source, "the request to erase all her data")
    admin = narrow_page(browser, live_stack, make_user("admin@example.dk", "Anne Admin", is_staff=True))
    admin.goto(page.url.replace(live_stack.url, ""))
    checked(admin, axe_source, "the decision form with a field per case")
    admin.get_by_label("Slet borgerens oplysninger i sagen").check()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Afgør").click()
    checked(admin, axe_source, "the decision form: the open case must be kept")
    admin.get_by_label("En klage under behandling", exact=False).fill("Sagen behandles stadig.")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Afgør").click()
    page.reload()
    checked(page, axe_source, "partly erased, with the reason")
    assert "Sagen behandles stadig." in page.locator("main").inner_text()
