"""The decision letter and the klagepakke as PDFs (documents.pdf.render_pdf, Typst), in the reader's language.

A decision letter is in the citizen's language; the klagepakke in Danish, for the appeals body. Text people
wrote is Markdown, typeset like the page shows it (documents.text.markdown_tree).
"""

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from casework.models import Decision, Reassessment
from complaints.models import Complaint
from complaints.selectors import complaint_attachments
from dialogue.selectors import thread_messages
from documents.pdf import Insert, insert_pages, page_count, render_pdf
from documents.text import markdown_tree

ORIGINAL_PART_FOLLOWED_BY = gettext_noop("Partshøringer")  # the klagepakke's part after the original decision


def _when(value) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def _day(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _letter_sections(decision: Decision) -> list[dict]:
    """The letter's parts in the order §§ 22–25 give them; parts left out (full agreement) are not shown."""
    parts = [
        (_("Afgørelse"), decision.decision),
        (_("Regler, afgørelsen bygger på"), decision.legal_rules),
        (_("Hovedhensyn"), decision.considerations),
        (_("De faktiske forhold"), decision.facts),
        (_("Klagevejledning"), decision.complaint_guidance),
    ]
    return [{"label": label, "body": markdown_tree(text)} for label, text in parts if text.strip()]


def decision_context(decision: Decision) -> dict:
    complaint = decision.complaint
    return {
        "heading": _("Afgørelse i din klage %(ref)s") % {"ref": complaint.reference},
        "facts": [
            {"label": _("Til"), "value": complaint.citizen.full_name},
            {"label": _("Klage"), "value": complaint.subject},
            {"label": _("Afdeling"), "value": complaint.department.name},
            {"label": _("Dato"), "value": _day(timezone.localtime(decision.sent_at).date())},
            *([{"label": _("Sagsnummer"), "value": complaint.case_number}] if complaint.case_number else []),
        ],
        "kind": decision.get_kind_display(),
        "sections": _letter_sections(decision),
        "signature": decision.author.full_name if decision.author else "",
    }


def decision_pdf(decision: Decision) -> bytes:
    language = decision.complaint.citizen.language
    with translation.override(language):
        context = decision_context(decision)
    return render_pdf(template="casework/decision.typ", context=context, language=language, title=context["heading"])


def _hearing_section(hearing) -> dict:
    text = hearing.facts
    if hearing.answered_at:
        label = _("Borgerens svar")
        text += f"\n\n**{label}** ({_when(hearing.answered_at)}): {hearing.answer}"
    return {
        "label": f"{hearing.get_kind_display()}, {_when(hearing.sent_at)} – {hearing.get_status_display()}",
        "body": markdown_tree(text),
    }


def klagepakke_context(reassessment: Reassessment, *, inserted: dict[int, int] | None = None) -> dict:
    """Every part the appeals body needs, one heading each (the contents page lists them). `inserted`: the
    original decisions whose pages follow their part in the PDF, attachment id -> number of pages; every other
    file is only in the zip, and the contents page says so."""
    complaint: Complaint = reassessment.complaint
    inserted = inserted or {}
    attachments = list(complaint_attachments(complaint=complaint))
    originals = [a for a in attachments if a.kind == a.Kind.DECISION]
    numbers = {a.id: number for number, a in enumerate(attachments, start=1)}
    complaint_text = complaint.description
    if complaint.desired_outcome:
        label = _("Borgerens ønske")
        complaint_text += f"\n\n**{label}:** {complaint.desired_outcome}"
    return {
        "heading": _("Klagepakke %(ref)s") % {"ref": complaint.reference},
        "contents": _("Indhold"),
        "facts": [
            {"label": _("Klager"), "value": complaint.citizen.full_name},
            {"label": _("Klage"), "value": complaint.subject},
            {"label": _("Afdeling"), "value": complaint.department.name},
            {"label": _("Modtaget"), "value": _when(complaint.created_at)},
            {"label": _("Frist for genvurdering"), "value": _when(complaint.genvurdering_due)},
            {"label": _("Sendt til"), "value": reassessment.appeals_body},
            {"label": _("Sendt"), "value": _when(reassessment.forwarded_at)},
        ],
        "parts": [
            {"title": _("Klagen"), "sections": [{"label": complaint.subject, "body": markdown_tree(complaint_text)}]},
            {
                "title": _("Den oprindelige afgørelse"),
                "lines": [
                    *(
                        [_("Sagsnummer: %(number)s") % {"number": complaint.case_number}]
                        if complaint.case_number
                        else []
                    ),
                    *(
                        [_("Afgørelsens dato: %(date)s") % {"date": _day(complaint.decision_date)}]
                        if complaint.decision_date
                        else []
                    ),
                    *[
                        _("Vedlagt som bilag %(number)s i zip-filen: %(title)s (%(file)s)")
                        % {"number": numbers[a.id], "title": a.title, "file": a.file_name}
                        for a in originals
                        if a.id not in inserted
                    ],
                ],
                # Typst numbers these lines' pages ({from}–{to}) and leaves room for them in the page count.
                "inserted": [
                    {
                        "line": _("Bilag %(number)s, %(title)s (%(file)s), følger her: side {from}–{to}")
                        % {"number": numbers[a.id], "title": a.title, "file": a.file_name},
                        "pages": inserted[a.id],
                    }
                    for a in originals
                    if a.id in inserted
                ],
            },
            {
                "title": _(ORIGINAL_PART_FOLLOWED_BY),
                "sections": [_hearing_section(hearing) for hearing in complaint.hearings.order_by("sent_at", "id")],
                "empty": _("Ingen partshøringer."),
            },
            {
                "title": _("Afgørelsen efter klagen"),
                "lines": [f"{reassessment.decision.get_kind_display()}, {_when(reassessment.decision.sent_at)}"],
                "sections": _letter_sections(reassessment.decision),
            },
            {
                "title": _("Genvurdering"),
                "lines": [
                    f"{_when(reassessment.forwarded_at)}"
                    + (f", {reassessment.author.full_name}" if reassessment.author else "")
                ],
                "sections": [{"label": _("Begrundelse for at fastholde"), "body": markdown_tree(reassessment.grounds)}],
            },
            {
                "title": _("Kontaktnotater"),
                "sections": [
                    {
                        "label": f"{log.get_channel_display()}, {_when(log.contacted_at)} – {log.author.full_name}",
                        "body": markdown_tree(log.summary + (f"\n\n{log.next_steps}" if log.next_steps else "")),
                    }
                    for log in complaint.contact_logs.select_related("author").order_by("contacted_at", "id")
                ],
                "empty": _("Ingen kontaktnotater."),
            },
            {
                "title": _("Samtalen"),
                "sections": [
                    {
                        "label": f"{message.author.full_name}, {_when(message.created_at)}",
                        "body": markdown_tree(message.body if message.hidden_at is None else _("(skjult besked)")),
                    }
                    for message in (thread_messages(thread=complaint.thread) if complaint.thread_id else [])
                ],
                "empty": _("Ingen beskeder."),
            },
            {
                "title": _("Bilag"),
                "lines": [
                    f"{numbers[a.id]}. {a.title} – {a.file_name}, {filesizeformat(a.size)}, SHA-1 {a.sha1}"
                    for a in attachments
                ],
                "empty": _("Ingen bilag."),
            },
        ],
        "zip_heading": _("Kun i zip-filen"),
        "zip_only": [f"{numbers[a.id]}. {a.title} ({a.file_name})" for a in attachments if a.id not in inserted],
    }


def klagepakke_pdf(reassessment: Reassessment) -> bytes:
    """The klagepakke's PDF with the pages of each original decision that is a readable PDF put in after its
    part (documents.pdf.insert_pages); the Bilag list and the zip still hold every file as it came."""
    originals = [a for a in complaint_attachments(complaint=reassessment.complaint) if a.kind == a.Kind.DECISION]
    contents = {}
    for attachment in originals:
        with attachment.file.open("rb") as file:
            contents[attachment.id] = file.read()
    counts = {a.id: page_count(contents[a.id]) for a in originals}
    inserted = {attachment_id: pages for attachment_id, pages in counts.items() if pages}
    with translation.override(settings.LANGUAGE_CODE):
        context = klagepakke_context(reassessment, inserted=inserted)
        before = _(ORIGINAL_PART_FOLLOWED_BY)
        alt = {a.id: _("Den oprindelige afgørelse: %(title)s") % {"title": a.title} for a in originals}
    pdf = render_pdf(
        template="casework/klagepakke.typ", context=context, language=settings.LANGUAGE_CODE, title=context["heading"]
    )
    if not inserted:
        return pdf
    inserts = [Insert(content=contents[a.id], alt=alt[a.id]) for a in originals if a.id in inserted]
    return insert_pages(pdf, before_bookmark=before, inserts=inserts)
