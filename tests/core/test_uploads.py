"""The one upload check (core.uploads): polyglots and zip bombs refused, every PDF parsed and written anew."""

import io
import zipfile

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import check_attachment
from tests.files import PDF


def upload(content: bytes, name: str = "bilag.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(content: bytes, name: str) -> str:
    with pytest.raises(ValidationError) as error:
        check_attachment(title="Bilag", upload=upload(content, name))
    return " ".join(error.value.message_dict["file"])


def docx(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pdf_with_javascript() -> bytes:
    pdf = pikepdf.open(io.BytesIO(PDF))
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))
    pdf.Root.OpenAction = action
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_clean_pdf_is_kept_as_parsed():
    checked = check_attachment(title="Afgørelse", upload=upload(PDF))
    assert checked.upload.read() == PDF and checked.size == len(PDF)


def test_a_pdf_is_written_anew_without_its_javascript_or_what_is_glued_to_it():
    glued = pdf_with_javascript() + b"PK\x03\x04 a zip appended to the PDF"
    checked = check_attachment(title="Afgørelse", upload=upload(glued))
    stored = checked.upload.read()
    assert b"JavaScript" not in stored and b"app.alert" not in stored and b"PK\x03\x04" not in stored
    assert checked.size == len(stored) < len(glued)
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert "/OpenAction" not in pdf.Root and len(pdf.pages) == 1


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n" + PDF[9:],
        PDF + b"\n<!DOCTYPE html><script>alert(1)</script>",
        b"GIF89a/*\x00\x00<script>alert(1)</script>",
    ],
    ids=["pdf-html head", "pdf-html tail", "gif-js"],
)
def test_a_polyglot_is_refused(content):
    assert "webside" in refusal(content, "bilag.pdf")


def test_a_pdf_that_does_not_parse_is_refused():
    assert "kan ikke læses" in refusal(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "bilag.pdf")


def test_a_small_office_file_that_unpacks_to_a_gigabyte_is_refused():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (16 * 1024 * 1024)
            for _ in range(64):  # 1 GiB of zeros, about 1 MB packed
                member.write(block)
    assert len(bomb.getvalue()) < 2 * 1024 * 1024
    assert "pakker sig ud" in refusal(bomb.getvalue(), "rapport.docx")


def test_an_ordinary_office_file_passes():
    text = b"<w:document>" + b"<w:p>Et afsnit om sagen.</w:p>" * 2000 + b"</w:document>"
    checked = check_attachment(title="Notat", upload=upload(docx({"word/document.xml": text}), "notat.docx"))
    assert checked.file_name == "notat.docx"
