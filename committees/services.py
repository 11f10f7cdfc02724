"""Every write on meetings, agendas, decisions and minutes.

Only the committee's secretary writes (checked here, so every door obeys);
each function validates, then writes in one transaction. Agenda numbers
("Punkt 119") run per committee and are given when the agenda is published,
in agenda order, under a lock on the committee row, so two secretaries
publishing at once never get the same number; an item taken off a published
agenda leaves its number unused ("udgår"), for the numbers were already public.

What the public may read is stored as it is published: the agenda and the
minutes as PDFs (MeetingFile, the agenda stored again when its public content
changes), each open item as a PDF of its own (PaperFile, stored again when the item or its Bilag change),
and a Tombstone for a paper or file that was public and is no longer,
so OParl can tell a syncing client it was deleted.
"""

import hashlib
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Committee, User
from accounts.services import record_staff_action
from committees.documents import document_file_name, meeting_pdf, paper_file_name, paper_pdf
from committees.models import (
    AgendaItem,
    AgendaItemSource,
    Attachment,
    Location,
    Meeting,
    MeetingFile,
    PaperFile,
    Tombstone,
    WarningOverride,
)
from committees.permissions import can_edit_item, can_manage_committee, can_manage_meeting
from committees.selectors import open_agenda_warnings, proposal_queue, public_meeting_document
from committees.sources import agenda_event, proposals_on, source_of
from core.uploads import CheckedUpload, check_attachment
from themes.models import Theme

ITEM_SECTIONS = ("title", "case_number", "item_type", "procedure", "recommendation", "description", "is_public")


def _delete_stored_file(name: str) -> None:
    Attachment.file.field.storage.delete(name)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _touch(meeting_id: int) -> None:
    """A change to an item or attachment is a change to its meeting (OParl `modified`)."""
    Meeting.objects.filter(id=meeting_id).update(updated_at=timezone.now())


def _store_rendered(stored, *, content: bytes, file_name: str):
    """Write a rendered document into its row (MeetingFile, PaperFile) with its size and checksum; the file it
    replaces is deleted after commit, the new one at once if the row cannot be written."""
    replaced = "" if stored._state.adding else stored.file.name
    stored.file_name = file_name
    stored.size = len(content)
    stored.sha512 = hashlib.sha512(content).hexdigest()
    stored.file.save(file_name, ContentFile(content), save=False)
    try:
        stored.save()
    except Exception:
        _delete_stored_file(stored.file.name)
        raise
    if replaced:
        transaction.on_commit(lambda: _delete_stored_file(replaced))
    return stored


def store_public_file(*, meeting: Meeting, kind: str) -> MeetingFile:
    """Render the meeting's agenda or minutes as the public reads it (in Danish) and store it.

    Called by the services below in their transaction, under the meeting's lock (the demo calls it for the
    2015 minutes)."""
    document = public_meeting_document(meeting=meeting, kind=kind)
    content = meeting_pdf(document, language=settings.LANGUAGE_CODE)
    with translation.override(settings.LANGUAGE_CODE):
        file_name = document_file_name(document)
    stored = MeetingFile.objects.filter(meeting=meeting, kind=kind).first() or MeetingFile(meeting=meeting, kind=kind)
    return _store_rendered(stored, content=content, file_name=file_name)


def store_paper_files(*, meeting: Meeting, item_ids: Iterable[int] | None = None) -> list[PaperFile]:
    """Render each open item of the published agenda (or those of `item_ids` that are open) as its own document,
    as the public reads it (in Danish), and store it: the Paper's `mainFile`. Closed items get none."""
    document = public_meeting_document(meeting=meeting, kind=MeetingFile.Kind.AGENDA)
    wanted = None if item_ids is None else set(item_ids)
    items = [item for item in document.items if wanted is None or item.id in wanted]
    existing = PaperFile.objects.in_bulk([item.id for item in items])
    stored = []
    for item in items:
        content = paper_pdf(document, item, language=settings.LANGUAGE_CODE)
        with translation.override(settings.LANGUAGE_CODE):
            file_name = paper_file_name(document, item)
        paper_file = existing.get(item.id) or PaperFile(item=item)
        stored.append(_store_rendered(paper_file, content=content, file_name=file_name))
    return stored


