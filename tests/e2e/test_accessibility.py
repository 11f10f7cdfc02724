"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the complaint flow's pages."""

import re

import pytest
from django.urls import reverse

from complaints import services
from notifications.models import Email
from tests.e2e.axe import violations
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def closed_complaint_survey_path(routed_complaint, caseworker, citizen):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    body = Email.objects.get(recipient=citizen, subject__contains="afsluttet").body
    return re.search(r"(/undersoegelse/[^\s]+/)", body).group(1)


def test_citizen_pages_have_no_wcag_violations(live_stack, browser, axe_source, citizen, routed_complaint):
    context = browser_context_for(browser, live_stack, citizen)
    page = context.new_page()
    for path in [
        "/",
        reverse("complaints:create"),
        reverse("complaints:list"),
        reverse("complaints:detail", args=[routed_complaint.id]),
        reverse("complaints:receipt", args=[routed_complaint.id]),
        reverse("access-log"),
        reverse("notice-list"),
        reverse("api-tokens-page"),
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    # The error pages in the product's look: a page she may not open (403), one that does not exist (404), and a
    # form-only address opened directly, which leads back to the form with a line saying why.
    for path, status in [(reverse("complaints:inbox"), 403), ("/findes-ikke/", 404)]:
        assert page.goto(path).status == status, path
        assert violations(page, axe_source) == [], path
    page.goto(reverse("complaints:classify", args=[routed_complaint.id]))  # takes only a POST
    assert page.url.endswith(reverse("complaints:detail", args=[routed_complaint.id]))
    assert violations(page, axe_source) == [], "back to the form"
    page.goto(reverse("complaints:create"))
    page.get_by_role("button", name="Gem og fortsæt").click()
    assert violations(page, axe_source) == [], "complaint form with errors"
    # js/error-summary.js (no inline script: the CSP would refuse one) puts the focus on the error summary
    assert page.evaluate("document.activeElement.id") == "error-summary"
    context.close()


def test_staff_pages_have_no_wcag_violations(live_stack, browser, axe_source, lead, routed_complaint):
    context = browser_context_for(browser, live_stack, lead)
    page = context.new_page()
    task = routed_complaint.tasks.get()
    for path in [
        reverse("complaints:inbox"),
        reverse("complaints:task", args=[task.id]),
        reverse("complaints:detail", args=[routed_complaint.id]),
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    context.close()


def test_anonymous_pages_have_no_wcag_violations(live_stack, browser, axe_source, closed_complaint_survey_path):
    context = browser.new_context(base_url=live_stack.url)
    page = context.new_page()
    for path in [reverse("login"), closed_complaint_survey_path, "/demo/mail/"]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    context.close()


def test_the_check_finds_a_real_violation(browser, axe_source):
    page = browser.new_page()
    page.set_content('<html lang="da"><body><main><h1>Test</h1><img src="x.png"><input></main></body></html>')
    found = violations(page, axe_source)
    assert any(v.startswith("image-alt") for v in found)
    assert any(v.startswith("label") for v in found)
    page.close()
