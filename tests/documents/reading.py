"""Reading a PDF back as an assistive technology or an archive checker would: with pypdf, no mocks."""

import io
import xml.etree.ElementTree as ET
from collections import Counter

from pypdf import PdfReader

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def reader(content) -> PdfReader:
    return PdfReader(io.BytesIO(getattr(content, "content", content)))


def pages(content) -> list[str]:
    return [page.extract_text() for page in reader(content).pages]


def structure_tags(content) -> list[str]:
    """The structure types of the tagged PDF's structure tree, in reading (document) order."""
    found = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            found.append(str(node["/S"])[1:])
        kids = node.get("/K")
        if kids is None:
            return
        kids = kids.get_object()
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    walk(reader(content).trailer["/Root"]["/StructTreeRoot"])
    return found


def tag_counts(content) -> Counter:
    return Counter(structure_tags(content))


def xmp(content) -> ET.Element:
    metadata = reader(content).trailer["/Root"]["/Metadata"].get_object().get_data()
    return ET.fromstring(metadata)  # noqa: S314 - the XMP of a PDF the product itself just made


def xmp_value(content, path: str) -> str:
    element = xmp(content).find(f".//{path}", NS)
    assert element is not None, path
    return "".join(element.itertext()).strip()


def fonts(content) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded in the file."""
    found = {}
    for page in reader(content).pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants.get_object()[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def bookmarks(content) -> list[str]:
    return [entry.title for entry in reader(content).outline]


def catalog(content):
    return reader(content).trailer["/Root"]


def all_bookmarks(content) -> list[str]:
    """Every bookmark's title, nested ones included, in document order."""

    def flatten(entries):
        for entry in entries:
            if isinstance(entry, list):
                yield from flatten(entry)
            else:
                yield entry.title

    return list(flatten(reader(content).outline))
