"""Files the tests upload: a PDF that parses, in the form the upload check writes every PDF anew (with
pikepdf), so what the product stores and serves from it is these same bytes."""

import io

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import rewritten_pdf


def blank_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    out = io.BytesIO()
    pdf.save(out)
    return rewritten_pdf(SimpleUploadedFile("blank.pdf", out.getvalue())).read()


PDF = blank_pdf()
