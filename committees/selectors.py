"""Reads of committees, meetings and agendas, always scoped to what the caller may see."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Committee, User
from accounts.permissions import is_member_of
from committees.models import (
    AgendaItem,
    AgendaItemSource,
    Attachment,
    Meeting,
    MeetingFile,
    PaperFile,
    Tombstone,
    WarningOverride,
)
from committees.permissions import (
    can_manage_meeting,
    can_view_agenda,
    can_view_attachment,
    can_view_decisions,
    can_view_item,
    public_attachment_q,
    public_item_q,
    published_agenda_q,
    published_minutes_q,
)
from committees.sources import SOURCES
from core.proposals import AgendaItemFacts, AgendaWarning, Proposal
from themes.redaction import contains_cpr


def committees_listed() -> QuerySet[Committee]:
    return Committee.objects.order_by("name")


def meetings_of(*, committee: Committee) -> QuerySet[Meeting]:
    """A committee's meetings, newest first. Their date and place are public; agendas are not until published."""
    return committee.meetings.select_related("location", "committee").order_by("-start", "-id")


def open_meetings_for_placing(*, committee: Committee) -> QuerySet[Meeting]:
    """Meetings whose agenda the secretary is still building."""
    return committee.meetings.filter(status=Meeting.Status.PLANNED).select_related("location").order_by("start")


