"""The agenda and the minutes as a document, laid out like the 2015 minutes of Holbæk.

First page: "REFERAT" (or "DAGSORDEN"), the committee and the date, Mødedato,
Mødested and the table of contents; then every item on a new page: "Punkt N:
title", case number, Sagsgang og sagstype, INDSTILLING, Beskrivelse af sagen,
Bilag and "BESLUTNING I <UDVALG> DEN <dd-mm-yyyy>".

The PDF is built in two passes (reportlab's multiBuild): the first finds the
page each item starts on, the second prints those numbers in the table of
contents. The plain text of a section is read as blocks (paragraphs, bullet
and numbered lists, short subheadings) that both the page and the PDF show.
"""

import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from committees.selectors import MeetingDocument

BULLET = re.compile(r"^\s*[-•*]\s+")
NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+")
BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    """One block of a section's text: "paragraph", "heading", "bullets" or "numbers"."""

    kind: str
    lines: tuple[str, ...]


def text_blocks(text: str) -> list[Block]:
    """Split plain text into blocks at blank lines; lists where every line is a list line."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(BULLET.match(line) for line in lines):
            blocks.append(Block("bullets", tuple(BULLET.sub("", line) for line in lines)))
        elif all(NUMBERED.match(line) for line in lines):
            blocks.append(Block("numbers", tuple(NUMBERED.sub("", line) for line in lines)))
        elif len(lines) == 1 and len(lines[0]) <= 60 and not lines[0].endswith((".", ":", "?", "!", ",")):
            blocks.append(Block("heading", tuple(lines)))
        else:
            blocks.append(Block("paragraph", tuple(lines)))
    return blocks


def inline_markup(line: str) -> str:
    """Escaped text with **bold** as <b>bold</b>: safe both in HTML and in reportlab paragraphs."""
    return BOLD.sub(r"<b>\1</b>", escape(line))


def meeting_date(document: MeetingDocument) -> str:
    return timezone.localtime(document.meeting.start).strftime("%d-%m-%Y")


def meeting_when(document: MeetingDocument) -> str:
    """ "Tirsdag d. 24. marts 2015 kl. 17:00"."""
    start = timezone.localtime(document.meeting.start)
    weekday = formats.date_format(start, "l").capitalize()
    return _("%(weekday)s d. %(date)s kl. %(time)s") % {
        "weekday": weekday,
        "date": formats.date_format(start, "j. F Y"),
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


def item_heading(item) -> str:
    number = item.number if item.number else "–"
    return _("Punkt %(number)s: %(title)s") % {"number": number, "title": item.title}


# --- PDF ---------------------------------------------------------------------------------------------------

INK = HexColor("#1a1a1a")
MUTED = HexColor("#4d4d4d")
STYLES = {
    "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=23, spaceAfter=14),
    "fact": ParagraphStyle("fact", fontName="Helvetica", fontSize=10.5, leading=15),
    "toc_title": ParagraphStyle("toc_title", fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=18),
    "item": ParagraphStyle("item", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=4),
    "case": ParagraphStyle("case", fontName="Helvetica", fontSize=10, leading=13, textColor=MUTED, spaceAfter=10),
    "label": ParagraphStyle("label", fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=10),
    "caps": ParagraphStyle("caps", fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=12),
    "body": ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=6, alignment=TA_LEFT),
    "subheading": ParagraphStyle("subheading", fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceBefore=6),
    "note": ParagraphStyle("note", fontName="Helvetica-Oblique", fontSize=10, leading=13, textColor=MUTED),
    "toc": ParagraphStyle("toc", fontName="Helvetica", fontSize=10.5, leading=14),
    "toc_page": ParagraphStyle("toc_page", fontName="Helvetica", fontSize=10.5, leading=14, alignment=TA_RIGHT),
}


class ContentsTable(TableOfContents):
    """The table of contents as rows of (item title, page), each row with a dotted leader line under it.

    Filled from the previous pass's entries, as reportlab's own TableOfContents.
    """

    def wrap(self, availWidth, availHeight):
        entries = self._lastEntries or [(0, "…", 0, None)]
        rows = [
            [
                Paragraph(f'<a href="#{key}">{text}</a>' if key else text, STYLES["toc"]),
                Paragraph(str(page), STYLES["toc_page"]),
            ]
            for _level, text, page, key in entries
        ]
        self._table = Table(
            rows,
            colWidths=(availWidth - 1.6 * cm, 1.6 * cm),
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, MUTED, None, (1, 2)),
                ]
            ),
        )
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class ItemHeading(Paragraph):
    """The "Punkt N: title" heading; the document template puts it in the table of contents."""

    def __init__(self, text: str, *, toc_text: str, key: str):
        super().__init__(escape(text), STYLES["item"])
        self.toc_text = toc_text
        self.key = key


class MeetingDocTemplate(BaseDocTemplate):
    def __init__(self, buffer, *, footer: str, title: str):
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=2.5 * cm,
            rightMargin=2.5 * cm,
            topMargin=2.2 * cm,
            bottomMargin=2.2 * cm,
            title=title,
            author="Borgerdialog",
        )
        self.footer = footer
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self.draw_footer)])

    def draw_footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, 1.2 * cm, self.footer)
        canvas.drawRightString(self.leftMargin + self.width, 1.2 * cm, _("Side %(page)d") % {"page": doc.page})
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, ItemHeading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.key, level=0)
            self.notify("TOCEntry", (0, escape(flowable.toc_text), self.page, flowable.key))


def _blocks_as_flowables(text: str) -> list:
    flowables = []
    for block in text_blocks(text):
        if block.kind == "heading":
            flowables.append(Paragraph(inline_markup(block.lines[0]), STYLES["subheading"]))
        elif block.kind in ("bullets", "numbers"):
            flowables.append(
                ListFlowable(
                    [ListItem(Paragraph(inline_markup(line), STYLES["body"])) for line in block.lines],
                    bulletType="bullet" if block.kind == "bullets" else "1",
                    bulletFontName="Helvetica",
                    bulletFontSize=10.5,
                    leftIndent=14,
                    start="•" if block.kind == "bullets" else "1",
                    bulletFormat=None if block.kind == "bullets" else "%s.",
                )
            )
        else:
            flowables.append(Paragraph("<br/>".join(inline_markup(line) for line in block.lines), STYLES["body"]))
    return flowables


def item_flowables(document: MeetingDocument, item) -> list:
    flowables: list = [ItemHeading(item_heading(item), toc_text=item.title, key=f"item-{item.id}")]
    if item.case_number:
        flowables.append(Paragraph(escape(item.case_number), STYLES["case"]))
    if not item.is_public:
        flowables.append(Paragraph(escape(_("Lukket punkt – vises ikke for offentligheden.")), STYLES["note"]))
    flowables += [
        Paragraph(escape(_("Sagsgang og sagstype")), STYLES["label"]),
        Paragraph(escape(item.procedure or item.get_item_type_display()), STYLES["body"]),
        Paragraph(escape(_("INDSTILLING")), STYLES["caps"]),
        *_blocks_as_flowables(item.recommendation),
        Paragraph(escape(_("Beskrivelse af sagen")), STYLES["label"]),
        *_blocks_as_flowables(item.description),
    ]
    attachments = list(item.attachments.all())
    if attachments:
        flowables.append(Paragraph(escape(_("Bilag")), STYLES["label"]))
        internal = _("internt")
        for attachment in attachments:
            suffix = f" ({internal})" if attachment.is_internal else ""
            flowables.append(Paragraph(escape(attachment.title + suffix), STYLES["body"]))
    if document.show_decisions and item.decision:
        flowables.append(
            KeepTogether(
                [Paragraph(escape(decision_heading(document)), STYLES["caps"]), *_blocks_as_flowables(item.decision)]
            )
        )
    return flowables


def render_pdf(document: MeetingDocument) -> bytes:
    committee = document.committee
    title = document_title(document)
    toc = ContentsTable()
    story: list = [Paragraph(escape(title), STYLES["title"])]
    if document.is_draft:
        story.append(Paragraph(escape(_("Udkast – dagsordenen er ikke offentliggjort.")), STYLES["note"]))
    # The labels are translated outside the f-strings, where makemessages can find them.
    committee_label = pgettext("document field", "Udvalg")
    date_label = _("Mødedato")
    place_label = _("Mødested")
    story += [
        Paragraph(f"<b>{escape(committee_label)}</b>&nbsp;&nbsp;{escape(committee.name)}", STYLES["fact"]),
        Paragraph(f"<b>{escape(date_label)}</b>&nbsp;&nbsp;{escape(meeting_when(document))}", STYLES["fact"]),
        Paragraph(
            f"<b>{escape(place_label)}</b>&nbsp;&nbsp;{escape(document.meeting.location.description)}",
            STYLES["fact"],
        ),
        Paragraph(escape(_("Indholdsfortegnelse")), STYLES["toc_title"]),
        Spacer(1, 6),
        toc,
    ]
    for item in document.items:
        story.append(PageBreak())
        story += item_flowables(document, item)
    buffer = io.BytesIO()
    template = MeetingDocTemplate(buffer, footer=title, title=title)
    template.multiBuild(story)
    return buffer.getvalue()
