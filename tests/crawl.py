"""Walking the product as a person does: from the home page, following the links of each HTML page.

Used by the query-count test of every page family (tests/test_page_queries.py) and by bench/pages.py."""

import re
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, resolve

# Not pages of the product's own (the admin, the login doors, files and the language switch).
SKIP = ("/admin/", "/i18n/", "/static/", "/media/", "/mitid/", "/log-ud", "/logout", "/log-ind", "/login")
HREF = re.compile(r'href="([^"#]+)"')


def family(path: str) -> str | None:
    """The URL name of the view answering `path` (a page family), or None."""
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def crawl(client, *, pages: int, per_family: int = 1, answer=None) -> dict[str, str]:
    """address → URL name of the pages reachable by links from the home page that answer 200 with HTML, at most
    `per_family` addresses for each URL name and `pages` in all. `answer(url)` asks for a page (default
    client.get), so a caller can count or time each request."""
    answer = answer or client.get
    found, seen, todo, per = {}, set(), ["/"], defaultdict(int)
    while todo and len(found) < pages:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        name = family(urlsplit(url).path)
        if name is None or per[name] >= per_family:
            continue
        response = answer(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        per[name] += 1
        found[url] = name
        for href in HREF.findall(response.content.decode(errors="replace")):
            parts = urlsplit(urljoin(url, href.replace("&amp;", "&")))
            if parts.netloc in ("", "testserver", "localhost") and not parts.path.startswith(SKIP):
                todo.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found