def _agenda_changed(meeting: Meeting, *, item_ids: Iterable[int] = ()) -> None:
    """A change to an item or attachment is a change to its meeting (OParl `modified`) and, once the agenda is
    public, to the stored agenda and to the changed items' own documents."""
    _touch(meeting.id)
    if meeting.status in (Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.HELD):
        store_public_file(meeting=meeting, kind=MeetingFile.Kind.AGENDA)
        if item_ids:
            store_paper_files(meeting=meeting, item_ids=item_ids)


def _bury(*, paper: AgendaItem | None, files: Iterable[Attachment]) -> None:
    """A paper (an open item of a published agenda) and files that were public and are no longer: their
    tombstones. Internal files among `files` were never public and get none."""
    now = timezone.now()
    if paper is not None:
        Tombstone.objects.update_or_create(
            kind=Tombstone.Kind.PAPER,
            object_id=paper.id,
            defaults={"created_at": paper.created_at, "deleted_at": now},
        )
        main_file = PaperFile.objects.filter(item=paper).first()
        if main_file is not None:
            Tombstone.objects.update_or_create(
                kind=Tombstone.Kind.PAPER_FILE,
                object_id=paper.id,
                defaults={"created_at": main_file.created_at, "deleted_at": now, "file_name": main_file.file_name},
            )
    for attachment in files:
        if not attachment.is_internal:
            Tombstone.objects.update_or_create(
                kind=Tombstone.Kind.FILE,
                object_id=attachment.id,
                defaults={"created_at": attachment.created_at, "deleted_at": now, "file_name": attachment.file_name},
            )


def _revive(item: AgendaItem) -> None:
    """The item is public again: its paper, its main file and its files are no longer deleted."""
    Tombstone.objects.filter(kind__in=[Tombstone.Kind.PAPER, Tombstone.Kind.PAPER_FILE], object_id=item.id).delete()
    attachment_ids = item.attachments.values_list("id", flat=True)
    Tombstone.objects.filter(kind=Tombstone.Kind.FILE, object_id__in=attachment_ids).delete()


def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("committee", "location").get(id=meeting.id)


def _location_named(description: str) -> Location:
    description = " ".join(description.split())
    if not description:
        raise ValidationError({"place": _("Skriv, hvor mødet holdes.")})
    if len(description) > 200:
        raise ValidationError({"place": _("Mødestedet må højst være på 200 tegn.")})
    location, _created = Location.objects.get_or_create(description=description)
    return location


def _validate_times(start: datetime | None, end: datetime | None) -> None:
    if start is None:
        raise ValidationError({"start": _("Angiv mødets dato og tidspunkt.")})
    if end is not None and end <= start:
        raise ValidationError({"end": _("Mødet skal slutte efter, at det begynder.")})


def create_meeting(
    *, actor: User, committee: Committee, start: datetime, place: str, end: datetime | None = None
) -> Meeting:
    _require(can_manage_committee(actor, committee))
    _validate_times(start, end)
    with transaction.atomic():
        meeting = Meeting.objects.create(committee=committee, start=start, end=end, location=_location_named(place))
        record_staff_action(actor=actor, action="committees.create_meeting", target=meeting)
        return meeting


def update_meeting(
    *, actor: User, meeting: Meeting, start: datetime, place: str, end: datetime | None = None
) -> Meeting:
    _require(can_manage_meeting(actor, meeting))
    _validate_times(start, end)
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if not meeting.is_upcoming:
            raise ValidationError({"start": _("Mødet er afholdt og kan ikke flyttes.")})
        meeting.start, meeting.end, meeting.location = start, end, _location_named(place)
        meeting.save(update_fields=["start", "end", "location", "updated_at"])
        record_staff_action(
            actor=actor, action="committees.update_meeting", target=meeting, details={"start": start, "place": place}
        )
    return meeting


