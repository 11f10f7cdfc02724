# ruff: noqa: F811 - the hearings fixtures are imported by name and used as arguments
"""A council member answers a hearing by section for her council in a real browser; the hearing pages are
axe-clean and fit a 375 px screen."""

import pytest
from django.urls import reverse

from hearings.models import Answer
from tests.e2e.axe import violations
from tests.e2e.live import follow
from tests.e2e.sessions import browser_context_for
from tests.hearings.conftest import (  # noqa: F401 - fixtures
    disability_council,
    elder_council,
    elder_member,
    make_hearing,
    open_hearing,
    staff,
)

pytestmark = pytest.mark.django_db(transaction=True)


def fits_375(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_council_member_answers_a_section_for_her_council(
    live_stack, browser, axe_source, open_hearing, elder_member, elder_council
):
    context = browser_context_for(browser, live_stack, elder_member)
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(reverse("hearings:list"))
    assert violations(page, axe_source) == [] and fits_375(page)
    follow(page, f"text={open_hearing.title}")
    assert violations(page, axe_source) == [] and fits_375(page)
    follow(page, "text=Svar på afsnit 2")
    assert violations(page, axe_source) == [] and fits_375(page)
    page.get_by_label("Ældrerådet").check()
    page.get_by_label("Dit høringssvar").fill("Ældrerådet bakker op om afsnit 2, men ønsker længere frister.")
    follow(page, "text=Send høringssvaret")
    assert "Tak for dit høringssvar" in page.content()
    answer = Answer.objects.get()
    assert answer.council_id == elder_council.id and answer.section.number == 2
    context.close()


def test_the_department_pages_are_axe_clean(live_stack, browser, axe_source, open_hearing, staff):
    from tests.hearings.conftest import past_deadline

    past_deadline(open_hearing)
    page = browser_context_for(browser, live_stack, staff).new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    for url in (
        reverse("hearings:manage", args=[open_hearing.id]),
        reverse("hearings:note-edit", args=[open_hearing.id]),
        reverse("hearings:note", args=[open_hearing.id]),
        reverse("hearings:edit", args=[open_hearing.id]),
        reverse("hearings:create"),
    ):
        page.goto(url)
        assert violations(page, axe_source) == [], url
        assert fits_375(page), url
