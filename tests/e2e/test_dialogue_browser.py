"""The citizen and the caseworker talk live in two headless Chromium contexts, without reloading."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from complaints.models import Complaint
from complaints.services import file_complaint, route_complaint

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_MS = 15000


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def open_thread_as(browser, live_stack, user, thread_url):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="da-DK")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_stack.url}])
    page = context.new_page()
    page.goto(live_stack.url + thread_url)
    page.wait_for_function("document.getElementById('live-status').textContent.startsWith('Live')", timeout=WAIT_MS)
    page.evaluate("window.stayedOnThePage = true")
    return context, page


def write(page, text):
    page.get_by_label("Din besked").fill(text)
    page.get_by_role("button", name="Send besked").click()


def wait_for_message(page, text):
    page.locator("#message-list .message-body", has_text=text).wait_for(timeout=WAIT_MS)


def test_citizen_and_caseworker_see_each_others_messages_appear(live_stack, browser, citizen, caseworker, family):
    complaint = file_complaint(
        citizen=citizen,
        kind=Complaint.Kind.CASE_HANDLING,
        department=family,
        subject="Ventetid på hjælpemidler",
        description="Jeg har ventet fire måneder på en rollator.",
        contact_channel=Complaint.ContactChannel.EMAIL,
    )
    route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    url = reverse("dialogue:thread", args=[complaint.thread_id])
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
