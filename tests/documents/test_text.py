"""documents.text: the safe Markdown subset, the same for the page and the PDF."""

from html.parser import HTMLParser

from django.template import Context, Template

from documents.text import markdown_html, markdown_tree


def test_a_short_paragraph_with_a_link_is_a_paragraph_with_a_link():
    html = markdown_html("Se [planen](https://example.dk/plan)")
    assert html == '<p>Se <a href="https://example.dk/plan" rel="noopener noreferrer">planen</a></p>'
    assert markdown_tree("Se [planen](https://example.dk/plan)") == [
        {
            "tag": "p",
            "children": [
                "Se ",
                {"tag": "a", "href": "https://example.dk/plan", "rel": "noopener noreferrer", "children": ["planen"]},
            ],
        }
    ]


def test_a_bare_address_becomes_a_link():
    html = markdown_html("Tallene står på emnesiden: https://kommune.example.dk/emner/vej/")
    assert html == (
        '<p>Tallene står på emnesiden: <a href="https://kommune.example.dk/emner/vej/" rel="noopener noreferrer">'
        "https://kommune.example.dk/emner/vej/</a></p>"
    )


def test_a_short_line_is_a_paragraph_and_a_heading_is_asked_for():
    assert markdown_html("Baggrund") == "<p>Baggrund</p>"
    assert markdown_html("## Baggrund") == "<h4>Baggrund</h4>"  # always below the section it is in
    assert markdown_tree("# Baggrund") == [{"tag": "h4", "children": ["Baggrund"]}]


def test_lists_line_breaks_bold_and_italic():
    html = markdown_html("Linje et\nlinje to\n\n- en\n- **to**\n\n3. tre\n4. *fire*")
    assert html == (
        "<p>Linje et<br>\nlinje to</p>\n<ul>\n<li>en</li>\n<li><strong>to</strong></li>\n</ul>\n"
        '<ol start="3">\n<li>tre</li>\n<li><em>fire</em></li>\n</ol>'
    )
    tree = markdown_tree("Linje et\nlinje to\n\n- en\n- to")
    assert tree[0] == {"tag": "p", "children": ["Linje et", {"tag": "br", "children": []}, "linje to"]}
    assert tree[1] == {"tag": "ul", "children": [{"tag": "li", "children": ["en"]}, {"tag": "li", "children": ["to"]}]}


def test_tables_keep_their_header():
    tree = markdown_tree("| Post | Beløb |\n|---|--:|\n| Pulje | 75.000 kr. |")
    assert tree == [{"tag": "table", "header": [["Post"], ["Beløb"]], "rows": [[["Pulje"], ["75.000 kr."]]]}]
    assert "<th>Beløb</th>" in markdown_html("| Post | Beløb |\n|---|--:|\n| Pulje | 75.000 kr. |")
    assert "style" not in markdown_html("| Post | Beløb |\n|---|--:|\n| Pulje | 75.000 kr. |")


def elements(html: str) -> list[tuple[str, dict]]:
    """The elements a browser would build from the HTML, with their attributes."""
    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collect().feed(html)
    return found


def test_html_and_scripts_are_text_never_markup():
    hostile = (
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>\n\n'
        "[klik](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) ![billede](https://example.dk/x.png)"
        ' <p onclick="alert(5)">'
    )
    html = markdown_html(hostile)
    built = elements(html)
    assert {tag for tag, _attrs in built} <= {"p", "a"}
    assert all(set(attrs) <= {"href", "rel"} for _tag, attrs in built)
    assert [attrs["href"] for tag, attrs in built if tag == "a"] == ["https://example.dk/x.png"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    tree = markdown_tree(hostile)
    assert "<script>alert(1)</script>" in tree[0]["children"][0]  # text, which the PDF prints as text


def test_the_template_filter_is_the_same_rendering():
    rendered = Template("{% load documents %}{{ text|markdown }}").render(Context({"text": "Se [x](https://e.dk) <b>"}))
    assert rendered == markdown_html("Se [x](https://e.dk) <b>")
    assert "&lt;b&gt;" in rendered


def test_empty_text_is_nothing():
    assert markdown_html("") == "" and markdown_tree("") == []
    assert markdown_html(None) == ""
