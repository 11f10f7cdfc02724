"""The PDFs of an access request (documents.pdf.render_pdf, Typst), in the requester's language: the fristbrev
(offentlighedsloven § 36, stk. 2) and the documents the decision released, with what was withheld and why."""

from datetime import date, datetime

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from access_requests.models import AccessRequest
from access_requests.selectors import released_attachment_files
from documents.pdf import render_pdf
from documents.text import markdown_tree


def _day(value: date | datetime) -> str:
    return formats.date_format(timezone.localtime(value) if isinstance(value, datetime) else value, "DATE_FORMAT")


def _language(access_request: AccessRequest) -> str:
    return access_request.requester.language


def _facts(access_request: AccessRequest) -> list[dict]:
    return [
        {"label": _("Til"), "value": access_request.requester.full_name},
        {"label": _("Anmodning"), "value": access_request.reference},
        {"label": _("Afdeling"), "value": access_request.department.name},
        {"label": _("Modtaget"), "value": _day(access_request.received_at)},
    ]


def _render(access_request: AccessRequest, build) -> bytes:
    language = _language(access_request)
    with translation.override(language):
        context = build(access_request)
    return render_pdf(
        template="access_requests/letter.typ", context=context, language=language, title=context["heading"]
    )


def late_letter_context(access_request: AccessRequest) -> dict:
    return {
        "heading": _("Fristbrev: din anmodning om aktindsigt %(ref)s") % {"ref": access_request.reference},
        "facts": [
            *_facts(access_request),
            {"label": _("Frist for afgørelse"), "value": _day(access_request.due_at)},
            {"label": _("Forventet afgørelse"), "value": _day(access_request.expected_by)},
        ],
        "intro": [
            _(
                "Vi kan ikke afgøre din anmodning om aktindsigt inden for fristen på syv arbejdsdage "
                "(offentlighedsloven § 36, stk. 2)."
            ),
            _("Du kan forvente en afgørelse senest %(date)s.") % {"date": _day(access_request.expected_by)},
        ],
        "sections": [
            {"label": _("Begrundelse for forsinkelsen"), "body": markdown_tree(access_request.late_letter_reason)}
        ],
    }


def late_letter_pdf(access_request: AccessRequest) -> bytes:
    return _render(access_request, late_letter_context)


def released_documents_context(access_request: AccessRequest) -> dict:
    """Every document of the decision in order: a released one with its text as reviewed (a file: where to
    fetch it), a withheld one with its grounds only."""
    files = released_attachment_files(access_request=access_request)
    sections = []
    for document in access_request.documents.order_by("dated_at", "id"):
        label = f"{document.get_kind_display()}, {_day(document.dated_at)}"
        if not document.released:
            body = _("**Undtaget fra aktindsigt.** %(grounds)s") % {"grounds": document.withheld_grounds}
        elif document.id in files:
            body = document.released_text + "\n\n" + _("Filen er udleveret sammen med dette brev.")
        else:
            body = document.released_text
        sections.append({"label": label, "body": markdown_tree(body)})
    return {
        "heading": _("Aktindsigt %(ref)s: de udleverede dokumenter") % {"ref": access_request.reference},
        "facts": [
            *_facts(access_request),
            {"label": _("Afgørelse"), "value": access_request.get_decision_display()},
            {"label": _("Afgjort"), "value": _day(access_request.decided_at)},
        ],
        "intro": [_("Oplysninger om andre personer er fjernet og står som fx [navn] eller [telefon].")],
        "sections": sections,
    }


def released_documents_pdf(access_request: AccessRequest) -> bytes:
    return _render(access_request, released_documents_context)
