"""A citizen votes on a budget in a real browser: refused over the amount, then a valid vote; axe-clean pages."""

import pytest

from tests.budgets.conftest import budget, make_budget, propose, resident, staff, voting  # noqa: F401 - fixtures
from tests.e2e.axe import violations
from tests.e2e.live import follow
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_citizen_votes_in_the_browser(live_stack, browser, axe_source, voting, resident):  # noqa: F811
    the_budget, projects = voting
    context = browser_context_for(browser, live_stack, resident)
    page = context.new_page()
    page.goto(f"/borgerbudgetter/{the_budget.slug}/")
    assert violations(page, axe_source) == []
    follow(page, "text=Stem nu")
    assert violations(page, axe_source) == []
    # Legeplads 300.000 + lys 220.000 + bænke 50.000 = 570.000 kr.: over the 500.000 kr.
    for key in ("legeplads", "lys", "bænke"):
        page.get_by_label(projects[key].title, exact=False).check()
    follow(page, "main button[type=submit]")
    assert "Du har valgt projekter for 570.000 kr., men budgettet er kun på 500.000 kr. i alt." in page.content()
    assert violations(page, axe_source) == []
    page.get_by_label(projects["legeplads"].title, exact=False).uncheck()
    follow(page, "main button[type=submit]")
    assert "Din stemme er gemt." in page.content()
    assert "Du har stemt" in page.content()
    assert page.get_by_label(projects["lys"].title, exact=False).is_checked()
    assert not page.get_by_label(projects["legeplads"].title, exact=False).is_checked()
    page.goto(f"/borgerbudget-projekter/{projects['bro'].id}/")
    assert "Kan ikke gennemføres" in page.content()
    assert violations(page, axe_source) == []
    context.close()
