"""Uploaded attachments, checked the same way wherever they come in (agenda Bilag, grant applications).

A file is what its content says (filetype reads the first bytes), never what its name or the browser
claims; it must be a PDF, an image or an office document, and at most ATTACHMENT_MAX_BYTES. Files are kept
in the private "attachments" storage, outside MEDIA_ROOT: the only way to them is a view that checks who asks.
"""

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
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
