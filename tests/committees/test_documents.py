"""The agenda and minutes as PDF and page: read back with pypdf, as a reader's PDF tool would."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from committees import demo, services
from committees.documents import meeting_pdf
from committees.models import Meeting
from committees.selectors import meeting_document
from tests.committees.conftest import add_items
from tests.documents.reading import bookmarks, catalog, fonts, reader, tag_counts, xmp_value
from tests.documents.reading import pages as pdf_pages

pytestmark = pytest.mark.django_db

LONG = "\n\n".join(["Et langt afsnit om sagen, som fylder godt op på siden. " * 12] * 8)


CONTENTS_LINE = re.compile(r"^(?P<title>.+?)[ .]*\.(?P<page>\d+)$")


def contents(pages: list[str]) -> dict[str, int]:
    """The page number the table of contents prints for each title ("Title . . . . 3")."""
    lines = [CONTENTS_LINE.match(line.strip()) for line in pages[0].splitlines()]
    return {line["title"]: int(line["page"]) for line in lines if line}


def body(page: str) -> str:
    """A page's text below the header with the municipality's name."""
    header, _newline, rest = page.partition("\n")
    assert header == "Holbæk Kommune"
    return rest


def test_contents_print_the_page_where_each_item_begins(client, committee, secretary):
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start="2026-03-24T17:00+01:00", place="lokale 1.D"
    )
    items = add_items(secretary, meeting, 4, prefix="Sag")
    services.update_item(actor=secretary, item=items[1], description=LONG)  # item 2 runs over several pages
    services.publish_agenda(actor=secretary, meeting=meeting)
    pages = pdf_pages(client.get(f"/moeder/{meeting.id}/dokument.pdf"))
    assert body(pages[0]).startswith("DAGSORDEN Demokratieksperimentariet d. 24-03-2026")
    assert "Mødedato" in pages[0] and "Tirsdag d. 24. marts 2026 kl. 17:00" in pages[0]
    assert "Mødested" in pages[0] and "lokale 1.D" in pages[0]
    titles = [f"Sag {n}" for n in range(1, 5)]
    printed = contents(pages)
    assert list(printed) == titles
    starts = {}
    for index, text in enumerate(pages, start=1):
        for match in re.finditer(r"Punkt (\d+): (Sag \d)", text):
            starts.setdefault(match.group(2), index)
    assert printed == starts
    assert list(printed.values()) == sorted(printed.values())
    assert printed["Sag 3"] - printed["Sag 2"] > 1, "the long item should span pages"
    assert "BESLUTNING" not in "".join(pages)


def test_public_minutes_hold_no_closed_item_or_internal_attachment(client, minutes_meeting):
    pages = pdf_pages(client.get(f"/moeder/{minutes_meeting.id}/dokument.pdf"))
    text = "\n".join(pages)
    assert body(pages[0]).startswith("REFERAT")
    assert "Punkt 1: Punkt 1" in text and "Offentligt bilag" in text
    assert "Lukket sag" not in text and "Internt notat" not in text
    assert "BESLUTNING I DEMOKRATIEKSPERIMENTARIET DEN" in text
    assert "Udvalget besluttede Punkt 1." in text


def test_members_read_the_closed_item_and_internal_attachment(client, minutes_meeting, member):
    client.force_login(member)
    text = "\n".join(pdf_pages(client.get(f"/moeder/{minutes_meeting.id}/dokument.pdf")))
    assert "Lukket sag om en medarbejder" in text and "Internt notat" in text


def test_the_page_shows_the_same_document(client, minutes_meeting):
    page = client.get(f"/moeder/{minutes_meeting.id}/").content.decode()
    assert "REFERAT" in page and "Indholdsfortegnelse" in page and "INDSTILLING" in page
    assert "Beskrivelse af sagen" in page and "Sagsgang og sagstype" in page
    assert "Lukket sag" not in page and "Internt notat" not in page
    assert "<li>første pind</li>" in page


def test_decisions_stay_out_of_the_public_agenda_until_the_minutes(client, held_meeting, secretary):
    item = held_meeting.items.filter(is_public=True).first()
    services.record_decision(actor=secretary, item=item, decision="Hemmelig indtil referatet.")
    assert "Hemmelig" not in client.get(f"/moeder/{held_meeting.id}/").content.decode()
    assert "Hemmelig" not in "".join(pdf_pages(client.get(f"/moeder/{held_meeting.id}/dokument.pdf")))


def test_the_2015_minutes_read_like_the_seed(committee_from_demo):
    meeting = Meeting.objects.get(committee=committee_from_demo, start__year=2015)
    pages = pdf_pages(meeting_pdf(meeting_document(user=AnonymousUser(), meeting=meeting), language="da"))
    assert body(pages[0]).startswith("REFERAT Demokratieksperimentariet d. 24-03-2015")
    assert "Tirsdag d. 24. marts 2015 kl. 17:00" in pages[0]
    assert "lokale 1.D, Kanalstræde 2" in pages[0]
    text = "\n".join(pages)
    headings = re.findall(r"Punkt (\d+):", text)
    assert headings == ["119", "120", "121", "122", "123"]
    for phrase in (
        "13/37262",
        "15/10481",
        "Statistik for deltagelsen i kommunalvalget i Holbæk Kommune",
        "5 eksempler på samskabelse i Holbæk kommune",
        "Projektudvalget besluttede at udsætte drøftelsen af punktet til næste udvalgs møde",
        "BESLUTNING I DEMOKRATIEKSPERIMENTARIET DEN 24-03-2015",
        "Landdistrikternes Fællesråd",  # Danish letters survive the PDF
    ):
        assert phrase in text, phrase
    assert Meeting.objects.count() == 2  # the 2015 meeting and the upcoming one, once each


@pytest.fixture
def committee_from_demo(db):
    from accounts import demo as accounts_demo

    accounts_demo.seed()
    demo.seed()
    demo.seed()  # twice changes nothing
    return Meeting.objects.get(start__year=2015).committee


def test_the_2015_minutes_are_a_tagged_archival_pdf_in_danish(committee_from_demo):
    meeting = Meeting.objects.get(committee=committee_from_demo, start__year=2015)
    document = meeting_document(user=AnonymousUser(), meeting=meeting)
    content = meeting_pdf(document, language="da")
    tags = tag_counts(content)
    assert tags["H1"] == 1  # the title
    assert tags["H2"] == 6  # "Indholdsfortegnelse" and the five items
    assert tags["H3"] >= 5 * 4  # Sagsgang og sagstype, INDSTILLING, Beskrivelse af sagen, BESLUTNING …
    assert tags["H4"] >= 10  # the items' own subheadings ("### Erfaringer")
    assert tags["L"] >= 5 and tags["LI"] == tags["LBody"] > 10
    assert tags["TOC"] >= 1 and tags["TOCI"] == 5
    assert catalog(content)["/Lang"] == "da"
    assert xmp_value(content, "dc:title") == "REFERAT Demokratieksperimentariet d. 24-03-2015"
    assert bool(catalog(content)["/ViewerPreferences"]["/DisplayDocTitle"])
    assert xmp_value(content, "pdfaid:part") == "2" and xmp_value(content, "pdfuaid:part") == "1"
    assert all(fonts(content).values())
    assert bookmarks(content) == [
        "Punkt 119: Drøftelse - Myndighed på ny måde, mere for og med borgerne",
        "Punkt 120: Drøftelse af Holbæk Kommunes valgfremmeindsats",
        "Punkt 121: Drøftelse - Folkemøde 2015",
        "Punkt 122: Drøftelse - Samskabelse",
        "Punkt 123: Orientering - Status på aktiviteter i Demokratiekperimentariet",
    ]


def test_a_reader_who_chose_english_gets_the_minutes_in_english(client, minutes_meeting):
    response = client.get(f"/moeder/{minutes_meeting.id}/dokument.pdf", HTTP_ACCEPT_LANGUAGE="en")
    pages = pdf_pages(response)
    assert catalog(response.content)["/Lang"] == "en"
    assert body(pages[0]).startswith("MINUTES Demokratieksperimentariet")
    assert "\nContents\n" in pages[0] and "Meeting date" in pages[0]
    assert "Page 1" in pages[0]
    assert xmp_value(response.content, "dc:title").startswith("MINUTES ")


def test_markdown_links_lists_and_tables_reach_page_and_pdf_alike(client, committee, secretary):
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start="2026-03-24T17:00+01:00", place="lokale 1.D"
    )
    (item,) = add_items(secretary, meeting, 1, prefix="Sag")
    services.update_item(
        actor=secretary,
        item=item,
        description=(
            "Se [planen](https://example.dk/plan)\n\n- første\n- anden\n\n"
            "| Post | Beløb |\n|---|--:|\n| Pulje | 75.000 kr. |\n\n<script>alert('x')</script>"
        ),
    )
    services.publish_agenda(actor=secretary, meeting=meeting)
    page = client.get(f"/moeder/{meeting.id}/").content.decode()
    assert '<p>Se <a href="https://example.dk/plan" rel="noopener noreferrer">planen</a></p>' in page
    assert "<li>første</li>" in page and "<th>Beløb</th>" in page and "<td>75.000 kr.</td>" in page
    assert "<script>alert" not in page and "<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>" in page
    pdf = client.get(f"/moeder/{meeting.id}/dokument.pdf").content
    tags = tag_counts(pdf)
    assert tags["Table"] == 1 and tags["TH"] == 2 and tags["TD"] == 2 and tags["Link"] >= 1
    text = "\n".join(pdf_pages(pdf))
    assert "Se planen" in text and "<script>alert('x')</script>" in text  # shown as text
    uris = [
        str(annotation.get_object()["/A"]["/URI"])
        for page_object in reader(pdf).pages
        for annotation in page_object.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert uris == ["https://example.dk/plan"]
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf


def test_a_draft_never_prints_punkt_dash(client, planned_meeting, member):
    client.force_login(member)
    page = client.get(f"/moeder/{planned_meeting.id}/").content.decode()
    pdf_text = "\n".join(pdf_pages(client.get(f"/moeder/{planned_meeting.id}/dokument.pdf")))
    for shown in (page, pdf_text):
        assert "Punkt –" not in shown and "Punkt -" not in shown
        assert "Punkt 1" in shown  # the items' titles, headed by their title alone
    assert "Udkast" in pdf_text
