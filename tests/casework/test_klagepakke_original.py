"""The original decision's own pages in the klagepakke's PDF (when it is a PDF that can be read): put in after
its part, the contents page and "Side N" counting them, each page a tagged Figure in reading order; a file that
is not a readable PDF stays in the zip, and the contents page says so. Read back with pypdf."""

import io
import re
import zipfile

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import services
from complaints import services as complaint_services
from core.uploads import rewritten_pdf
from documents.pdf import page_count, render_pdf
from documents.text import markdown_tree
from tests.casework.conftest import GROUNDS
from tests.documents.reading import catalog, pages, reader, structure_tags

pytestmark = pytest.mark.django_db

ORIGINAL_TEXT = "Kommunen giver afslag på merudgifter efter serviceloven § 41."


def original_decision_pdf() -> bytes:
    """A two-page decision letter as a municipality's own system would make it."""
    body = "\n\n".join([ORIGINAL_TEXT] + [f"Afsnit {n}: " + "Begrundelsen fortsætter. " * 40 for n in range(9)])
    return render_pdf(
        template="documents/text.typ",
        context={"heading": "Afgørelse af 1. oktober", "body": markdown_tree(body)},
        language="da",
        title="Afgørelse af 1. oktober",
    )


def forward(caseworker, complaint, *uploads):
    for title, upload in uploads:
        complaint_services.add_complaint_attachment(
            actor=caseworker, complaint=complaint, title=title, upload=upload, kind="decision"
        )
    services.send_decision(
        actor=caseworker, complaint=complaint, kind="upheld", decision="Vi fastholder afslaget.", **GROUNDS
    )
    reassessment = services.forward_complaint(
        actor=caseworker, complaint=complaint, grounds="Fastholdt efter genvurdering.", appeals_body="Ankestyrelsen"
    )
    return reassessment.klagepakke.open("rb").read(), reassessment


def _part_page(text_pages, title) -> int:
    """The page a part begins on (its heading is the first line under the header)."""
    return next(n for n, text in enumerate(text_pages, start=1) if text.split("\n")[1] == title)


def test_the_original_pdfs_pages_follow_its_part_and_every_page_number_counts_them(caseworker, routed_complaint):
    original = original_decision_pdf()
    count = len(reader(original).pages)
    assert count >= 2
    content, _reassessment = forward(
        caseworker, routed_complaint, ("Afgørelse af 1. oktober", SimpleUploadedFile("afgoerelse.pdf", original))
    )
    text = pages(content)
    part = _part_page(text, "Den oprindelige afgørelse")
    assert (
        f"Bilag 1, Afgørelse af 1. oktober (afgoerelse.pdf), følger her: side {part + 1}–{part + count}"
        in text[part - 1]
    )
    assert text[part].split("\n")[1] == "Afgørelse af 1. oktober"
    assert ORIGINAL_TEXT in text[part] and f"Afgørelse af 1. oktober Side {count}" in text[part + count - 1]
    assert _part_page(text, "Partshøringer") == part + count + 1
    # The contents page and each page's own footer ("Side N") count the inserted pages.
    for title in ["Klagen", "Den oprindelige afgørelse", "Partshøringer", "Genvurdering", "Samtalen", "Bilag"]:
        number = _part_page(text, title)
        assert re.search(rf"{title}[ .]*{number}\b", text[0]), (title, number)
        assert text[number - 1].rstrip().endswith(f"Side {number}")


def test_the_inserted_pages_are_tagged_figures_in_reading_order(caseworker, routed_complaint):
    original = original_decision_pdf()
    count = len(reader(original).pages)
    content, _reassessment = forward(
        caseworker, routed_complaint, ("Afgørelse af 1. oktober", SimpleUploadedFile("afgoerelse.pdf", original))
    )
    tags = structure_tags(content)
    assert tags.count("Figure") == count
    first = tags.index("Figure")
    headings = [i for i, tag in enumerate(tags) if tag == "H2"]
    assert any(i < first for i in headings[2:]) and any(i > first + count - 1 for i in headings)
    assert tags[first : first + count] == ["Figure"] * count
    assert bool(catalog(content)["/MarkInfo"]["/Marked"]) and catalog(content)["/Lang"] == "da"
    with pikepdf.open(io.BytesIO(content)) as pdf:
        tree = pdf.Root.StructTreeRoot
        entries = tree.ParentTree.Nums
        keys = [int(entries[i]) for i in range(0, len(entries), 2)]
        assert len(keys) == len(set(keys)) and int(tree.ParentTreeNextKey) == max(keys) + 1
        figures = []
        for page in pdf.pages:
            figure = dict(zip(keys, [entries[i + 1] for i in range(0, len(entries), 2)], strict=True))[
                int(page.obj.StructParents)
            ]
            if figure[0].get("/S") == "/Figure":
                figures.append(str(figure[0].Alt))
                assert figure[0].Pg.objgen == page.obj.objgen and "/Annots" not in page.obj
        assert figures == [
            f"Den oprindelige afgørelse: Afgørelse af 1. oktober ({n}/{count})" for n in range(1, 1 + count)
        ]


def test_a_file_that_is_not_a_readable_pdf_stays_in_the_zip_and_the_contents_say_so(
    client, caseworker, routed_complaint
):
    scan = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    original = original_decision_pdf()
    content, reassessment = forward(
        caseworker,
        routed_complaint,
        ("Scannet afgørelse", SimpleUploadedFile("scan.png", scan, content_type="image/png")),
        ("Afgørelse af 1. oktober", SimpleUploadedFile("afgoerelse.pdf", original)),
    )
    text = pages(content)
    assert "Kun i zip-filen" in text[0] and "1. Scannet afgørelse (scan.png)" in text[0]
    assert "2. Afgørelse af 1. oktober" not in text[0]  # that one is in the PDF itself
    whole = "\n".join(text)
    assert "Vedlagt som bilag 1 i zip-filen: Scannet afgørelse (scan.png)" in whole and ORIGINAL_TEXT in whole
    client.force_login(caseworker)
    archive = zipfile.ZipFile(io.BytesIO(client.get(reassessment.get_zip_url()).content))
    assert archive.namelist()[1:] == ["01 scan.png", "02 afgoerelse.pdf"]
    assert archive.read("01 scan.png") == scan and archive.read("02 afgoerelse.pdf") == stored(original)


def stored(pdf: bytes) -> bytes:
    """An uploaded PDF as the upload check writes it anew."""
    return rewritten_pdf(SimpleUploadedFile("afgoerelse.pdf", pdf)).read()


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", b"not a pdf", b""])
def test_what_cannot_be_read_as_a_pdf_is_not_put_in(content):
    assert page_count(content) is None
