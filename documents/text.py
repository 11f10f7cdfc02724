"""Text people write (agenda sections, decisions, letters) as a safe subset of Markdown.

One parse serves the page and the PDF: markdown-it-py turns the text into HTML (raw HTML, images and
code blocks switched off), nh3 keeps only the tags below, and the PDF is drawn from that same
sanitised HTML, read back into a small tree (`markdown_tree`) that `documents/blocks.typ` typesets.

The subset: paragraphs (a single line break stays a line break), **bold**, *italic*, links
(http, https, mailto; a bare https://… address becomes a link too), bullet and numbered lists,
tables, and headings (`### Baggrund`): on the page always <h4> (the document's title, its parts and
their sections are the first three); in the PDF at the level the template asks for.
"""

import re
from html.parser import HTMLParser

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

HEADING = "h4"
TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", HEADING, "table", "thead", "tbody", "tr", "th", "td"}
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
WHITESPACE = re.compile(r"\s+")
HOLD_TEXT = {"p", "li", "th", "td", HEADING, "strong", "em", "a"}

_parser = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": True, "typographer": False})
    .enable(["table", "linkify"])
    .disable(["image", "code", "fence", "backticks", "lheading", "hr", "html_block", "html_inline"])
)


def markdown_html(text: str) -> SafeString:
    """The text as sanitised HTML for a page."""
    tokens = _parser.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = HEADING
    html = _parser.renderer.render(tokens, _parser.options, {})
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    return mark_safe(clean.strip())  # noqa: S308 - nh3 keeps only the tags and attributes above


def markdown_tree(text: str) -> list:
    """The same sanitised HTML as a tree for the PDF: a node is a string or {"tag", "children", …}.

    Tables come as {"tag": "table", "header": [cells], "rows": [[cells]]}, a cell being a list of nodes.
    """
    reader = _TreeReader()
    reader.feed(markdown_html(text))
    reader.close()
    return [_normalise(node) for node in reader.root["children"]]


class _TreeReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "root", "children": []}
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "children": []}
        node.update((name, value) for name, value in attrs if value is not None)
        self.stack[-1]["children"].append(node)
        if tag != "br":
            self.stack.append(node)

    def handle_endtag(self, tag):
        if tag != "br" and len(self.stack) > 1 and self.stack[-1]["tag"] == tag:
            self.stack.pop()

    def handle_data(self, data):
        parent = self.stack[-1]
        if not data.strip() and parent["tag"] not in HOLD_TEXT:
            return  # the newlines between blocks
        siblings = parent["children"]
        if siblings and isinstance(siblings[-1], dict) and siblings[-1]["tag"] == "br":
            data = data.lstrip()  # the line break's own newline
        if data:
            siblings.append(WHITESPACE.sub(" ", data))


def _normalise(node):
    if isinstance(node, str):
        return node
    if node["tag"] == "table":
        sections = {child["tag"]: child["children"] for child in node["children"] if isinstance(child, dict)}
        header = [_cells(row) for row in sections.get("thead", [])]
        rows = [_cells(row) for row in sections.get("tbody", [])]
        return {"tag": "table", "header": header[0] if header else [], "rows": rows}
    return {**node, "children": [_normalise(child) for child in node["children"]]}


def _cells(row: dict) -> list:
    return [[_normalise(child) for child in cell["children"]] for cell in row["children"] if isinstance(cell, dict)]
