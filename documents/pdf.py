"""Every PDF the product makes: tagged (PDF/UA-1) and archival (PDF/A-2a), typeset by Typst.

    render_pdf(template="committees/meeting.typ", context={...}, language="da", title="REFERAT …")

`template` names a Typst file in an app's `templates/` folder, found like a Django template. It reads
its data with `#let doc = json(bytes(sys.inputs.context))` (the context as JSON: text stays text,
nothing in it is read as Typst markup) and may import `/documents/templates/documents/blocks.typ`
to typeset `documents.text.markdown_tree` output. The renderer wraps it in the shared layout
(`documents/base.typ`): A4, IBM Plex Sans embedded, the municipality's name (MUNICIPALITY_NAME) in
the header, the title and "Side N" in the footer, the document's title and language (/Lang) in the
PDF's catalogue and XMP metadata, and headings as bookmarks. Structure tags (headings, paragraphs,
lists, tables, links, the outline), reading order and marking the header and footer as artifacts
are Typst's; the PDF/A and PDF/UA identification it writes into the XMP metadata.

`insert_pages` puts the pages of an uploaded PDF into one the product made (pikepdf: qpdf in its wheel), the
page numbering and the structure tree kept whole.

The Typst compiler is the PyPI package `typst` (a self-contained wheel, no system library) and the
font the PyPI package `fontpkg-ibm-plex-sans`, so this works on a machine that has only Python.
"""

import io
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import fontpkg_ibm_plex_sans
import pikepdf
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template import TemplateDoesNotExist
from django.utils import translation
from django.utils.translation import gettext as _

ROOT = Path(settings.BASE_DIR)
BASE = "/documents/templates/documents/base.typ"
STANDARDS = ["a-2a", "ua-1"]
LANGUAGES = {"da", "en"}
FONT_PATHS = [str(fontpkg_ibm_plex_sans.ROOT / "files")]

_local = threading.local()


def render_pdf(*, template: str, context: dict, language: str, title: str) -> bytes:
    """The PDF of `template` filled with `context`, in `language` ("da" or "en"), titled `title`."""
    language = language.split("-")[0] if language else settings.LANGUAGE_CODE
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        meta = {
            "title": title,
            "lang": language,
            "municipality": settings.MUNICIPALITY_NAME,
            "page": _("Side"),
        }
    main = f"#import {json.dumps(BASE)}: layout\n#show: layout\n#include {json.dumps(_typst_path(template))}\n"
    return _compiler().compile(
        main.encode(),
        format="pdf",
        sys_inputs={"meta": json.dumps(meta), "context": json.dumps(context, cls=DjangoJSONEncoder)},
        pdf_standards=STANDARDS,
    )


def _typst_path(template: str) -> str:
    """The template's path inside the Typst root (the project folder), as Typst imports it: "/app/templates/…"."""
    for config in apps.get_app_configs():
        candidate = Path(config.path) / "templates" / template
        if candidate.is_file() and candidate.resolve().is_relative_to(ROOT):
            return "/" + candidate.resolve().relative_to(ROOT).as_posix()
    raise TemplateDoesNotExist(template)


def _compiler() -> "typst.Compiler":  # noqa: F821 - typst is imported below
    """One compiler per thread (it is not shared across threads), its fonts read once."""
    import typst  # here, not at start-up: only a process that makes a PDF pays for loading the compiler

    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = _local.compiler = typst.Compiler(root=str(ROOT), font_paths=FONT_PATHS, ignore_system_fonts=True)
    return compiler


# Putting the pages of another PDF (one a citizen or a caseworker uploaded) into a PDF the product made --------


@dataclass(frozen=True)
class Insert:
    """A PDF to put in, `content` its bytes, `alt` what its pages are (the tagged Figure's alternative text)."""

    content: bytes
    alt: str


def page_count(content: bytes) -> int | None:
    """The number of pages of an uploaded PDF, or None when it is not one that can be put in (not a PDF,
    damaged, encrypted or empty)."""
    try:
        with pikepdf.open(io.BytesIO(content)) as pdf:
            return len(pdf.pages) or None
    except (pikepdf.PdfError, ValueError):
        return None


