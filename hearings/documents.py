"""The høringsnotat as a document: the page (note.html) and the PDF (templates/hearings/note.typ) show the same.

Per section of the draft: the answers summed up, the department's comment and whether the draft changes;
then every published answer. A sensitive or hidden answer is only counted, never printed.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from documents.pdf import render_pdf
from documents.text import markdown_tree
from hearings.models import Hearing
from hearings.selectors import answer_counts, invitations_of, public_answers, sections_of


def note_title(hearing: Hearing) -> str:
    return _("Høringsnotat: %(title)s") % {"title": hearing.title}


def _answer(answer) -> dict:
    section = _("Afsnit %(number)d") % {"number": answer.section.number} if answer.section_id else _("Generelt")
    return {"sender": answer.sender_name, "about": section, "body": markdown_tree(answer.body)}


def note_context(hearing: Hearing) -> dict:
    """What templates/hearings/note.typ prints, in the active language."""
    counts = answer_counts(hearing=hearing)
    facts = [
        (_("Udvalg"), hearing.committee.name),
        (_("Afdeling"), hearing.department.name),
        (
            _("Høringsperiode"),
            " – ".join(formats.date_format(day, "DATE_FORMAT") for day in (hearing.starts_on, hearing.ends_on)),
        ),
        (_("Høringsparter"), ", ".join(str(i.party) for i in invitations_of(hearing=hearing)) or _("ingen")),
        (
            _("Høringssvar"),
            _("%(total)d i alt, heraf %(sensitive)d med følsomme personoplysninger (ikke offentliggjort)")
            % {"total": counts.total, "sensitive": counts.sensitive},
        ),
    ]
    if hearing.case_number:
        facts.append((_("Sagsnummer"), hearing.case_number))
    if hearing.kle_number:
        facts.append((_("KLE-nummer"), hearing.kle_number))
    sections = []
    for section in sections_of(hearing=hearing):
        note = getattr(section, "note", None)
        sections.append(
            {
                "heading": str(section),
                "summary": markdown_tree(note.summary) if note else [],
                "comment": markdown_tree(note.comment) if note else [],
                "changes": _("Udkastet ændres.") if note and note.changes_draft else _("Udkastet ændres ikke."),
            }
        )
    return {
        "heading": note_title(hearing),
        "facts": [{"label": label, "value": value} for label, value in facts],
        "general_heading": _("Generelle bemærkninger"),
        "general": markdown_tree(hearing.note_summary),
        "sections_heading": _("Afsnit for afsnit"),
        "summary_label": _("Sammenfatning af høringssvarene"),
        "comment_label": _("Afdelingens bemærkninger"),
        "sections": sections,
        "answers_heading": _("Høringssvarene"),
        "answers": [_answer(answer) for answer in public_answers(hearing=hearing)],
        "no_answers": _("Ingen offentliggjorte høringssvar."),
    }


def note_pdf(hearing: Hearing, *, language: str) -> bytes:
    """The høringsnotat as a tagged, archival PDF in `language`."""
    with translation.override(language):
        return render_pdf(
            template="hearings/note.typ", context=note_context(hearing), language=language, title=note_title(hearing)
        )
