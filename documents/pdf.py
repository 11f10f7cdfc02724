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

The Typst compiler is the PyPI package `typst` (a self-contained wheel, no system library) and the
font the PyPI package `fontpkg-ibm-plex-sans`, so this works on a machine that has only Python.
"""

import json
import threading
from pathlib import Path

import fontpkg_ibm_plex_sans
import typst
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


def _compiler() -> typst.Compiler:
    """One compiler per thread (it is not shared across threads), its fonts read once."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        compiler = _local.compiler = typst.Compiler(root=str(ROOT), font_paths=FONT_PATHS, ignore_system_fonts=True)
    return compiler
