"""At 375 px no page is wider than the screen (issue 9, journey 15): each role walks the product from the home
page by its links in Chromium (tests/crawl.py, one page per page family), and every page it reaches must fit."""

import re
from urllib.parse import urlsplit

import pytest

from tests.crawl import crawl
from tests.e2e.sessions import browser_context_for

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
PAGES_PER_ROLE = 30
# Files (iCalendar, PDF, CSV, a download of her data): the browser downloads them, there is no page to measure.
A_FILE = re.compile(r"\.[a-z]{2,4}$|/hent/$")


class Shown:
    """What tests/crawl.py reads of an answer, from the browser's page."""

    def __init__(self, response, html: str):
        self.status_code = response.status if response else 0
        self.headers = response.headers if response else {}
        self.content = html.encode()

    def get(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


def too_wide(page, *, pages: int) -> dict[str, int]:
    """The walked addresses whose page is wider than the phone, with their width."""
    wide = {}

    def answer(url):
        parts = urlsplit(url)
        if A_FILE.search(parts.path) or "format=" in parts.query:
            return Shown(None, "")
        response = page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[url] = width
        return Shown(response, page.content())

    reached = crawl(None, pages=pages, answer=answer)
    assert len(reached) >= 5, reached  # the walk got somewhere
    return wide


@pytest.mark.parametrize("role", [None, "citizen", "lead", "secretary", "moderator"])
def test_no_page_a_role_reaches_is_wider_than_a_phone(request, live_stack, browser, role, routed_complaint):
    if role is None:
        context = browser.new_context(base_url=live_stack.url, locale="da-DK", viewport=PHONE)
    else:
        context = browser_context_for(browser, live_stack, request.getfixturevalue(role), viewport=PHONE)
    page = context.new_page()
    assert too_wide(page, pages=PAGES_PER_ROLE) == {}
    context.close()
