"""The agenda and the minutes as a document, laid out like the 2015 minutes of Holbæk.

First page: "REFERAT" (or "DAGSORDEN"), the committee and the date, Mødedato,
Mødested and the table of contents; then every item on a new page: "Punkt N:
title", case number, Sagsgang og sagstype, INDSTILLING, Beskrivelse af sagen,
Bilag and "BESLUTNING I <UDVALG> DEN <dd-mm-yyyy>". Each open item of a published agenda is also a document
of its own (templates/committees/paper.typ: its sagsfremstilling, OParl's Paper `mainFile`), with the same
sections.

The page (meeting_detail.html) and the PDF (templates/committees/meeting.typ,
through documents.pdf.render_pdf) show the same MeetingDocument with the same
headings from the functions below, and each section's text through the same
Markdown (documents.text). Typst lays the PDF out until the page numbers settle,
so the table of contents prints the page each item begins on.
"""

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from committees.selectors import MeetingDocument
from documents.pdf import render_pdf
from documents.text import markdown_tree


def meeting_date(document: MeetingDocument) -> str:
    return timezone.localtime(document.meeting.start).strftime("%d-%m-%Y")


def meeting_when(document: MeetingDocument) -> str:
    """ "Tirsdag d. 24. marts 2015 kl. 17:00"."""
    start = timezone.localtime(document.meeting.start)
    weekday = formats.date_format(start, "l").capitalize()
    return _("%(weekday)s d. %(date)s kl. %(time)s") % {
        "weekday": weekday,
        "date": formats.date_format(start, "DATE_FORMAT"),
        "time": start.strftime("%H:%M"),
    }


def decision_heading(document: MeetingDocument) -> str:
    return _("BESLUTNING I %(committee)s DEN %(date)s") % {
        "committee": document.decision_heading_name,
        "date": meeting_date(document),
    }


def document_title(document: MeetingDocument) -> str:
    heading = _("REFERAT") if document.is_minutes else _("DAGSORDEN")
    return f"{heading} {document.committee.short_name or document.committee.name} d. {meeting_date(document)}"


def document_file_name(document: MeetingDocument) -> str:
    """ "REFERAT-Demokratieksperimentariet-d-24-03-2015.pdf"."""
    return document_title(document).replace(" ", "-").replace(".", "") + ".pdf"


def paper_file_name(document: MeetingDocument, item) -> str:
    """ "Punkt-119-Demokratieksperimentariet-d-24-03-2015.pdf": an item's own document (sagsfremstilling)."""
    name = _("Punkt %(number)s %(committee)s d. %(date)s") % {
        "number": item.number,
        "committee": document.committee.short_name or document.committee.name,
        "date": meeting_date(document),
    }
    return name.replace(" ", "-").replace(".", "").replace("/", "-") + ".pdf"


def item_heading(item) -> str:
    """ "Punkt 119: title"; a draft's item has no number yet and is headed by its title alone."""
    if not item.number:
        return item.title
    return _("Punkt %(number)s: %(title)s") % {"number": item.number, "title": item.title}


# --- PDF ---------------------------------------------------------------------------------------------------


def _paragraph(text: str) -> list:
    return [{"tag": "p", "children": [text]}]


def _bullets(texts: list[str]) -> list:
    return [{"tag": "ul", "children": [{"tag": "li", "children": [text]} for text in texts]}]


def _item_context(document: MeetingDocument, item) -> dict:
    sections = [
        {"label": _("Sagsgang og sagstype"), "body": _paragraph(item.procedure or item.get_item_type_display())},
        {"label": _("INDSTILLING"), "body": markdown_tree(item.recommendation)},
        {"label": _("Beskrivelse af sagen"), "body": markdown_tree(item.description)},
    ]
    attachments = list(item.attachments.all())
    if attachments:
        internal = _("internt")
        titles = [attachment.title + (f" ({internal})" if attachment.is_internal else "") for attachment in attachments]
        sections.append({"label": _("Bilag"), "body": _bullets(titles)})
    if document.show_decisions and item.decision:
        sections.append({"label": decision_heading(document), "body": markdown_tree(item.decision), "keep": True})
    return {
        "heading": item_heading(item),
        "title": item.title,
        "case_number": item.case_number,
        "note": None if item.is_public else _("Lukket punkt – vises ikke for offentligheden."),
        "sections": sections,
    }


def meeting_context(document: MeetingDocument) -> dict:
    """What templates/committees/meeting.typ prints, in the active language."""
    return {
        "heading": document_title(document),
        "note": _("Udkast – dagsordenen er ikke offentliggjort.") if document.is_draft else None,
        "facts": _facts(document),
        "contents": _("Indholdsfortegnelse"),
        "empty": _("Dagsordenen har ingen punkter endnu."),
        "items": [_item_context(document, item) for item in document.items],
    }


def _facts(document: MeetingDocument) -> list[dict]:
    return [
        {"label": pgettext("document field", "Udvalg"), "value": document.committee.name},
        {"label": _("Mødedato"), "value": meeting_when(document)},
        {"label": _("Mødested"), "value": document.meeting.location.description},
    ]


def paper_context(document: MeetingDocument, item) -> dict:
    """What templates/committees/paper.typ prints: one item of the agenda as its own document."""
    return {**_item_context(document, item), "facts": _facts(document)}


def paper_pdf(document: MeetingDocument, item, *, language: str) -> bytes:
    """One item of the agenda (its sagsfremstilling) as a tagged, archival PDF in `language`."""
    with translation.override(language):
        return render_pdf(
            template="committees/paper.typ",
            context=paper_context(document, item),
            language=language,
            title=f"{item_heading(item)} – {document.committee.name} {meeting_date(document)}",
        )


def meeting_pdf(document: MeetingDocument, *, language: str) -> bytes:
    """The agenda or minutes as a tagged, archival PDF in `language`, laid out like the 2015 minutes."""
    with translation.override(language):
        return render_pdf(
            template="committees/meeting.typ",
            context=meeting_context(document),
            language=language,
            title=document_title(document),
        )
