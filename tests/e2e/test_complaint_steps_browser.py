"""In headless Chromium (issue 9): the complaint filed in steps with "Tjek dine svar" and "Ret", the draft kept
over a reload, sent once, the receipt with the summary; the language switch while logged in and Min profil.
axe finds nothing on any of the pages, at phone width too."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import User
from complaints.models import Complaint
from tests.e2e.axe import violations
from tests.e2e.complaint_steps import answer_contact, answer_details, answer_what
from tests.e2e.sessions import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def phone_page(browser, live_stack, user):
    context = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport={"width": 375, "height": 800})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie(user), "url": live_stack.url}])
    return context, context.new_page()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= 375")


def clean(page, axe_source, what: str) -> None:
    assert violations(page, axe_source) == [], what
    assert fits(page), what


def test_the_complaint_in_steps_with_tjek_dine_svar_and_ret(live_stack, browser, axe_source, family, citizen):
    context, page = phone_page(browser, live_stack, citizen)
    page.goto("/klager/ny/")
    expect(page.locator(".step-indicator [aria-current=step]")).to_contain_text("Hvad drejer klagen sig om")
    clean(page, axe_source, "step 1")
    answer_what(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Din klage")
    expect(page.locator(".form-limit .character-limit").first).to_contain_text("tegn")
    clean(page, axe_source, "step 2")
    answer_details(page, subject="Afslag på aflastning")
    clean(page, axe_source, "step 3")
    answer_contact(page)
    clean(page, axe_source, "Tjek dine svar")
    expect(page.get_by_role("row", name="Overskrift Afslag på aflastning")).to_be_visible()

    page.get_by_role("link", name="Ret din klage").click()
    expect(page.get_by_label("Overskrift")).to_have_value("Afslag på aflastning")
    page.get_by_label("Overskrift").fill("Afslag på aflastning i weekenden")
    page.get_by_role("button", name="Gem og tjek dine svar").click()
    page.wait_for_url("**/klager/ny/tjek/")
    page.reload()  # the draft is on the server
    expect(page.get_by_role("row", name="Overskrift Afslag på aflastning i weekenden")).to_be_visible()

    page.get_by_role("button", name="Send klagen").click()
    page.wait_for_url("**/kvittering/")
    expect(page.get_by_role("heading", name="Det har du sendt")).to_be_visible()
    expect(page.get_by_role("button", name="Udskriv kvitteringen")).to_be_visible()
    expect(page.get_by_text("Afslag på aflastning i weekenden")).to_be_visible()
    clean(page, axe_source, "receipt")
    page.goto("/klager/ny/tjek/")
    page.wait_for_url("**/klager/ny/om/")
    assert Complaint.objects.filter(citizen=citizen).count() == 1
    context.close()


def test_errors_on_a_step_are_summarised_and_axe_clean(live_stack, browser, axe_source, family, citizen):
    context, page = phone_page(browser, live_stack, citizen)
    page.goto("/klager/ny/detaljer/")
    page.get_by_label("Beskrivelse").fill("x" * 10001)
    page.get_by_role("button", name="Gem og fortsæt").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("højst have 10000 tegn")
    clean(page, axe_source, "step 2 with errors")
    context.close()


def test_the_language_switch_works_logged_in_and_min_profil_keeps_it(live_stack, browser, axe_source, citizen):
    context, page = phone_page(browser, live_stack, citizen)
    page.goto("/klager/")
    page.get_by_role("button", name="Menu").click()  # at 375 px the switch is in DKFDS's menu drawer
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/min-profil/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My profile")
    expect(page.get_by_label("English")).to_be_checked()
    assert User.objects.get(id=citizen.id).preferred_language == "en"
    clean(page, axe_source, "Min profil in English")

    page.get_by_label("Phone").fill("12 34 56 78")
    page.get_by_label("Dansk").check()  # each language is named in itself, as on the switch
    page.get_by_role("button", name="Save").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_text("Dine oplysninger er gemt.")).to_be_visible()
    citizen.refresh_from_db()
    assert (citizen.preferred_language, citizen.phone) == ("da", "12 34 56 78")
    context.close()