def insert_pages(document: bytes, *, before_bookmark: str, inserts: list[Insert]) -> bytes:
    """`document` (a tagged PDF from render_pdf) with the pages of each insert put in before the page that the
    bookmark `before_bookmark` points to.

    The template leaves room for them in its own page numbering (Typst's page counter), so "Side N" and the
    contents page stay right. The inserted pages keep their look; for the structure tree each becomes one Figure
    (with `alt` and the page's box) in reading order where it stands, its own marked content and annotations
    removed (they belonged to a structure tree that is not carried over). What the merge cannot promise is
    the inserted file's own PDF/A conformance (its fonts and colours are as the sender made them)."""
    with pikepdf.open(io.BytesIO(document)) as pdf:
        at = _bookmark_page_index(pdf, before_bookmark)
        later_pages = {page.obj.objgen for page in pdf.pages[at:]}
        tree = pdf.Root.StructTreeRoot
        parent = tree.K[0] if isinstance(tree.K, pikepdf.Array) else tree.K
        nums = _parent_tree_entries(tree.ParentTree)
        next_key = max([int(tree.get("/ParentTreeNextKey", 0)), *(key + 1 for key in nums)])
        figures = []
        for insert in inserts:
            with pikepdf.open(io.BytesIO(insert.content)) as source:
                count = len(source.pages)
                for number, source_page in enumerate(source.pages, start=1):
                    pdf.pages.insert(at, source_page)
                    page = pdf.pages[at]
                    at += 1
                    figure = pdf.make_indirect(
                        pikepdf.Dictionary(
                            Type=pikepdf.Name.StructElem,
                            S=pikepdf.Name.Figure,
                            P=parent,
                            Pg=page.obj,
                            K=0,
                            Alt=pikepdf.String(f"{insert.alt} ({number}/{count})"),
                            A=pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=page.mediabox),
                        )
                    )
                    _as_one_figure(pdf, page)
                    page.obj.StructParents = next_key
                    page.obj.Tabs = pikepdf.Name.S
                    nums[next_key] = pikepdf.Array([figure])
                    next_key += 1
                    figures.append(figure)
        kids = parent.K if isinstance(parent.K, pikepdf.Array) else pikepdf.Array([parent.K])
        position = next((i for i, kid in enumerate(kids) if _first_page(kid) in later_pages), len(kids))
        parent.K = pikepdf.Array([*kids[:position], *figures, *kids[position:]])
        tree.ParentTree = pdf.make_indirect(
            pikepdf.Dictionary(Nums=pikepdf.Array([item for key in sorted(nums) for item in (key, nums[key])]))
        )
        tree.ParentTreeNextKey = next_key
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _bookmark_page_index(pdf: pikepdf.Pdf, title: str) -> int:
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            if item.title == title and isinstance(item.destination, pikepdf.Array):
                return pdf.pages.index(pikepdf.Page(item.destination[0]))
            stack.extend(item.children)
    raise ValueError(f"no bookmark {title!r}")


def _parent_tree_entries(node) -> dict[int, object]:
    """A number tree's entries, its kids included."""
    entries = {}
    nums = node.get("/Nums", [])
    for i in range(0, len(nums), 2):
        entries[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        entries |= _parent_tree_entries(kid)
    return entries


def _first_page(element):
    """The page (objgen) where a structure element's content begins, or None."""
    if not isinstance(element, pikepdf.Dictionary):
        return None
    if "/Pg" in element:
        return element.Pg.objgen
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        found = _first_page(kid)
        if found is not None:
            return found
    return None


MARKED_CONTENT = {"BDC", "BMC", "EMC"}


def _as_one_figure(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """The page's content as one marked-content sequence (MCID 0); its own marks and annotations go."""
    operations = [
        (operands, operator)
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) not in MARKED_CONTENT
    ]
    body = pikepdf.unparse_content_stream(operations)
    content = b"/Figure <</MCID 0>> BDC\nq\n" + body + b"\nQ\nEMC\n"
    page.obj.Contents = pdf.make_stream(content)
    if "/Annots" in page.obj:
        del page.obj["/Annots"]
    if "/StructParents" in page.obj:
        del page.obj["/StructParents"]
