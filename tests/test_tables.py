"""Every table of the product reads at 375 px (issue 9): a list of rows stacks on a phone (DKFDS's
`table table--responsive-headers`, each cell's header repeated in `data-title`), with a caption and scoped
headers. Two kinds keep their layout, each for a reason written here:

- `table--borderless`: a two-column label/value list (a summary before a confirmation); it fits a phone as it is.
- `figures`: a matrix of numbers read across months or weeks, beside its chart, in a scroll region labelled by
  its caption (`role="region"`, `aria-labelledby`, `tabindex="0"`); stacked, a month's twelve numbers could no
  longer be compared with the next month's.

Checked on the template sources, so a new page's table is held to it before anyone walks to it."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
CELL = re.compile(r"<(td|th)\b([^>]*)>")
ROW = re.compile(r"<tr\b.*?</tr>", re.S)


def templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    return sorted(
        path
        for path in base.glob("**/templates/**/*.html")
        if not {".venv", ".local", "node_modules", "static"} & set(path.relative_to(base).parts)
    )


def tables() -> list[tuple[str, str]]:
    found = []
    for path in templates():
        text = path.read_text()
        for match in TABLE.finditer(text):
            found.append((f"{path.relative_to(settings.BASE_DIR)}:{text.count(chr(10), 0, match.start()) + 1}", text))
    return found


def table_at(where: str, text: str) -> str:
    line = int(where.rsplit(":", 1)[1])
    start = sum(len(part) + 1 for part in text.split("\n")[: line - 1])
    return TABLE.search(text, start).group(0)


def body_rows(table: str) -> list[str]:
    """The rows of tbody written in the table itself."""
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.S)
    return ROW.findall(body.group(1)) if body else []


def included_rows(table: str) -> list[str]:
    """The rows of a template the loop includes (`_representation_row.html`)."""
    base = Path(settings.BASE_DIR)
    rows = []
    for name in re.findall(r'{% include "([^"]+)"', re.search(r"<tbody>(.*?)</tbody>", table, re.S).group(1)):
        for candidate in base.glob(f"*/templates/{name}"):
            rows += ROW.findall(candidate.read_text())
    return rows


def test_the_product_has_tables_to_check():
    assert len(tables()) > 20


@pytest.mark.parametrize("where,text", tables(), ids=[where for where, _text in tables()])
def test_every_table_stacks_on_a_phone_or_says_why_not(where, text):
    table = table_at(where, text)
    opening = re.match(r"<table\b[^>]*>", table).group(0)
    if "table--borderless" in opening:
        assert all('scope="row"' in th for th in re.findall(r"<th\b[^>]*>", table)), where
        return
    before = text[: text.index(table)]
    if " figures" in opening:
        region = before[before.rfind("<div") :]
        assert 'role="region"' in region and "aria-labelledby" in region and 'tabindex="0"' in region, where
        assert "<caption" in table, where
        return
    assert "table--responsive-headers" in opening, f"{where}: a list of rows stacks on a phone"
    assert "<caption" in table, f"{where}: a caption (visible or sr-only) names the table"
    head = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
    assert all("scope=" in th for th in re.findall(r"<th\b[^>]*>", head)), f"{where}: headers are scoped"
    rows = body_rows(table) + included_rows(table)
    assert rows, where
    for row in rows:
        cells = CELL.findall(row)
        if any("colspan" in attrs for _tag, attrs in cells):
            continue  # "Nothing yet" across the table: no column to name.
        headers = re.findall(r"<th\b[^>]*>(.*?)</th>", head, re.S)
        for (tag, attrs), header in zip(cells, headers, strict=False):
            if "sr-only" in header:
                continue  # An action's column: the button names itself.
            assert "data-title=" in attrs, f"{where}: <{tag}{attrs}> repeats its header in data-title"
