"""In headless Chromium: what a citizen types in the complaint's steps is kept in her browser until the receipt
(static/js/keep-draft.js) — a page that failed to send (a 503 while the database was away, a lost connection)
or a closed tab loses nothing; the receipt removes it."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from complaints.models import Complaint
from notifications.models import Email
from tests.e2e.complaint_steps import answer_contact, answer_what
from tests.e2e.live import wait_until
from tests.e2e.sessions import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

TYPED = "Jeg skrev dette, før forbindelsen forsvandt."


def saved_drafts(page) -> list[str]:
    return page.evaluate(
        "Object.keys(localStorage).filter(function (key) { return key.indexOf('borgerdialog-draft:') === 0; })"
    )


def test_typed_text_survives_a_page_that_was_never_sent_and_goes_with_the_receipt(live_stack, browser, family, citizen):
    context = browser.new_context(base_url=live_stack.url, locale="da-DK")
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(citizen), "url": live_stack.url}]
    )
    page = context.new_page()
    answer_what(page)
    page.wait_for_load_state("load")  # keep-draft.js is deferred: typing before it runs is saved from the next key
    page.get_by_label("Overskrift").fill("Afslag på aflastning")
    page.get_by_label("Beskrivelse").fill(TYPED)
    page.reload()  # as after a failed send: the server never got it
    expect(page.get_by_label("Beskrivelse")).to_have_value(TYPED)
    expect(page.get_by_label("Overskrift")).to_have_value("Afslag på aflastning")
    assert saved_drafts(page)
    page.get_by_role("button", name="Gem og fortsæt").click()
    answer_contact(page)
    page.get_by_role("button", name="Send klagen").click()
    page.wait_for_url("**/kvittering/")
    assert saved_drafts(page) == []
    context.close()
    # The worker's part (routing, acknowledgement, themes) ends before the test's database is emptied.
    wait_until(lambda: Complaint.objects.filter(themes_suggested_at__isnull=False, tasks__isnull=False).exists())
    wait_until(lambda: not Email.objects.filter(status=Email.Status.QUEUED).exists())
