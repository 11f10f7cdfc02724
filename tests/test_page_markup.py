"""DKFDS's components where a template writes the markup itself (issue 9), checked on every template's source:

- facts about a thing (an event, a complaint, a grant round, a budget project) are one label/value pattern,
  `<dl class="facts">` (static/css/site.css: labels in bold beside their values, stacked on a phone), never a
  raw `<dl>` with the browser's indented `<dd>`;
- a select written by hand is DKFDS's `form-select` in a `form-group`, its label above it (a form's own
  selects get the class from includes/field.html)."""

import re

from tests.test_tables import templates


def test_every_definition_list_is_the_facts_pattern():
    lists = [(path, tag) for path in templates() for tag in re.findall(r"<dl\b[^>]*>", path.read_text())]
    assert len(lists) > 15
    assert [(str(path), tag) for path, tag in lists if tag != '<dl class="facts">'] == []


def test_every_select_written_by_hand_is_dkfds_form_select_below_its_label():
    found = []
    for path in templates():
        text = path.read_text()
        for match in re.finditer(r"<select\b[^>]*>", text):
            found.append(path)
            tag = match.group(0)
            assert 'class="form-select"' in tag, f"{path}: {tag}"
            before = text[: match.start()]
            group = before[before.rfind('<div class="form-group') :]
            select_id = re.search(r'id="([^"]+)"', tag).group(1)
            assert f'<label class="form-label" for="{select_id}">' in group, f"{path}: {tag} has its label above it"
    assert len(found) >= 3