def access_meeting_by_id(*, meeting_id: int) -> Meeting:
    meeting = Meeting.objects.select_related("committee", "location").filter(id=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


def access_own_meeting_by_id(*, user: User, meeting_id: int) -> Meeting:
    """A meeting as its committee works on it (editing, items, publishing, proposals): 404 to anyone not on the
    committee — the public knows the meeting's page, not these doors."""
    meeting = access_meeting_by_id(meeting_id=meeting_id)
    if not is_member_of(user, meeting.committee_id):
        raise Http404
    return meeting


def access_own_item_by_id(*, user: User, item_id: int) -> AgendaItem:
    """An agenda item as its committee works on it (edit, move, decision, attachments): 404 to anyone not on it."""
    item = access_item_by_id(user=user, item_id=item_id)
    if not is_member_of(user, item.committee_id):
        raise Http404
    return item


def visible_attachments(*, user: User | AnonymousUser, committee_id: int | None = None) -> QuerySet[Attachment]:
    """The attachments `user` may see of an item of the committee: the members see internal ones too.

    The one place every door (page, PDF, REST API, OParl) takes an item's attachments from."""
    attachments = Attachment.objects.order_by("order", "id")
    if committee_id is not None and is_member_of(user, committee_id):
        return attachments
    return attachments.filter(is_internal=False)


def agenda_items_for(*, user: User, meeting: Meeting) -> QuerySet[AgendaItem]:
    """The items of a meeting the user may read, in agenda order, with their visible attachments."""
    if not can_view_agenda(user, meeting):
        return AgendaItem.objects.none()
    items = meeting.items.all()
    if not is_member_of(user, meeting.committee_id):
        items = items.filter(is_public=True)
    return items.order_by("order", "id").prefetch_related(
        Prefetch("attachments", queryset=visible_attachments(user=user, committee_id=meeting.committee_id)),
        "sources",
    )


def access_item_by_id(*, user: User, item_id: int) -> AgendaItem:
    item = AgendaItem.objects.select_related("meeting", "meeting__committee", "meeting__location").filter(id=item_id)
    item = item.first()
    if item is None or not can_view_item(user, item):
        raise Http404
    prefetch_related_objects(
        [item], Prefetch("attachments", queryset=visible_attachments(user=user, committee_id=item.committee_id))
    )
    return item


def access_attachment_by_id(*, user: User, attachment_id: int) -> Attachment:
    attachment = Attachment.objects.select_related("item", "item__meeting").filter(id=attachment_id).first()
    if attachment is None or not can_view_attachment(user, attachment):
        raise Http404
    return attachment


@dataclass
class MeetingDocument:
    """What the agenda or minutes show one reader: the page and the PDF render the same."""

    meeting: Meeting
    items: list[AgendaItem]
    is_minutes: bool
    is_draft: bool
    show_decisions: bool

    @property
    def committee(self) -> Committee:
        return self.meeting.committee

    @property
    def decision_heading_name(self) -> str:
        return (self.committee.short_name or self.committee.name).upper()


@dataclass(frozen=True)
class MeetingSteps:
    """What the reader may do on the meeting page now: her permission (can_manage_meeting) and the meeting's state
    (Meeting.takes_new_items and the others, which the services check), asked in one place."""

    edit: bool  # edit items and attachments; the secretary's tools are shown
    reschedule: bool  # change the date and place
    add_items: bool  # add and reorder items, override warnings, publish the agenda
    mark_held: bool
    decide: bool  # write the decisions, publish the minutes
    remove_items: bool


def meeting_steps(*, user: User, meeting: Meeting) -> MeetingSteps:
    manage = can_manage_meeting(user, meeting)
    return MeetingSteps(
        edit=manage and not meeting.minutes_are_published,
        reschedule=manage and meeting.is_upcoming,
        add_items=manage and meeting.takes_new_items,
        mark_held=manage and meeting.awaits_holding,
        decide=manage and meeting.takes_decisions,
        remove_items=manage and meeting.is_upcoming,
    )


def meeting_document(*, user: User, meeting: Meeting) -> MeetingDocument:
    """The agenda ("DAGSORDEN") or, once published, the minutes ("REFERAT") as this user may read them.

    Raises Http404 when the user may not read the agenda at all.
    """
    if not can_view_agenda(user, meeting):
        raise Http404
    return MeetingDocument(
        meeting=meeting,
        items=list(agenda_items_for(user=user, meeting=meeting)),
        is_minutes=meeting.minutes_are_published,
        is_draft=not meeting.agenda_is_published,
        show_decisions=can_view_decisions(user, meeting),
    )


def meetings_with_public_agenda() -> QuerySet[Meeting]:
    return Meeting.objects.filter(published_agenda_q())


def public_items() -> QuerySet[AgendaItem]:
    """Open items of published agendas: what the public and the OParl API may see."""
    return AgendaItem.objects.filter(public_item_q())


def public_attachments() -> QuerySet[Attachment]:
    return visible_attachments(user=AnonymousUser()).filter(public_attachment_q())


def public_meeting_files() -> QuerySet[MeetingFile]:
    """The stored agendas of published agendas and the stored minutes of published minutes."""
    published = Q(kind=MeetingFile.Kind.AGENDA) & published_agenda_q("meeting__")
    published |= Q(kind=MeetingFile.Kind.MINUTES) & published_minutes_q("meeting__")
    return MeetingFile.objects.filter(published)


def public_paper_files() -> QuerySet[PaperFile]:
    """The stored documents of the open items of published agendas."""
    return PaperFile.objects.filter(item__in=public_items())


def access_paper_file(*, item_id: int) -> PaperFile:
    """An open item's own published document; Http404 for any other."""
    paper_file = public_paper_files().filter(item_id=item_id).first()
    if paper_file is None:
        raise Http404
    return paper_file


def paper_file_was_deleted(*, item_id: int) -> bool:
    """Whether the item's own document was public and is no longer (the item closed or taken off)."""
    return tombstones(Tombstone.Kind.PAPER_FILE).filter(object_id=item_id).exists()


def access_meeting_file(*, meeting_id: int, kind: str) -> MeetingFile:
    """A meeting's published agenda or minutes document; Http404 before it is published."""
    meeting_file = public_meeting_files().filter(meeting_id=meeting_id, kind=kind).first()
    if meeting_file is None:
        raise Http404
    return meeting_file


def public_meeting_document(*, meeting: Meeting, kind: str) -> MeetingDocument:
    """The agenda or the minutes exactly as the public reads them: open items, public attachments, and the
    decisions in the minutes only. The agenda can be rendered after the minutes are out (the demo's 2015 meeting)."""
    public = AnonymousUser()
    is_minutes = kind == MeetingFile.Kind.MINUTES
    return MeetingDocument(
        meeting=meeting,
        items=list(agenda_items_for(user=public, meeting=meeting)),
        is_minutes=is_minutes,
        is_draft=False,
        show_decisions=is_minutes,
    )


def tombstones(*kinds: str) -> QuerySet[Tombstone]:
    return Tombstone.objects.filter(kind__in=kinds).order_by("kind", "object_id")


def attachment_was_deleted(*, attachment_id: int) -> bool:
    """Whether the attachment was public and is no longer (removed, or its item closed or taken off)."""
    return tombstones(Tombstone.Kind.FILE).filter(object_id=attachment_id).exists()


def proposal_queue(*, committee: Committee) -> list[Proposal]:
    """The committee's proposals not yet placed on an agenda, oldest first."""
    placed = set(
        AgendaItemSource.objects.filter(item__committee_id=committee.id)
        .exclude(item__meeting__status=Meeting.Status.MINUTES_PUBLISHED)
        .values_list("kind", "object_id")
    )
    proposals = [
        proposal
        for source in SOURCES
        for proposal in source.proposals(committee_id=committee.id)
        if (proposal.kind, proposal.object_id) not in placed
    ]
    return sorted(proposals, key=lambda proposal: proposal.proposed_at)


def agenda_warnings(*, meeting: Meeting) -> list[AgendaWarning]:
    """What every source warns about the meeting's items (e.g. a council not heard), overridden or not."""
    items = meeting.items.prefetch_related("themes", "sources").order_by("order", "id")
    facts = [
        AgendaItemFacts(
            item_id=item.id,
            title=item.title,
            theme_ids=frozenset(theme.id for theme in item.themes.all()),
            sources=frozenset((row.kind, row.object_id) for row in item.sources.all()),
        )
        for item in items
    ]
    if not facts:
        return []
    return _cpr_warnings(items) + [warning for source in SOURCES for warning in source.agenda_warnings(items=facts)]


def _cpr_warnings(items) -> list[AgendaWarning]:
    """An open item whose text still holds what looks like a CPR number: the public would read it."""
    return [
        AgendaWarning(
            item_id=item.id,
            code="cpr-number",
            message=_(
                "Punktet »%(title)s« er åbent for offentligheden, men dets tekst ser ud til at indeholde et "
                "CPR-nummer. Fjern det, eller luk punktet."
            )
            % {"title": item.title},
        )
        for item in items
        if item.is_public and contains_cpr(" ".join([item.title, item.recommendation, item.description]))
    ]


def open_agenda_warnings(*, meeting: Meeting) -> list[AgendaWarning]:
    """The warnings the secretary has not overridden: publishing waits for them."""
    overridden = set(WarningOverride.objects.filter(item__meeting=meeting).values_list("item_id", "code"))
    return [w for w in agenda_warnings(meeting=meeting) if (w.item_id, w.code) not in overridden]


def warning_overrides(*, meeting: Meeting):
    return (
        WarningOverride.objects.filter(item__meeting=meeting).select_related("item", "by").order_by("item__order", "id")
    )