def default_procedure(*, committee: Committee, item_type: str) -> str:
    """ "Sagsgang og sagstype" as the seed minutes write it, e.g. "Demokratieksperimentariet - drøftelse"."""
    return f"{committee.short_name or committee.name} - {AgendaItem.ItemType(item_type).label.lower()}"


def _validate_item(item: AgendaItem, *, has_sources: bool = False) -> None:
    for field in ("title", "case_number", "procedure", "recommendation", "description"):
        setattr(item, field, getattr(item, field).strip())
    errors: dict[str, list[str]] = {}
    try:
        item.full_clean(exclude=["meeting", "committee", "order", "number"])
    except ValidationError as error:
        errors = error.message_dict
    if has_sources and not item.is_public:
        errors.setdefault("is_public", []).append(
            _("Et punkt med borgerforslag er åbent: forslagene og deres støtte er offentlige.")
        )
    if errors:
        raise ValidationError(errors)


def _editable_sections(meeting: Meeting) -> None:
    if meeting.minutes_are_published:
        raise ValidationError({"title": _("Referatet er offentliggjort; punktet kan ikke længere ændres.")})


def _open_for_new_items(meeting: Meeting) -> None:
    if not meeting.takes_new_items:
        raise ValidationError(
            {"title": _("Dagsordenen er offentliggjort; punkter kan ikke længere tilføjes eller flyttes.")}
        )


