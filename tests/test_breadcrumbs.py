"""One breadcrumb on every page (issue 9): DKFDS's items, each with its chevron on one line, the current page
without a link; none on the front page itself. Checked on every template's `{% block crumbs %}` and on the
partials they include, so a page written with a bare `<li>` (a vertical list without chevrons) fails here."""

import re
from pathlib import Path

import pytest
from django.conf import settings

BLOCK = re.compile(r"{% block crumbs %}(.*?){% endblock %}", re.S)
ICON = '{% include "includes/icon.html" with name="chevron-right" %}'


def crumb_sources() -> list[tuple[str, str]]:
    base = Path(settings.BASE_DIR)
    found = []
    for path in sorted(base.glob("*/templates/**/*.html")):
        if ".venv" in path.parts:
            continue
        text = path.read_text()
        where = str(path.relative_to(base))
        if "crumb" in path.name:
            found.append((where, text.split("%}", 1)[1] if text.startswith("{% load") else text))
        found += [(where, block) for block in BLOCK.findall(text)]
    return found


def test_there_are_crumbs_to_check():
    assert len(crumb_sources()) > 80


@pytest.mark.parametrize("where,crumbs", crumb_sources(), ids=[where for where, _c in crumb_sources()])
def test_each_crumb_is_the_dkfds_item_with_its_chevron(where, crumbs):
    items = re.findall(r"<li\b[^>]*>.*?</li>", crumbs, re.S)
    assert items or "include" in crumbs, where
    for item in items:
        assert item.startswith('<li class="breadcrumbs__list-item"'), f"{where}: {item}"
        assert ICON in item, f"{where}: {item} has no chevron"
        links = re.findall(r"<a\b[^>]*>", item)
        if 'aria-current="page"' in item:
            assert not links, f"{where}: the current page is not a link"
        else:
            assert links and all('class="breadcrumbs__link"' in a for a in links), f"{where}: {item}"


@pytest.mark.django_db
def test_the_front_page_has_no_breadcrumb(client):
    html = client.get("/").content.decode()
    assert "<h1>" in html
    assert "breadcrumbs" not in html


@pytest.mark.django_db
def test_a_page_below_has_one(client):
    html = client.get("/arrangementer/").content.decode()
    assert 'class="breadcrumbs d-print-none"' in html and "breadcrumbs__link" in html
