"""documents.pdf.render_pdf: every PDF tagged (PDF/UA-1), archival (PDF/A-2a), titled, in the reader's language."""

import pytest

from documents.pdf import render_pdf
from documents.text import markdown_tree
from tests.documents.reading import bookmarks, catalog, fonts, pages, structure_tags, tag_counts, xmp_value

TEXT = """Se [planen](https://example.dk/plan) for **detaljer**.

### Baggrund

- en
- to

1. første
2. anden

| Post | Beløb |
|------|------:|
| Pulje | 75.000 kr. |
"""


def letter(*, language: str = "da", text: str = TEXT, title: str = "Afgørelse om tilskud") -> bytes:
    return render_pdf(
        template="documents/text.typ",
        context={"heading": title, "body": markdown_tree(text)},
        language=language,
        title=title,
    )


def test_the_pdf_is_tagged_with_headings_lists_tables_and_links_in_reading_order():
    content = letter()
    tags = structure_tags(content)
    counts = tag_counts(content)
    assert tags[0] == "Document"
    assert counts["H1"] == 1 and counts["H2"] == 1  # the title; "### Baggrund" one level below it
    assert counts["L"] == 2 and counts["LI"] == 4 and counts["LBody"] == 4
    assert counts["Table"] == 1 and counts["TH"] == 2 and counts["TD"] == 2 and counts["TR"] == 2
    assert counts["Link"] == 1
    reading = [tag for tag in tags if tag in ("H1", "H2", "L", "Table")]
    assert reading == ["H1", "H2", "L", "L", "Table"]
    assert bool(catalog(content)["/MarkInfo"]["/Marked"])


def test_the_pdf_declares_pdf_a_2a_and_pdf_ua_1_with_title_and_language():
    content = letter()
    assert xmp_value(content, "pdfaid:part") == "2"
    assert xmp_value(content, "pdfaid:conformance") == "A"
    assert xmp_value(content, "pdfuaid:part") == "1"
    assert xmp_value(content, "dc:title") == "Afgørelse om tilskud"
    assert xmp_value(content, "dc:language") == "da"
    assert catalog(content)["/Lang"] == "da"
    assert bool(catalog(content)["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "/OutputIntents" in catalog(content)


def test_every_font_is_embedded():
    used = fonts(letter())
    assert used and all(used.values()), used
    assert any("IBMPlexSans" in name for name in used)


@pytest.mark.parametrize(("language", "page_word"), [("da", "Side 1"), ("en", "Page 1"), ("en-gb", "Page 1")])
def test_the_language_is_the_readers(language, page_word):
    content = letter(language=language)
    assert catalog(content)["/Lang"] == language[:2]
    assert page_word in pages(content)[0]


def test_an_unknown_language_falls_back_to_danish():
    assert catalog(letter(language="xx"))["/Lang"] == "da"


def test_the_municipality_from_the_setting_heads_every_page_and_signs_the_metadata(settings):
    settings.MUNICIPALITY_NAME = "Roskilde Kommune"
    content = letter(text="\n\n".join(["Et langt afsnit. " * 80] * 12))
    texts = pages(content)
    assert len(texts) > 1
    assert all(text.splitlines()[0] == "Roskilde Kommune" for text in texts)
    assert xmp_value(content, "dc:creator") == "Roskilde Kommune"


def test_headings_of_the_text_become_bookmarks_only_where_the_template_asks():
    assert bookmarks(letter()) == ["Afgørelse om tilskud"]


def test_text_is_typeset_as_text_never_as_typst_markup():
    content = letter(text='#panic("boom") *ikke fed* $x$ <script>alert(1)</script> #import "/etc/passwd"')
    text = pages(content)[0]
    assert '#panic("boom")' in text and "<script>alert(1)</script>" in text and '#import "/etc/passwd"' in text


def test_an_unknown_template_is_an_error():
    from django.template import TemplateDoesNotExist

    with pytest.raises(TemplateDoesNotExist):
        render_pdf(template="documents/nothing.typ", context={}, language="da", title="x")