def add_item(
    *,
    actor: User,
    meeting: Meeting,
    title: str,
    item_type: str,
    recommendation: str,
    description: str,
    case_number: str = "",
    procedure: str = "",
    is_public: bool = True,
    themes: list[Theme] | None = None,
) -> AgendaItem:
    """A new item last on a planned meeting's agenda."""
    _require(can_manage_meeting(actor, meeting))
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        _open_for_new_items(meeting)
        item = AgendaItem(
            meeting=meeting,
            committee=meeting.committee,
            title=title,
            item_type=item_type,
            case_number=case_number,
            procedure=procedure,
            recommendation=recommendation,
            description=description,
            is_public=is_public,
        )
        _validate_item(item)
        if not item.procedure and item.item_type in AgendaItem.ItemType.values:
            item.procedure = default_procedure(committee=meeting.committee, item_type=item.item_type)
        item.order = (meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1
        item.save()
        if themes:
            item.themes.set(themes)
        _touch(meeting.id)
        record_staff_action(actor=actor, action="committees.add_item", target=item, details={"title": item.title})
    return item


def place_proposal(*, actor: User, meeting: Meeting, kind: str, object_id: int) -> AgendaItem:
    """Put a proposal from the committee's queue on a planned meeting, as a new item with a draft to edit."""
    _require(can_manage_meeting(actor, meeting))
    with transaction.atomic():
        # One placement at a time per committee: a proposal lands on one agenda, never two.
        Committee.objects.select_for_update().get(id=meeting.committee_id)
        meeting = _lock_meeting(meeting)
        _open_for_new_items(meeting)
        proposal = next(
            (p for p in proposal_queue(committee=meeting.committee) if (p.kind, p.object_id) == (kind, object_id)),
            None,
        )
        if proposal is None:
            raise ValidationError({"proposal": _("Forslaget er ikke i køen: det er allerede sat på en dagsorden.")})
        committee = meeting.committee
        with translation.override(settings.LANGUAGE_CODE):  # the agenda is written in Danish
            item = AgendaItem(
                meeting=meeting,
                committee=committee,
                title=proposal.title[:200],
                item_type=AgendaItem.ItemType.DISCUSSION,
                procedure=default_procedure(committee=committee, item_type=AgendaItem.ItemType.DISCUSSION),
                recommendation=_("%(committee)s drøfter forslaget og beslutter, hvad der skal ske med det.")
                % {"committee": committee.short_name or committee.name},
                description=source_of(kind).draft(proposal=proposal),
                is_public=not source_of(kind).drafts_from_citizens_cases,
                order=(meeting.items.aggregate(last=Max("order"))["last"] or 0) + 1,
            )
        item.save()
        item.themes.set(proposal.theme_ids)
        AgendaItemSource.objects.create(item=item, kind=kind, object_id=object_id)
        for document in source_of(kind).files(proposal=proposal):
            upload = SimpleUploadedFile(document.file_name, document.content)
            _store_attachment(item, check_attachment(title=document.title, upload=upload), is_internal=False)
        source_of(kind).placed(object_ids=[object_id], event=agenda_event(item))
        _touch(meeting.id)
        record_staff_action(
            actor=actor, action="committees.place_proposal", target=item, details={"kind": kind, "object_id": object_id}
        )
    return item


def update_item(*, actor: User, item: AgendaItem, themes: list[Theme] | None = None, **sections) -> AgendaItem:
    """Edit an item's sections (title, case number, type, Sagsgang, Indstilling, Beskrivelse, open or closed)
    and its themes."""
    _require(can_edit_item(actor, item))
    unknown = set(sections) - set(ITEM_SECTIONS)
    if unknown:
        raise ValueError(f"not a section: {sorted(unknown)}")
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _editable_sections(meeting)
        item = AgendaItem.objects.select_for_update().get(id=item.id)
        was_public = item.is_public
        for field, value in sections.items():
            setattr(item, field, value)
        _validate_item(item, has_sources=item.sources.exists())
        item.save()
        if meeting.agenda_is_published and was_public != item.is_public:
            if item.is_public:
                _revive(item)
            else:
                _bury(paper=item, files=item.attachments.all())
        _agenda_changed(meeting, item_ids=[item.id])
        if themes is not None:
            item.themes.set(themes)
        changed = sorted(sections) + (["themes"] if themes is not None else [])
        record_staff_action(actor=actor, action="committees.update_item", target=item, details={"changed": changed})
    return item


def remove_item(*, actor: User, item: AgendaItem) -> None:
    """Take an item off an agenda before the meeting is held; a proposal it came from goes back to the queue.

    Off a published agenda the item "udgår": the others keep their numbers, and its paper and files are
    kept as deleted for OParl."""
    _require(can_edit_item(actor, item))
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        if not meeting.is_upcoming:
            raise ValidationError({"title": _("Mødet er afholdt; punkter kan ikke længere fjernes.")})
        item = AgendaItem.objects.select_for_update().get(id=item.id)
        if meeting.agenda_is_published and item.is_public:
            _bury(paper=item, files=item.attachments.all())
        stored = [attachment.file.name for attachment in item.attachments.all()]
        stored += [paper_file.file.name for paper_file in PaperFile.objects.filter(item=item)]
        for name in stored:
            transaction.on_commit(lambda name=name: _delete_stored_file(name))
        for source, event, object_ids in proposals_on([item]):
            source.withdrawn(object_ids=object_ids, event=event)
        record_staff_action(
            actor=actor,
            action="committees.remove_item",
            target=item,
            details={"title": item.title, "meeting_id": meeting.id, "number": item.number},
        )
        item.delete()
        for position, remaining in enumerate(meeting.items.order_by("order", "id"), start=1):
            if remaining.order != position:
                AgendaItem.objects.filter(id=remaining.id).update(order=position)
        _agenda_changed(meeting)


def move_item(*, actor: User, item: AgendaItem, direction: str) -> AgendaItem:
    """Swap an item with its neighbour above ("up") or below ("down")."""
    _require(can_edit_item(actor, item))
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Vælg op eller ned.")})
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _open_for_new_items(meeting)
        item = AgendaItem.objects.get(id=item.id)
        neighbours = meeting.items.filter(order__lt=item.order).order_by("-order")
        if direction == "down":
            neighbours = meeting.items.filter(order__gt=item.order).order_by("order")
        neighbour = neighbours.first()
        if neighbour is None:
            return item
        # The order constraint is checked at commit, so the two rows can swap in place.
        AgendaItem.objects.filter(id=item.id).update(order=neighbour.order)
        AgendaItem.objects.filter(id=neighbour.id).update(order=item.order)
        _touch(meeting.id)
        record_staff_action(
            actor=actor,
            action="committees.move_item",
            target=item,
            details={"direction": direction, "from": item.order, "to": neighbour.order},
        )
    item.refresh_from_db()
    return item


def add_attachment(
    *, actor: User, item: AgendaItem, title: str, upload: UploadedFile, is_internal: bool = False
) -> Attachment:
    _require(can_edit_item(actor, item))
    checked = check_attachment(title=title, upload=upload)
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _editable_sections(meeting)
        attachment = _store_attachment(item, checked, is_internal=is_internal)
        _agenda_changed(meeting, item_ids=[item.id])
        record_staff_action(
            actor=actor,
            action="committees.add_attachment",
            target=item,
            details={"attachment_id": attachment.id, "title": attachment.title, "is_internal": is_internal},
        )
    return attachment


def _store_attachment(item: AgendaItem, checked: CheckedUpload, *, is_internal: bool) -> Attachment:
    """A checked file as the item's last Bilag; the stored file goes again if the row cannot be written."""
    last = item.attachments.aggregate(last=Max("order"))["last"] or 0
    attachment = Attachment(
        item=item,
        title=checked.title,
        file_name=checked.file_name,
        mime_type=checked.mime_type,
        size=checked.size,
        sha1=checked.sha1,
        sha512=checked.sha512,
        is_internal=is_internal,
        order=last + 1,
    )
    attachment.file.save(checked.file_name, checked.upload, save=False)
    try:
        attachment.save()
    except Exception:
        _delete_stored_file(attachment.file.name)
        raise
    return attachment


def remove_attachment(*, actor: User, attachment: Attachment) -> None:
    _require(can_edit_item(actor, attachment.item))
    with transaction.atomic():
        meeting = _lock_meeting(attachment.item.meeting)
        _editable_sections(meeting)
        name = attachment.file.name
        if meeting.agenda_is_published and attachment.item.is_public:
            _bury(paper=None, files=[attachment])
        record_staff_action(
            actor=actor,
            action="committees.remove_attachment",
            target=attachment.item,
            details={"attachment_id": attachment.id, "title": attachment.title},
        )
        attachment.delete()
        transaction.on_commit(lambda: _delete_stored_file(name))
        _agenda_changed(meeting, item_ids=[attachment.item_id])


def publish_agenda(*, actor: User, meeting: Meeting) -> Meeting:
    """Publish a planned meeting's agenda: number its items in order and tell the sources."""
    _require(can_manage_meeting(actor, meeting))
    with transaction.atomic():
        # The committee row is the lock that makes agenda numbers unique and gap-free.
        Committee.objects.select_for_update().get(id=meeting.committee_id)
        meeting = _lock_meeting(meeting)
        if not meeting.takes_new_items:
            raise ValidationError({"status": _("Dagsordenen er allerede offentliggjort.")})
        items = list(meeting.items.order_by("order", "id"))
        if not items:
            raise ValidationError({"status": _("Dagsordenen har ingen punkter endnu.")})
        warnings = open_agenda_warnings(meeting=meeting)
        if warnings:
            raise ValidationError(
                {"status": [_("Dagsordenen har advarsler, der skal ses på først:")] + [w.message for w in warnings]}
            )
        number = AgendaItem.objects.filter(committee_id=meeting.committee_id).aggregate(last=Max("number"))["last"] or 0
        for item in items:
            number += 1
            AgendaItem.objects.filter(id=item.id).update(number=number, updated_at=timezone.now())
        meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.agenda_published_at = timezone.now()
        meeting.save(update_fields=["status", "agenda_published_at", "updated_at"])
        store_public_file(meeting=meeting, kind=MeetingFile.Kind.AGENDA)
        store_paper_files(meeting=meeting)
        # Each source hears that its proposals are on a public agenda (ideas tell their authors and supporters).
        for source, event, object_ids in proposals_on(meeting.items.select_related("meeting__committee")):
            source.agenda_published(object_ids=object_ids, event=event)
        record_staff_action(
            actor=actor, action="committees.publish_agenda", target=meeting, details={"last_number": number}
        )
    return meeting


def override_warning(*, actor: User, item: AgendaItem, code: str, reason: str) -> WarningOverride:
    """The secretary publishes despite a warning on the item; her reason is recorded with the warning's text."""
    _require(can_edit_item(actor, item))
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError({"reason": _("Skriv en begrundelse på mindst 5 tegn.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Begrundelsen må højst være på 2000 tegn.")})
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        _open_for_new_items(meeting)
        warning = next(
            (w for w in open_agenda_warnings(meeting=meeting) if (w.item_id, w.code) == (item.id, code)), None
        )
        if warning is None:
            raise ValidationError({"reason": _("Advarslen gælder ikke længere for punktet.")})
        override = WarningOverride.objects.create(
            item=item, code=code, message=warning.message, reason=reason, by=actor
        )
        record_staff_action(
            actor=actor, action="committees.override_warning", target=item, details={"code": code, "reason": reason}
        )
        return override


def mark_meeting_held(*, actor: User, meeting: Meeting) -> Meeting:
    _require(can_manage_meeting(actor, meeting))
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if not meeting.awaits_holding:
            raise ValidationError({"status": _("Kun et møde med offentliggjort dagsorden kan afholdes.")})
        # A meeting is held once it has begun; so its minutes (which need it held) never come before it either.
        if meeting.start > timezone.now():
            raise ValidationError(
                {
                    "status": _("Mødet begynder først %(start)s. Det kan markeres som afholdt, når det er begyndt.")
                    % {"start": formats.date_format(timezone.localtime(meeting.start), "DATETIME_FORMAT")}
                }
            )
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status", "updated_at"])
        record_staff_action(actor=actor, action="committees.mark_meeting_held", target=meeting)
    return meeting


def record_decision(*, actor: User, item: AgendaItem, decision: str, outcome: str = "") -> AgendaItem:
    """Write the item's Beslutning after the meeting (and, for proposals, its outcome)."""
    _require(can_edit_item(actor, item))
    decision = decision.strip()
    errors: dict[str, list[str]] = {}
    if not decision:
        errors["decision"] = [_("Skriv udvalgets beslutning.")]
    elif len(decision) > 10000:
        errors["decision"] = [_("Beslutningen må højst være på 10000 tegn.")]
    if outcome and outcome not in AgendaItem.Outcome.values:
        errors["outcome"] = [_("Vælg et af de mulige udfald.")]
    elif not outcome and item.sources.exists():
        errors["outcome"] = [_("Vælg, hvad beslutningen betyder for borgerforslagene.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = _lock_meeting(item.meeting)
        if not meeting.takes_decisions:
            raise ValidationError({"decision": _("Beslutninger skrives, når mødet er markeret som afholdt.")})
        item = AgendaItem.objects.select_for_update().get(id=item.id)
        item.decision, item.outcome = decision, outcome
        item.save(update_fields=["decision", "outcome", "updated_at"])
        _touch(meeting.id)
        record_staff_action(actor=actor, action="committees.record_decision", target=item, details={"outcome": outcome})
    return item


def publish_minutes(*, actor: User, meeting: Meeting) -> Meeting:
    """Publish the minutes once every item has its decision."""
    _require(can_manage_meeting(actor, meeting))
    with transaction.atomic():
        meeting = _lock_meeting(meeting)
        if not meeting.takes_decisions:
            raise ValidationError({"status": _("Referatet kan offentliggøres, når mødet er afholdt.")})
        missing = [str(item) for item in meeting.items.order_by("order") if not item.decision]
        if missing:
            raise ValidationError(
                {"status": _("Disse punkter mangler en beslutning: %(items)s") % {"items": ", ".join(missing)}}
            )
        meeting.status = Meeting.Status.MINUTES_PUBLISHED
        meeting.minutes_published_at = timezone.now()
        meeting.save(update_fields=["status", "minutes_published_at", "updated_at"])
        store_public_file(meeting=meeting, kind=MeetingFile.Kind.MINUTES)
        # Each source hears the decision on its proposals (committees/sources.py lists them all): ideas tell their
        # authors and supporters, escalated themes the people who agreed to hear.
        for source, event, object_ids in proposals_on(meeting.items.select_related("meeting__committee")):
            source.decided(object_ids=object_ids, event=event)
        record_staff_action(actor=actor, action="committees.publish_minutes", target=meeting)
    return meeting
