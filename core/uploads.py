"""Uploaded attachments, checked the same way wherever they come in (agenda Bilag, grant applications).

A file is what its content says (filetype reads the first bytes), never what its name or the browser
claims; it must be a PDF, an image or an office document, and at most ATTACHMENT_MAX_BYTES. Besides:
- no markup where a browser sniffs (the first and last KB): a PDF/HTML or image/HTML polyglot is refused;
- an office file that is a zip (docx, xlsx, pptx, odt, …) must not unpack to more than OFFICE_MAX_UNPACKED_BYTES,
  nor (past 20 MB) at a ratio above OFFICE_MAX_RATIO, nor hold more than OFFICE_MAX_MEMBERS files (zip bombs);
- a PDF is parsed and written anew with pikepdf (qpdf): what is stored and served is the parsed file, without
  anything before its header or after its end, and without JavaScript, automatic actions or embedded files.
  A PDF that does not parse is refused.
Files are kept in the private "attachments" storage, outside MEDIA_ROOT: the only way to them is a view that
checks who asks.
"""

import hashlib
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext as _

# What an attachment may be, told by its content.
ATTACHMENT_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/rtf": ".rtf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
SIGNATURE_BYTES = 8192
ZIPPED_OFFICE_TYPES = {
    mime for mime, suffix in ATTACHMENT_TYPES.items() if suffix[1:] in {"docx", "xlsx", "pptx", "odt", "ods", "odp"}
}
OFFICE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
OFFICE_MAX_RATIO = 100  # once it unpacks past OFFICE_RATIO_FROM_BYTES (small repetitive XML packs well)
OFFICE_RATIO_FROM_BYTES = 20 * 1024 * 1024
OFFICE_MAX_MEMBERS = 5000
SNIFFED_BYTES = 1024  # where browsers look for markup
MARKUP = re.compile(rb"<\s*(?:!doctype|html|body|script|iframe|svg|object|embed)", re.IGNORECASE)
PDF_ACTIVE_KEYS = ("/OpenAction", "/AA", "/AcroForm")  # what runs by itself when a reader opens the file
PDF_NAME_TREES = ("/JavaScript", "/EmbeddedFiles")


def attachment_storage():
    return storages["attachments"]


def attachment_path(instance, filename: str) -> str:
    return f"{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:10]}"


@dataclass(frozen=True)
class CheckedUpload:
    upload: UploadedFile
    title: str
    file_name: str
    mime_type: str
    size: int
    sha1: str
    sha512: str


def detect_attachment_type(upload: UploadedFile) -> str:
    """The file's real type from its content, or a ValidationError."""
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ATTACHMENT_TYPES:
        raise ValidationError(
            {"file": _("Filen skal være en PDF, et billede (PNG, JPEG, GIF, WebP) eller et kontordokument.")}
        )
    return kind.mime


def _refused(message: str) -> ValidationError:
    return ValidationError({"file": [message]})


def refuse_polyglot(upload: UploadedFile) -> None:
    """A file that a browser could also read as a web page (markup at its start or its end) is refused."""
    upload.seek(0)
    head = upload.read(SNIFFED_BYTES)
    upload.seek(max(0, upload.size - SNIFFED_BYTES))
    tail = upload.read(SNIFFED_BYTES)
    upload.seek(0)
    if MARKUP.search(head) or MARKUP.search(tail):
        raise _refused(_("Filen indeholder også en webside (HTML) og kan ikke bruges som bilag."))


def refuse_zip_bomb(upload: UploadedFile) -> None:
    """An office file (a zip) that unpacks to far more than it weighs is refused, before anyone unpacks it."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _refused(_("Kontordokumentet kan ikke læses.")) from error
    finally:
        upload.seek(0)
    unpacked = sum(member.file_size for member in members)
    if (
        len(members) > OFFICE_MAX_MEMBERS
        or unpacked > OFFICE_MAX_UNPACKED_BYTES
        or (unpacked > OFFICE_RATIO_FROM_BYTES and unpacked > OFFICE_MAX_RATIO * max(upload.size, 1))
    ):
        raise _refused(_("Kontordokumentet pakker sig ud til langt mere, end det fylder, og kan ikke bruges."))


def rewritten_pdf(upload: UploadedFile) -> UploadedFile:
    """The PDF parsed and written anew, without active content; a PDF that does not parse is refused."""
    upload.seek(0)
    try:
        with pikepdf.open(io.BytesIO(upload.read())) as pdf:
            for key in PDF_ACTIVE_KEYS:
                if key in pdf.Root:
                    del pdf.Root[key]
            names = pdf.Root.get("/Names")
            for key in PDF_NAME_TREES:
                if names is not None and key in names:
                    del names[key]
            for page in pdf.pages:
                if "/AA" in page.obj:
                    del page.obj["/AA"]
            clean = io.BytesIO()
            pdf.save(clean, deterministic_id=True)
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError) as error:
        raise _refused(_("PDF-filen kan ikke læses (den er beskadiget eller krypteret).")) from error
    return SimpleUploadedFile(upload.name or "bilag.pdf", clean.getvalue(), content_type="application/pdf")


def check_attachment(*, title: str, upload: UploadedFile | None) -> CheckedUpload:
    """A title and a file that may be attached, or a ValidationError naming `title` and `file`."""
    errors: dict[str, list[str]] = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Giv bilaget en titel.")]
    elif len(title) > 200:
        errors["title"] = [_("Titlen må højst være på 200 tegn.")]
    if upload is None or upload.size == 0:
        errors["file"] = [_("Vælg en fil.")]
    elif upload.size > settings.ATTACHMENT_MAX_BYTES:
        errors["file"] = [
            _("Filen er for stor: et bilag må højst fylde %(mb)d MB.")
            % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        ]
    if errors:
        raise ValidationError(errors)
    mime_type = detect_attachment_type(upload)
    refuse_polyglot(upload)
    if mime_type in ZIPPED_OFFICE_TYPES:
        refuse_zip_bomb(upload)
    elif mime_type == "application/pdf":
        upload = rewritten_pdf(upload)
    sha1, sha512 = hashlib.sha1(usedforsecurity=False), hashlib.sha512()
    for chunk in upload.chunks():
        sha1.update(chunk)
        sha512.update(chunk)
    upload.seek(0)
    original = (upload.name or "bilag").rsplit("/", 1)[-1][:150]
    stem = original.rsplit(".", 1)[0] if "." in original else original
    return CheckedUpload(
        upload=upload,
        title=title,
        file_name=f"{stem}{ATTACHMENT_TYPES[mime_type]}",
        mime_type=mime_type,
        size=upload.size,
        sha1=sha1.hexdigest(),
        sha512=sha512.hexdigest(),
    )
