# ruff: noqa: F811 - the events fixtures are imported by name and used as arguments
"""A citizen registers for a full event in a real browser and is put on the waiting list; another cancels and
she moves up. The event pages are axe-clean, for citizens and for staff, and fit a 375 px screen."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from events import services
from tests.e2e.axe import violations
from tests.e2e.live import follow
from tests.e2e.sessions import browser_context_for
from tests.events.conftest import make_event, organiser, shift  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)


def fits_375(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_citizen_waits_for_a_full_event_and_moves_up(
    live_stack,
    browser,
    axe_source,
    make_event,
    citizen,
    other_citizen,
):
    the_event = make_event(capacity=1)
    services.register(user=other_citizen, event=the_event)  # the only seat is taken

    context = browser_context_for(browser, live_stack, citizen)
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(reverse("events:list"))
    assert violations(page, axe_source) == [] and fits_375(page)
    follow(page, f"text={the_event.title}")
    assert "0 ledige pladser af 1" in page.content()
    assert violations(page, axe_source) == [] and fits_375(page)
    follow(page, "text=Skriv mig på ventelisten")
    assert "Du står på ventelisten som nummer 1." in page.content()
    assert violations(page, axe_source) == []

    other = browser_context_for(browser, live_stack, other_citizen).new_page()
    other.goto(reverse("events:detail", args=[the_event.id]))
    follow(other, "text=Afmeld mig")
    assert "Du er afmeldt." in other.content()

    page.goto(reverse("events:mine"))
    code = the_event.registrations.get(user=citizen).code
    assert "Tilmeldt" in page.content() and code in page.content()
    assert violations(page, axe_source) == [] and fits_375(page)
    page.goto(reverse("events:detail", args=[the_event.id]))
    assert page.locator("#code").inner_text() == code
    expect(page.get_by_role("button", name="Afmeld mig")).to_be_visible()
    context.close()


def test_the_staff_pages_are_axe_clean(live_stack, browser, axe_source, make_event, organiser, secretary, citizen):
    the_event = make_event()
    services.register(user=citizen, event=the_event)
    services.add_participant(actor=organiser, event=the_event, user=secretary, role="councillor", task="Oplæg")
    shift(the_event, days=-20)
    context = browser_context_for(browser, live_stack, organiser)
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    for path in [
        reverse("events:manage"),
        reverse("events:create"),
        reverse("events:edit", args=[the_event.id]),
        reverse("events:attendance", args=[the_event.id]),
        reverse("events:report", args=[the_event.id]),
        reverse("events:planning", args=[the_event.id]),
    ]:
        page.goto(path)
        assert violations(page, axe_source) == [], path
    page.goto(reverse("events:create"))
    page.get_by_role("button", name="Gem arrangementet").click()
    page.wait_for_selector("#error-summary")
    assert violations(page, axe_source) == [], "event form with errors"
    page.goto(reverse("events:attendance", args=[the_event.id]))
    page.fill("#id_code", "FORKERT")
    follow(page, "main form button[type=submit] >> text=Kryds af")
    assert "Koden FORKERT hører ikke til dette arrangement." in page.content()
    assert violations(page, axe_source) == [], "attendance with an error"
    context.close()


def test_the_report_links_a_hearing_answer_in_the_browser_and_the_event_page_shows_it(
    live_stack, browser, axe_source, make_event, organiser, committee, family, citizen
):
    from datetime import timedelta

    from django.utils import timezone

    from hearings import services as hearings

    today = timezone.localdate()
    hearing = hearings.create_hearing(
        actor=organiser,
        committee=committee,
        department=family,
        title="Forslag til ny dialogmodel",
        summary="Kommunen foreslår en ny måde at tale med borgerne på.",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=20),
        answers_public_at_once=True,
    )
    hearings.add_section(actor=organiser, hearing=hearing, title="Tidlig kontakt", body="Udkastets tekst.")
    hearing = hearings.publish_hearing(actor=organiser, hearing=hearing)
    section = hearing.sections.get()
    hearings.answer_hearing(author=citizen, hearing=hearing, section=section, body="Ring til borgeren først.")
    the_event = shift(make_event(hearing=hearing), days=-20)

    context = browser_context_for(browser, live_stack, organiser)
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(reverse("events:report", args=[the_event.id]))
    assert violations(page, axe_source) == [] and fits_375(page)
    page.fill("#id_report", "Tyve borgere kom og gav deres høringssvar.")
    page.get_by_label("Ring til borgeren først.", exact=False).check()
    follow(page, "main form button[type=submit] >> text=Gem referatet")
    assert "Referatet er gemt" in page.content()
    context.close()

    anonymous = browser.new_context(base_url=live_stack.url, locale="da-DK").new_page()
    anonymous.set_viewport_size({"width": 375, "height": 800})
    anonymous.goto(reverse("events:detail", args=[the_event.id]))
    assert "Høringssvar fra arrangementet" in anonymous.content() and "Ring til borgeren først." in anonymous.content()
    assert violations(anonymous, axe_source) == [] and fits_375(anonymous)
    anonymous.context.close()
