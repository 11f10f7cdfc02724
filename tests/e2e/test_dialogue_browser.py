"""The citizen and the caseworker talk live in two headless Chromium contexts, without reloading."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from dialogue.services import hide_message, post_contact_summary, post_message
from tests.e2e.sessions import browser_context_for
from tests.e2e.test_accessibility import violations

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_MS = 15000


def open_thread_as(browser, live_stack, user, thread_url):
    context = browser_context_for(browser, live_stack, user)
    page = context.new_page()
    page.goto(thread_url)
    expect(page.locator("#live-status")).to_have_text(re.compile(r"^Live"), timeout=WAIT_MS)
    page.evaluate("window.stayedOnThePage = true")
    return context, page


def write(page, text):
    page.get_by_label("Din besked").fill(text)
    page.get_by_role("button", name="Send besked").click()


def wait_for_message(page, text):
    page.locator("#message-list .message-body", has_text=text).wait_for(timeout=WAIT_MS)


def test_citizen_and_caseworker_see_each_others_messages_appear(
    live_stack, browser, routed_complaint, citizen, caseworker
):
    url = reverse("dialogue:thread", args=[routed_complaint.thread_id])
    citizen_context, citizen_page = open_thread_as(browser, live_stack, citizen, url)
    caseworker_context, caseworker_page = open_thread_as(browser, live_stack, caseworker, url)
    try:
        presence = caseworker_page.locator(f'#participant-list li[data-user-id="{citizen.id}"] .presence')
        presence.filter(has_text=re.compile("^online$")).wait_for(timeout=WAIT_MS)

        write(citizen_page, "Hvornår kommer rollatoren?")
        wait_for_message(caseworker_page, "Hvornår kommer rollatoren?")
        assert caseworker_page.locator("#announcer").text_content().startswith("Ny besked fra Mette Hansen")

        write(caseworker_page, "Den bliver leveret på torsdag.")
        wait_for_message(citizen_page, "Den bliver leveret på torsdag.")
        caseworker_page.locator(".read-by", has_text="Læst af Mette Hansen").wait_for(timeout=WAIT_MS)

        for page in (citizen_page, caseworker_page):
            assert page.evaluate("window.stayedOnThePage") is True  # no reload happened
            assert page.locator("#message-list .message").count() == 2
            assert page.locator(".message-pending").count() == 0
    finally:
        citizen_context.close()
        caseworker_context.close()


def test_a_live_message_and_a_reloaded_one_show_its_link_alike(
    live_stack, browser, routed_complaint, citizen, caseworker
):
    """dialogue.js draws links as Django's urlize does on the server; the markup in a message stays text."""
    url = reverse("dialogue:thread", args=[routed_complaint.thread_id])
    citizen_context, citizen_page = open_thread_as(browser, live_stack, citizen, url)
    caseworker_context, caseworker_page = open_thread_as(browser, live_stack, caseworker, url)
    try:
        write(citizen_page, "Se www.borger.dk og https://kommune.example/a_(b). <img src=x onerror=window.pwned=1>")
        wait_for_message(caseworker_page, "Se www.borger.dk")
        body = caseworker_page.locator("#message-list .message-body").last
        live = body.inner_html()
        assert body.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
            "http://www.borger.dk",
            "https://kommune.example/a_(b)",
        ]
        assert caseworker_page.evaluate("window.pwned") is None
        caseworker_page.reload()
        assert caseworker_page.locator("#message-list .message-body").last.inner_html() == live
    finally:
        citizen_context.close()
        caseworker_context.close()


def test_the_thread_page_has_no_wcag_violations(live_stack, browser, axe_source, routed_complaint, citizen, caseworker):
    thread = routed_complaint.thread
    post_message(author=citizen, thread=thread, body="Hvornår hører jeg noget?", client_id="a11y-1")
    hidden, _ = post_message(author=citizen, thread=thread, body="Mit CPR-nummer er ...", client_id="a11y-2")
    hide_message(actor=caseworker, message=hidden, reason="CPR-nummer")
    post_contact_summary(author=caseworker, thread=thread, body="Vi talte sammen.", client_id="a11y-3")
    url = reverse("dialogue:thread", args=[thread.id])
    for user in (citizen, caseworker):
        context, page = open_thread_as(browser, live_stack, user, url)
        assert violations(page, axe_source) == [], user.email
        page.get_by_role("button", name="Send besked").click()  # empty: the form answers with its error
        page.wait_for_load_state()
        assert "Skriv en besked." in page.locator(".error-summary").text_content()
        assert violations(page, axe_source) == [], f"{user.email}, form with errors"
        context.close()
    context = browser_context_for(browser, live_stack, caseworker)
    page = context.new_page()
    page.goto(reverse("complaints:detail", args=[routed_complaint.id]))
    assert violations(page, axe_source) == [], "complaint page with the thread panel"
    context.close()
