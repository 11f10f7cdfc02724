"""The agenda and minutes as PDF and page: read back with pypdf, as a reader's PDF tool would."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from pypdf import PdfReader

from committees import demo, services
from committees.documents import render_pdf, text_blocks
from committees.models import Meeting
from committees.selectors import meeting_document
from tests.committees.conftest import add_items

pytestmark = pytest.mark.django_db

LONG = "\n\n".join(["Et langt afsnit om sagen, som fylder godt op på siden. " * 12] * 8)


def pdf_pages(response_or_bytes) -> list[str]:
    content = getattr(response_or_bytes, "content", response_or_bytes)
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def contents(pages: list[str], titles: list[str]) -> dict[str, int]:
    """The page number the table of contents prints for each title (title on one line, its page on the next)."""
    lines = [line.strip() for line in pages[0].splitlines()]
    return {title: int(lines[lines.index(title) + 1]) for title in titles}


def test_contents_print_the_page_where_each_item_begins(client, committee, secretary):
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start="2026-03-24T17:00+01:00", place="lokale 1.D"
    )
    items = add_items(secretary, meeting, 4, prefix="Sag")
    services.update_item(actor=secretary, item=items[1], description=LONG)  # item 2 runs over several pages
    services.publish_agenda(actor=secretary, meeting=meeting)
    pages = pdf_pages(client.get(f"/moeder/{meeting.id}/dokument.pdf"))
    assert pages[0].startswith("DAGSORDEN Demokratieksperimentariet d. 24-03-2026")
    assert "Mødedato" in pages[0] and "Tirsdag d. 24. marts 2026 kl. 17:00" in pages[0]
    assert "Mødested" in pages[0] and "lokale 1.D" in pages[0]
    titles = [f"Sag {n}" for n in range(1, 5)]
    printed = contents(pages, titles)
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
    assert pages[0].startswith("REFERAT")
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
    pages = pdf_pages(render_pdf(meeting_document(user=AnonymousUser(), meeting=meeting)))
    assert pages[0].startswith("REFERAT Demokratieksperimentariet d. 24-03-2015")
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


def test_section_text_becomes_blocks():
    blocks = text_blocks("Baggrund\n\nEt afsnit.\nSamme afsnit.\n\n- en\n- to\n\n1. første\n2. anden")
    assert [block.kind for block in blocks] == ["heading", "paragraph", "bullets", "numbers"]
    assert blocks[2].lines == ("en", "to")
