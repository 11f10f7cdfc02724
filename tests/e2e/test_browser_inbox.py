"""In headless Chromium: the caseworker's inbox shows a new task without a reload."""

import pytest
from playwright.sync_api import expect

from tests.e2e.complaint_steps import file_complaint_in_steps
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_new_complaint_appears_live_in_the_caseworkers_inbox(live_stack, browser, family, citizen, caseworker):
    caseworker_context = browser_context_for(browser, live_stack, caseworker)
    citizen_context = browser_context_for(browser, live_stack, citizen)
    inbox = caseworker_context.new_page()
    inbox.goto("/opgaver/")
    assert inbox.locator("h1").inner_text() == "Opgaver"
    inbox.evaluate("window.sameDocument = true")
    expect(inbox.locator("#task-list")).to_be_attached()

    form = citizen_context.new_page()
    reference = file_complaint_in_steps(form, subject="Afslag på aflastning")
    assert reference.startswith("K-")

    inbox.locator("#task-list").get_by_text(reference).wait_for(timeout=20_000)
    assert inbox.evaluate("window.sameDocument") is True  # no reload
    assert inbox.locator("#live-status").inner_text() == "Ny opgave modtaget."
    caseworker_context.close()
    citizen_context.close()


def test_the_intake_form_reports_errors_in_a_summary_that_links_to_the_field(live_stack, browser, family, citizen):
    context = browser_context_for(browser, live_stack, citizen)
    page = context.new_page()
    page.goto("/klager/ny/")
    page.get_by_role("button", name="Gem og fortsæt").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # waits for the focus script after the navigation
    summary.get_by_role("link").first.click()
    expect(page.locator('[name="kind"]').first).to_be_focused()
    context.close()


def test_opening_the_inbox_announces_nothing_for_the_tasks_already_there(
    live_stack, browser, routed_complaint, caseworker
):
    # A screen reader hears "Ny opgave modtaget" only when a task arrives, not on every load or reconnect.
    context = browser_context_for(browser, live_stack, caseworker)
    inbox = context.new_page()
    inbox.goto("/opgaver/")
    expect(inbox.locator("#task-list").get_by_text(routed_complaint.reference)).to_be_visible()
    # The socket's opening fetches the rows again and, in the step that draws them, says what arrived: nothing.
    fetched = "performance.getEntriesByType('resource').some(e => e.name.includes('fragment=1') && e.responseEnd > 0)"
    for _ in range(200):
        if inbox.evaluate(fetched):
            break
        inbox.wait_for_timeout(50)
    inbox.wait_for_timeout(300)  # time for the fetched rows to be drawn (the old script announced them then)
    assert inbox.locator("#live-status").inner_text() == ""
    context.close()
